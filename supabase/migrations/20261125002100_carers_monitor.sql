/*
 * ---------------------------------------------------------------------------------------------
 * Carers: the monitor for the municipality, per year and area. Applications, confirmed,
 * approved, paid or redeemed, the share who feel appreciated, checks ("Hoe gaat het met u?"),
 * high burden and call-backs. Aggregates only, counted where the rows are; any count under 5 is
 * null (hidden) before it leaves the database, and a share is only given when both the yes and
 * the other answers are 5 or more. An area is the carer's own area.
 * ---------------------------------------------------------------------------------------------
 */

-- Checks and call-backs of one year are found by when they were made.
create index carer_checks_created_at_idx on public.carer_checks (created_at);
create index carer_call_backs_year_idx on public.carer_call_backs (municipality_id, created_at);

/**
 * One row per area of the municipality with carers in it, and one row for the whole municipality
 * (is_total). Only for the municipality's carer-support officers; anyone else gets no rows.
 */
create function public.carer_monitor(p_municipality uuid, p_year int)
returns table (
  is_total boolean, area_id uuid, area_name text,
  applications int, confirmed int, approved int, paid_or_redeemed int,
  answered int, appreciated_pct int, checks int, heavy int, call_backs int
)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  year_start timestamptz := make_timestamptz(p_year, 1, 1, 0, 0, 0, 'Europe/Amsterdam');
  year_end timestamptz := make_timestamptz(p_year + 1, 1, 1, 0, 0, 0, 'Europe/Amsterdam');
begin
  if not public.is_carer_officer(p_municipality) then
    return;
  end if;
  return query
  with apps as (
    select grouping(p.area_id) = 1 as total, p.area_id,
           count(*)::int as applications,
           count(*) filter (where c.confirmed_at is not null)::int as confirmed,
           count(*) filter (where a.status = 'approved')::int as approved,
           count(*) filter (where a.paid_at is not null or v.redeemed_at is not null)::int as paid_or_redeemed,
           count(f.application_id)::int as answered,
           count(*) filter (where f.feeling = 'yes')::int as appreciated
    from public.carer_applications a
    join public.profiles p on p.id = a.carer_id
    left join public.carer_confirmations c on c.application_id = a.id
    left join public.carer_vouchers v on v.application_id = a.id
    left join public.carer_appreciation_answers f on f.application_id = a.id
    where a.municipality_id = p_municipality and a.year = p_year
    group by grouping sets ((p.area_id), ())
  ), chk as (
    select grouping(p.area_id) = 1 as total, p.area_id,
           count(*)::int as checks,
           -- carer_check_is_heavy(), written out: called once per check it cost a second at scale.
           count(*) filter (where (ch.answers[1] + ch.answers[2] + ch.answers[3] + ch.answers[4] + ch.answers[5]) >= 17.5
                                   or 5 = any (ch.answers))::int as heavy
    from public.carer_checks ch
    join public.profiles p on p.id = ch.carer_id
    join public.areas ar on ar.id = p.area_id
    where ar.municipality_id = p_municipality and ch.created_at >= year_start and ch.created_at < year_end
    group by grouping sets ((p.area_id), ())
  ), cb as (
    select grouping(p.area_id) = 1 as total, p.area_id, count(*)::int as call_backs
    from public.carer_call_backs b
    join public.profiles p on p.id = b.carer_id
    where b.municipality_id = p_municipality and b.created_at >= year_start and b.created_at < year_end
    group by grouping sets ((p.area_id), ())
  ), keys as (
    select total, area_id from apps union select total, area_id from chk union select total, area_id from cb
  )
  select k.total, k.area_id, ar.name,
         case when apps.applications >= 5 then apps.applications end,
         case when apps.confirmed >= 5 then apps.confirmed end,
         case when apps.approved >= 5 then apps.approved end,
         case when apps.paid_or_redeemed >= 5 then apps.paid_or_redeemed end,
         case when apps.answered >= 5 then apps.answered end,
         case when apps.appreciated >= 5 and apps.answered - apps.appreciated >= 5
              then round(100.0 * apps.appreciated / apps.answered)::int end,
         case when chk.checks >= 5 then chk.checks end,
         case when chk.heavy >= 5 then chk.heavy end,
         case when cb.call_backs >= 5 then cb.call_backs end
  from keys k
  left join apps on apps.total = k.total and apps.area_id is not distinct from k.area_id
  left join chk on chk.total = k.total and chk.area_id is not distinct from k.area_id
  left join cb on cb.total = k.total and cb.area_id is not distinct from k.area_id
  left join public.areas ar on ar.id = k.area_id
  order by k.total, ar.name nulls last;
end;
$$;
grant execute on function public.carer_monitor(uuid, int) to authenticated;

