/*
 * ---------------------------------------------------------------------------------------------
 * Carers: "Voelt u zich gewaardeerd?" (the seeds' question), asked on an approved application,
 * and the figures the carer-support team sees (counts only, any count under 5 hidden). And the
 * carer's own data: what they may delete themselves, and how long Omzien keeps the rest.
 * ---------------------------------------------------------------------------------------------
 */

create type public.carer_feeling as enum ('yes', 'somewhat', 'no');

create table public.carer_appreciation_answers (
  application_id uuid primary key references public.carer_applications (id) on delete cascade,
  feeling public.carer_feeling not null,
  answered_at timestamptz not null default now()
);
comment on table public.carer_appreciation_answers is 'The carer''s answer to "Voelt u zich gewaardeerd?" for an approved application. Private to the carer; the team sees counts only (carer_figures()).';

alter table public.carer_appreciation_answers enable row level security;
create policy "Carers can read their own answers" on public.carer_appreciation_answers
  for select to authenticated
  using (exists (select 1 from public.carer_applications a where a.id = application_id and a.carer_id = (select auth.uid())));
revoke all on public.carer_appreciation_answers from anon, authenticated;
grant select on public.carer_appreciation_answers to authenticated;

/**
 * The carer answers "Voelt u zich gewaardeerd?" for their own approved application; a new
 * answer replaces the last one.
 */
create function public.carer_answer_feeling(p_application uuid, p_feeling public.carer_feeling)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.carer_applications a
    where a.id = p_application and a.carer_id = (select auth.uid()) and a.status = 'approved'
  ) then
    raise exception 'carers.errors.not_found' using errcode = 'P0002';
  end if;
  insert into public.carer_appreciation_answers (application_id, feeling) values (p_application, p_feeling)
  on conflict (application_id) do update set feeling = excluded.feeling, answered_at = now();
end;
$$;
grant execute on function public.carer_answer_feeling(uuid, public.carer_feeling) to authenticated;

/**
 * For the carer-support team: the year in numbers. Applications, confirmed, approved, paid or
 * redeemed, answered "Voelt u zich gewaardeerd?" and how many said yes. Counts only; any count
 * under 5 is null, so no single carer can be picked out.
 */
create function public.carer_figures(p_municipality uuid, p_year int)
returns table (applications int, confirmed int, approved int, paid_or_redeemed int, answered int, appreciated int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not public.is_carer_officer(p_municipality) then
    raise exception 'carers.errors.not_allowed' using errcode = '42501';
  end if;
  return query
  with counted as (
    select count(*)::int as applications,
           count(*) filter (where c.confirmed_at is not null)::int as confirmed,
           count(*) filter (where a.status = 'approved')::int as approved,
           count(*) filter (where a.paid_at is not null or v.redeemed_at is not null)::int as paid_or_redeemed,
           count(f.application_id)::int as answered,
           count(*) filter (where f.feeling = 'yes')::int as appreciated
    from public.carer_applications a
    left join public.carer_confirmations c on c.application_id = a.id
    left join public.carer_vouchers v on v.application_id = a.id
    left join public.carer_appreciation_answers f on f.application_id = a.id
    where a.municipality_id = p_municipality and a.year = p_year
  )
  select case when n.applications >= 5 then n.applications end,
         case when n.confirmed >= 5 then n.confirmed end,
         case when n.approved >= 5 then n.approved end,
         case when n.paid_or_redeemed >= 5 then n.paid_or_redeemed end,
         case when n.answered >= 5 then n.answered end,
         case when n.appreciated >= 5 then n.appreciated end
  from counted n;
end;
$$;
grant execute on function public.carer_figures(uuid, int) to authenticated;

/*
 * Own data. A carer deletes their applications, checks and call-back requests themselves,
 * except an approved application (money paid or to be paid, a voucher or gift): the
 * municipality must keep what it paid for seven years (the legal period for its accounts).
 * Everything else that is old goes by itself (carer_delete_expired(), a job): an approved
 * application seven years after its year, any other application and every check two years
 * after. Deleting a profile deletes all of it at once (on delete cascade).
 */

/** Years an approved application is kept after its year; the own-data page says so. */
create function public.carer_keep_paid_years()
returns int
language sql immutable set search_path = ''
as $$ select 7 $$;
grant execute on function public.carer_keep_paid_years() to authenticated;

/**
 * The carer deletes their own data: every application of theirs that is not approved (with its
 * bank account, confirmation and recording link), their checks and call-back requests. Returns
 * how many applications were kept because a payment depends on them. Logged.
 */
create function public.carer_delete_my_data()
returns int
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  kept int;
begin
  if me is null then
    raise exception 'carers.errors.not_allowed' using errcode = '42501';
  end if;
  delete from public.voice_messages v using public.carer_applications a
  where v.subject_type = 'carer_application' and v.subject_id = a.id and a.carer_id = me and a.status <> 'approved';
  delete from public.carer_applications where carer_id = me and status <> 'approved';
  delete from public.carer_checks where carer_id = me; -- call-back requests go with their check
  select count(*)::int into kept from public.carer_applications where carer_id = me;
  insert into public.audit_log (actor_id, action, details)
  values (me, 'carer.deleted_own_data', jsonb_build_object('kept', kept));
  return kept;
end;
$$;
grant execute on function public.carer_delete_my_data() to authenticated;

/**
 * For the job: deletes what is older than its keeping time (see above). Returns how many
 * applications and checks went. Service role only.
 */
create function public.carer_delete_expired()
returns table (applications int, checks int)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  this_year int := extract(year from now() at time zone 'Europe/Amsterdam')::int;
  gone_applications int;
  gone_checks int;
begin
  delete from public.voice_messages v using public.carer_applications a
  where v.subject_type = 'carer_application' and v.subject_id = a.id
    and ((a.status = 'approved' and a.year < this_year - public.carer_keep_paid_years()) or (a.status <> 'approved' and a.year < this_year - 2));
  delete from public.carer_applications
  where (status = 'approved' and year < this_year - public.carer_keep_paid_years())
     or (status <> 'approved' and year < this_year - 2);
  get diagnostics gone_applications = row_count;
  delete from public.carer_checks where created_at < now() - interval '2 years';
  get diagnostics gone_checks = row_count;
  return query select gone_applications, gone_checks;
end;
$$;
grant execute on function public.carer_delete_expired() to service_role;
