/*
 * ---------------------------------------------------------------------------------------------
 * Carers at scale (npm run bench -- carers: 50,000 carers over five years). The officers' read
 * policy on applications called is_carer_officer(municipality_id) once per row: with 30,000
 * applications in a year the officer's queue took seconds. The same rule, written so Postgres
 * works out the officer's municipalities once per query, and an index that hands the queue its
 * year in the order it shows it.
 * ---------------------------------------------------------------------------------------------
 */

/** The municipalities whose carer-support officer the current user is (a municipal team's officer). */
create function public.carer_officer_municipalities()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct o.municipality_id
  from public.memberships m
  join public.organisations o on o.id = m.organisation_id
  where m.profile_id = (select auth.uid()) and m.role = 'officer' and o.kind = 'municipal_team';
$$;
grant execute on function public.carer_officer_municipalities() to authenticated;

drop policy "Carer-support officers can read the applications of their municipality" on public.carer_applications;
create policy "Carer-support officers can read the applications of their municipality" on public.carer_applications
  for select to authenticated using (municipality_id in (select public.carer_officer_municipalities()));

-- The officer's queue: one municipality's year, oldest first, at most 500.
create index carer_applications_year_applied_idx on public.carer_applications (municipality_id, year, applied_at);

/*
 * Whether the person cared for confirmed (select=carer_confirmation_state on the queue). It read
 * carer_confirmations through that table's policy, which asks the applications' policy again:
 * once per row of the queue. Now it reads past RLS, and answers only when the caller may read
 * the application itself (the carer, whoever applied, an officer of its municipality).
 */
create or replace function public.carer_confirmation_state(a public.carer_applications)
returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when c.confirmed_at is not null then 'confirmed'
    when r.status = 'refused' then 'not_needed'
    when r.applied_at < now() - interval '28 days' then 'late'
    else 'waiting'
  end
  from public.carer_applications r
  join public.carer_confirmations c on c.application_id = r.id
  where r.id = a.id
    and ((select auth.uid()) in (r.carer_id, r.applied_by) or r.municipality_id in (select public.carer_officer_municipalities()));
$$;
