/*
 * ---------------------------------------------------------------------------------------------
 * Carers: the monitor reads counts kept up to date by triggers, instead of adding up a whole
 * year of applications, checks and call-backs on every call (175 ms p95 at 150,000 applications;
 * the target is 50 ms).
 *
 * Two steps, each simple:
 * 1. carer_monitor_facts: one row per application, check and call-back with what the monitor
 *    counts of it (confirmed, approved, paid or redeemed, answered, feels appreciated; heavy).
 *    Triggers on the source tables refresh the rows of what changed.
 * 2. carer_monitor_counts: per municipality, year and area, the sums. Triggers on the facts add
 *    the new rows and take off the old ones.
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

/*
 * Every trigger here works per statement, on the rows the statement changed (transition tables):
 * a bulk load or a large delete adds up its rows once, instead of updating the same few sums row
 * by row, which in one transaction makes each update step over all the earlier versions.
 */

/** The facts in (sign 1) or out (sign -1) of the sums, per municipality, year and area at once. */
create function public.carer_monitor_facts_counted()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  -- a transition table exists only for the events it was declared for, so the query is built per event
  signed text := case tg_op
    when 'INSERT' then 'select 1 as sign, n.* from new_facts n'
    when 'DELETE' then 'select -1 as sign, o.* from old_facts o'
    else 'select 1 as sign, n.* from new_facts n union all select -1 as sign, o.* from old_facts o'
  end;
begin
  execute format($sql$
    insert into public.carer_monitor_counts as c (municipality_id, year, area_id, applications, confirmed, approved, paid_or_redeemed,
                                                  answered, appreciated, checks, heavy, call_backs)
    select f.municipality_id, f.year, f.area_id,
           sum(f.sign * (f.kind = 'application')::int),
           sum(f.sign * (f.kind = 'application' and f.confirmed)::int),
           sum(f.sign * (f.kind = 'application' and f.approved)::int),
           sum(f.sign * (f.kind = 'application' and f.paid_or_redeemed)::int),
           sum(f.sign * (f.kind = 'application' and f.answered)::int),
           sum(f.sign * (f.kind = 'application' and f.appreciated)::int),
           sum(f.sign * (f.kind = 'check')::int),
           sum(f.sign * (f.kind = 'check' and f.heavy)::int),
           sum(f.sign * (f.kind = 'call_back')::int)
    from (%s) f
    group by f.municipality_id, f.year, f.area_id
    on conflict on constraint carer_monitor_counts_key do update set
      applications = c.applications + excluded.applications,
      confirmed = c.confirmed + excluded.confirmed,
      approved = c.approved + excluded.approved,
      paid_or_redeemed = c.paid_or_redeemed + excluded.paid_or_redeemed,
      answered = c.answered + excluded.answered,
      appreciated = c.appreciated + excluded.appreciated,
      checks = c.checks + excluded.checks,
      heavy = c.heavy + excluded.heavy,
      call_backs = c.call_backs + excluded.call_backs
  $sql$, signed);
  return null;
end;
$$;

/** The facts of these applications as they are now; gone for an application that is gone. */
create function public.carer_monitor_refresh_applications(p_applications uuid[])
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.carer_monitor_facts f
  where f.source_id = any (p_applications) and f.kind = 'application'
    and not exists (select 1 from public.carer_applications a where a.id = f.source_id);
  insert into public.carer_monitor_facts as f (source_id, kind, municipality_id, year, area_id, confirmed, approved,
                                              paid_or_redeemed, answered, appreciated)
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
  left join public.carer_appreciation_answers x on x.application_id = a.id
  where a.id = any (p_applications)
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
revoke execute on function public.carer_monitor_refresh_applications(uuid[]) from public, anon, authenticated;

/** After a statement on an application or a row that hangs off one: refresh the applications it touched. */
create function public.carer_monitor_applications_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  key text := case when tg_table_name = 'carer_applications' then 'id' else 'application_id' end;
  touched uuid[] := '{}';
begin
  -- each statement is planned when first run, so a DELETE never looks for new_rows
  if tg_op in ('INSERT', 'UPDATE') then
    touched := touched || array(select (to_jsonb(n) ->> key)::uuid from new_rows n);
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    touched := touched || array(select (to_jsonb(o) ->> key)::uuid from old_rows o);
  end if;
  perform public.carer_monitor_refresh_applications(touched);
  return null;
end;
$$;

/** A check counts in the year and area where it was made (the carer's area then); a call-back likewise. */
create function public.carer_monitor_checks_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    delete from public.carer_monitor_facts f where f.source_id in (select o.id from old_rows o);
  elsif tg_table_name = 'carer_checks' then
    insert into public.carer_monitor_facts (source_id, kind, municipality_id, year, area_id, heavy)
    select n.id, 'check', ar.municipality_id, extract(year from n.created_at at time zone 'Europe/Amsterdam')::int, ar.id,
           (n.answers[1] + n.answers[2] + n.answers[3] + n.answers[4] + n.answers[5]) >= 17.5 or 5 = any (n.answers)
    from new_rows n join public.profiles p on p.id = n.carer_id join public.areas ar on ar.id = p.area_id
    on conflict (source_id) do nothing;
  else
    insert into public.carer_monitor_facts (source_id, kind, municipality_id, year, area_id)
    select n.id, 'call_back', n.municipality_id, extract(year from n.created_at at time zone 'Europe/Amsterdam')::int, p.area_id
    from new_rows n left join public.profiles p on p.id = n.carer_id
    on conflict (source_id) do nothing;
  end if;
  return null;
end;
$$;

-- What there is already: the facts first, then their sums in one go, then the triggers.
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

insert into public.carer_monitor_counts (municipality_id, year, area_id, applications, confirmed, approved, paid_or_redeemed,
                                         answered, appreciated, checks, heavy, call_backs)
select f.municipality_id, f.year, f.area_id,
       count(*) filter (where f.kind = 'application'),
       count(*) filter (where f.kind = 'application' and f.confirmed),
       count(*) filter (where f.kind = 'application' and f.approved),
       count(*) filter (where f.kind = 'application' and f.paid_or_redeemed),
       count(*) filter (where f.kind = 'application' and f.answered),
       count(*) filter (where f.kind = 'application' and f.appreciated),
       count(*) filter (where f.kind = 'check'),
       count(*) filter (where f.kind = 'check' and f.heavy),
       count(*) filter (where f.kind = 'call_back')
from public.carer_monitor_facts f
group by f.municipality_id, f.year, f.area_id;

-- One trigger per event: a trigger with transition tables fires on one kind of statement.
create trigger carer_monitor_facts_inserted after insert on public.carer_monitor_facts
  referencing new table as new_facts for each statement execute function public.carer_monitor_facts_counted();
create trigger carer_monitor_facts_updated after update on public.carer_monitor_facts
  referencing old table as old_facts new table as new_facts for each statement execute function public.carer_monitor_facts_counted();
create trigger carer_monitor_facts_deleted after delete on public.carer_monitor_facts
  referencing old table as old_facts for each statement execute function public.carer_monitor_facts_counted();
alter table public.carer_monitor_facts enable always trigger carer_monitor_facts_inserted;
alter table public.carer_monitor_facts enable always trigger carer_monitor_facts_updated;
alter table public.carer_monitor_facts enable always trigger carer_monitor_facts_deleted;

do $triggers$
declare
  source record;
begin
  for source in
    select * from (values
      ('carer_applications', 'carer_monitor_applications_changed'),
      ('carer_confirmations', 'carer_monitor_applications_changed'),
      ('carer_vouchers', 'carer_monitor_applications_changed'),
      ('carer_appreciation_answers', 'carer_monitor_applications_changed'),
      ('carer_checks', 'carer_monitor_checks_changed'),
      ('carer_call_backs', 'carer_monitor_checks_changed')
    ) t(tbl, fn)
  loop
    execute format('create trigger carer_monitor_inserted after insert on public.%I referencing new table as new_rows
                    for each statement execute function public.%I()', source.tbl, source.fn);
    execute format('create trigger carer_monitor_deleted after delete on public.%I referencing old table as old_rows
                    for each statement execute function public.%I()', source.tbl, source.fn);
    execute format('alter table public.%I enable always trigger carer_monitor_inserted', source.tbl);
    execute format('alter table public.%I enable always trigger carer_monitor_deleted', source.tbl);
    -- checks and call-backs are counted once, when made
    if source.fn = 'carer_monitor_applications_changed' then
      execute format('create trigger carer_monitor_updated after update on public.%I referencing old table as old_rows new table as new_rows
                      for each statement execute function public.%I()', source.tbl, source.fn);
      execute format('alter table public.%I enable always trigger carer_monitor_updated', source.tbl);
    end if;
  end loop;
end
$triggers$;

-- carer_monitor() reads these counts from 20261126000400_carers_monitor_no_subtraction.sql on.
