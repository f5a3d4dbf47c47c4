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


/** carer_names() as before, with the officer's municipalities worked out once per call, not once per application. */
create or replace function public.carer_names(p_ids uuid[])
returns table (id uuid, carer_name text)
language sql stable security definer set search_path = ''
as $$
  select a.id, p.display_name
  from public.carer_applications a join public.profiles p on p.id = a.carer_id
  where a.id = any (p_ids)
    and ((select auth.uid()) in (a.carer_id, a.applied_by) or a.municipality_id in (select public.carer_officer_municipalities()));
$$;
