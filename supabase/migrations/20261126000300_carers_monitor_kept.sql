/*
 * ---------------------------------------------------------------------------------------------
 * Carers: the monitor reads counts kept up to date by triggers, instead of adding up a whole
 * year of applications, checks and call-backs on every call (175 ms p95 at 150,000 applications;
 * the target is 50 ms).
 *
 * Two steps, each simple:
 * 1. carer_monitor_facts: one row per application, check and call-back with what the monitor
 *    counts of it (confirmed, approved, paid or redeemed, answered, feels appreciated; heavy).
 *    Triggers on the source tables refresh the row of what changed.
 * 2. carer_monitor_counts: per municipality, year and area, the sums. A trigger on the facts adds
 *    the new row and takes off the old one.
 *
 * The area counted is the carer's area when the row was first counted (when they applied, did
 * the check or asked to be called back), so a carer who moves later does not move last year's
 * figures. Before, the monitor used the carer's area of today.
 *
 * The triggers fire always, also with session_replication_role = replica (bulk loads and some
 * tests write that way): counts that miss rows would be wrong without anyone noticing.
 * Nobody reads these tables but carer_monitor() (RLS on, no policies).
 * ---------------------------------------------------------------------------------------------
 */

create table public.carer_monitor_facts (
  source_id uuid primary key,
  kind text not null check (kind in ('application', 'check', 'call_back')),
  municipality_id uuid not null,
  year int not null,
  area_id uuid,
  confirmed boolean not null default false,
  approved boolean not null default false,
  paid_or_redeemed boolean not null default false,
  answered boolean not null default false,
  appreciated boolean not null default false,
  heavy boolean not null default false
);
comment on table public.carer_monitor_facts is 'What the carers monitor counts of each application, check and call-back; kept by triggers (20261126000300).';
alter table public.carer_monitor_facts enable row level security;

create table public.carer_monitor_counts (
  municipality_id uuid not null,
  year int not null,
  area_id uuid,
  applications int not null default 0,
  confirmed int not null default 0,
  approved int not null default 0,
  paid_or_redeemed int not null default 0,
  answered int not null default 0,
  appreciated int not null default 0,
  checks int not null default 0,
  heavy int not null default 0,
  call_backs int not null default 0,
  constraint carer_monitor_counts_key unique nulls not distinct (municipality_id, year, area_id)
);
comment on table public.carer_monitor_counts is 'The carers monitor''s sums per municipality, year and area (null: carers without an area); kept by a trigger on carer_monitor_facts.';
alter table public.carer_monitor_counts enable row level security;

/** Adds (sign 1) or takes off (sign -1) one fact in the sums. */
create function public.carer_monitor_count(f public.carer_monitor_facts, sign int)
returns void
language sql security definer set search_path = ''
as $$
  insert into public.carer_monitor_counts as c (municipality_id, year, area_id, applications, confirmed, approved, paid_or_redeemed,
                                                answered, appreciated, checks, heavy, call_backs)
  values (f.municipality_id, f.year, f.area_id,
          sign * (f.kind = 'application')::int,
          sign * (f.kind = 'application' and f.confirmed)::int,
          sign * (f.kind = 'application' and f.approved)::int,
          sign * (f.kind = 'application' and f.paid_or_redeemed)::int,
          sign * (f.kind = 'application' and f.answered)::int,
          sign * (f.kind = 'application' and f.appreciated)::int,
          sign * (f.kind = 'check')::int,
          sign * (f.kind = 'check' and f.heavy)::int,
          sign * (f.kind = 'call_back')::int)
  on conflict on constraint carer_monitor_counts_key do update set
    applications = c.applications + excluded.applications,
    confirmed = c.confirmed + excluded.confirmed,
    approved = c.approved + excluded.approved,
    paid_or_redeemed = c.paid_or_redeemed + excluded.paid_or_redeemed,
    answered = c.answered + excluded.answered,
    appreciated = c.appreciated + excluded.appreciated,
    checks = c.checks + excluded.checks,
    heavy = c.heavy + excluded.heavy,
    call_backs = c.call_backs + excluded.call_backs;
$$;
revoke execute on function public.carer_monitor_count(public.carer_monitor_facts, int) from public, anon, authenticated;

create function public.carer_monitor_facts_counted()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform public.carer_monitor_count(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform public.carer_monitor_count(new, 1);
  end if;
  return null;
end;
$$;
create trigger carer_monitor_facts_counted
  after insert or update or delete on public.carer_monitor_facts
  for each row execute function public.carer_monitor_facts_counted();
alter table public.carer_monitor_facts enable always trigger carer_monitor_facts_counted;

/** The fact of one application as it is now; gone when the application is gone. */
create function public.carer_monitor_refresh_application(p_application uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.carer_applications a where a.id = p_application) then
    delete from public.carer_monitor_facts f where f.source_id = p_application;
    return;
  end if;
  insert into public.carer_monitor_facts as f (source_id, kind, municipality_id, year, area_id, confirmed, approved,
                                              paid_or_redeemed, answered, appreciated)
  select a.id, 'application', a.municipality_id, a.year, p.area_id,
         exists (select 1 from public.carer_confirmations c where c.application_id = a.id and c.confirmed_at is not null),
         a.status = 'approved',
         a.paid_at is not null or exists (select 1 from public.carer_vouchers v where v.application_id = a.id and v.redeemed_at is not null),
         exists (select 1 from public.carer_appreciation_answers x where x.application_id = a.id),
         exists (select 1 from public.carer_appreciation_answers x where x.application_id = a.id and x.feeling = 'yes')
  from public.carer_applications a
  left join public.profiles p on p.id = a.carer_id
  where a.id = p_application
  on conflict (source_id) do update set
    -- the area stays the one counted first
    municipality_id = excluded.municipality_id, year = excluded.year, confirmed = excluded.confirmed,
    approved = excluded.approved, paid_or_redeemed = excluded.paid_or_redeemed, answered = excluded.answered,
    appreciated = excluded.appreciated
  where (f.municipality_id, f.year, f.confirmed, f.approved, f.paid_or_redeemed, f.answered, f.appreciated)
        is distinct from (excluded.municipality_id, excluded.year, excluded.confirmed, excluded.approved,
                          excluded.paid_or_redeemed, excluded.answered, excluded.appreciated);
end;
$$;
revoke execute on function public.carer_monitor_refresh_application(uuid) from public, anon, authenticated;

create function public.carer_monitor_application_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- carer_applications has id; the others hang off it by application_id
  if tg_table_name = 'carer_applications' then
    perform public.carer_monitor_refresh_application(case when tg_op = 'DELETE' then old.id else new.id end);
  else
    perform public.carer_monitor_refresh_application(case when tg_op = 'DELETE' then old.application_id else new.application_id end);
  end if;
  return null;
end;
$$;

/** A check counts in the year and area where it was made (the carer's area then). */
create function public.carer_monitor_check_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    delete from public.carer_monitor_facts f where f.source_id = old.id;
    return null;
  end if;
  insert into public.carer_monitor_facts (source_id, kind, municipality_id, year, area_id, heavy)
  select new.id, 'check', ar.municipality_id, extract(year from new.created_at at time zone 'Europe/Amsterdam')::int, ar.id,
         (new.answers[1] + new.answers[2] + new.answers[3] + new.answers[4] + new.answers[5]) >= 17.5 or 5 = any (new.answers)
  from public.profiles p join public.areas ar on ar.id = p.area_id
  where p.id = new.carer_id
  on conflict (source_id) do nothing;
  return null;
end;
$$;

create function public.carer_monitor_call_back_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    delete from public.carer_monitor_facts f where f.source_id = old.id;
    return null;
  end if;
  insert into public.carer_monitor_facts (source_id, kind, municipality_id, year, area_id)
  select new.id, 'call_back', new.municipality_id, extract(year from new.created_at at time zone 'Europe/Amsterdam')::int, p.area_id
  from public.profiles p where p.id = new.carer_id
  on conflict (source_id) do nothing;
  return null;
end;
$$;

-- What there is already.
insert into public.carer_monitor_facts (source_id, kind, municipality_id, year, area_id, confirmed, approved, paid_or_redeemed, answered, appreciated)
select a.id, 'application', a.municipality_id, a.year, p.area_id,
       coalesce(c.confirmed_at is not null, false),
       a.status = 'approved',
       a.paid_at is not null or coalesce(v.redeemed_at is not null, false),
       x.application_id is not null,
       coalesce(x.feeling = 'yes', false)
from public.carer_applications a
left join public.profiles p on p.id = a.carer_id
left join public.carer_confirmations c on c.application_id = a.id
left join public.carer_vouchers v on v.application_id = a.id
left join public.carer_appreciation_answers x on x.application_id = a.id;

insert into public.carer_monitor_facts (source_id, kind, municipality_id, year, area_id, heavy)
select ch.id, 'check', ar.municipality_id, extract(year from ch.created_at at time zone 'Europe/Amsterdam')::int, ar.id,
       (ch.answers[1] + ch.answers[2] + ch.answers[3] + ch.answers[4] + ch.answers[5]) >= 17.5 or 5 = any (ch.answers)
from public.carer_checks ch join public.profiles p on p.id = ch.carer_id join public.areas ar on ar.id = p.area_id;

insert into public.carer_monitor_facts (source_id, kind, municipality_id, year, area_id)
select b.id, 'call_back', b.municipality_id, extract(year from b.created_at at time zone 'Europe/Amsterdam')::int, p.area_id
from public.carer_call_backs b left join public.profiles p on p.id = b.carer_id;

create trigger carer_monitor_applications after insert or delete or update of status, paid_at, municipality_id, year
  on public.carer_applications for each row execute function public.carer_monitor_application_changed();
create trigger carer_monitor_confirmations after insert or delete or update of confirmed_at
  on public.carer_confirmations for each row execute function public.carer_monitor_application_changed();
create trigger carer_monitor_vouchers after insert or delete or update of redeemed_at
  on public.carer_vouchers for each row execute function public.carer_monitor_application_changed();
create trigger carer_monitor_appreciation after insert or delete or update of feeling
  on public.carer_appreciation_answers for each row execute function public.carer_monitor_application_changed();
create trigger carer_monitor_checks after insert or delete
  on public.carer_checks for each row execute function public.carer_monitor_check_changed();
create trigger carer_monitor_call_backs after insert or delete
  on public.carer_call_backs for each row execute function public.carer_monitor_call_back_changed();
alter table public.carer_applications enable always trigger carer_monitor_applications;
alter table public.carer_confirmations enable always trigger carer_monitor_confirmations;
alter table public.carer_vouchers enable always trigger carer_monitor_vouchers;
alter table public.carer_appreciation_answers enable always trigger carer_monitor_appreciation;
alter table public.carer_checks enable always trigger carer_monitor_checks;
alter table public.carer_call_backs enable always trigger carer_monitor_call_backs;

/**
 * The monitor from the kept counts: one row per area with carers in it, and one for the whole
 * municipality (is_total); any count under 5 null, a share only when both sides are 5 or more.
 * Only for the municipality's carer-support officers; anyone else gets no rows.
 */
create or replace function public.carer_monitor(p_municipality uuid, p_year int)
returns table (
  is_total boolean, area_id uuid, area_name text,
  applications int, confirmed int, approved int, paid_or_redeemed int,
  answered int, appreciated_pct int, checks int, heavy int, call_backs int
)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  if not public.is_carer_officer(p_municipality) then
    return;
  end if;
  return query
  with sums as (
    select grouping(c.area_id) = 1 as total, c.area_id,
           sum(c.applications)::int as applications, sum(c.confirmed)::int as confirmed, sum(c.approved)::int as approved,
           sum(c.paid_or_redeemed)::int as paid_or_redeemed, sum(c.answered)::int as answered,
           sum(c.appreciated)::int as appreciated, sum(c.checks)::int as checks, sum(c.heavy)::int as heavy,
           sum(c.call_backs)::int as call_backs
    from public.carer_monitor_counts c
    where c.municipality_id = p_municipality and c.year = p_year
      and (c.applications > 0 or c.checks > 0 or c.call_backs > 0)
    group by grouping sets ((c.area_id), ())
  )
  select s.total, s.area_id, ar.name,
         case when s.applications >= 5 then s.applications end,
         case when s.confirmed >= 5 then s.confirmed end,
         case when s.approved >= 5 then s.approved end,
         case when s.paid_or_redeemed >= 5 then s.paid_or_redeemed end,
         case when s.answered >= 5 then s.answered end,
         case when s.appreciated >= 5 and s.answered - s.appreciated >= 5
              then round(100.0 * s.appreciated / s.answered)::int end,
         case when s.checks >= 5 then s.checks end,
         case when s.heavy >= 5 then s.heavy end,
         case when s.call_backs >= 5 then s.call_backs end
  from sums s
  left join public.areas ar on ar.id = s.area_id
  where s.total or s.applications > 0 or s.checks > 0 or s.call_backs > 0
  order by s.total, ar.name nulls last;
end;
$$;
