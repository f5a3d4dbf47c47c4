/**
 * Carers monitor: read from the counts kept by 20261126000300 (a few rows per municipality and
 * year instead of a year of applications), and a hidden count can no longer be worked out by
 * subtraction.
 *
 * Each count under 5 was hidden, but the whole municipality's row was shown: with one area's count
 * hidden in a column, the total minus the other areas gave it back exactly. Now, in a column where
 * exactly one area's count is from 1 to 4 and the total is shown, the smallest area count still
 * shown is hidden too (complementary suppression): the two hidden cells then add up to a number
 * that says neither. A share (feels appreciated) is shown only when both its counts are.
 * Zero is not hidden for its own sake (it names nobody), but shows as empty like every count under 5.
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
  ), cells as (
    -- one row per area (or total) and column
    select s.total, s.area_id, x.col, coalesce(x.n, 0) as n
    from sums s
    cross join lateral (values ('applications', s.applications), ('confirmed', s.confirmed), ('approved', s.approved),
                               ('paid_or_redeemed', s.paid_or_redeemed), ('answered', s.answered), ('appreciated', s.appreciated),
                               ('checks', s.checks), ('heavy', s.heavy), ('call_backs', s.call_backs)) x(col, n)
    where s.total or s.applications > 0 or s.checks > 0 or s.call_backs > 0
  ), marked as (
    select c.*,
           count(*) filter (where not c.total and c.n between 1 and 4) over (partition by c.col) as small_areas,
           bool_or(c.total and c.n >= 5) over (partition by c.col) as total_shown,
           -- among the areas, the smallest count that would be shown comes first
           row_number() over (partition by c.col, c.total order by c.n < 5, c.n, c.area_id) as smallest_shown
    from cells c
  ), shown as (
    select m.total, m.area_id, m.col,
           case when m.n >= 5
                 and not (not m.total and m.small_areas = 1 and m.total_shown and m.smallest_shown = 1)
                then m.n end as n
    from marked m
  ), pivoted as (
    select s.total, s.area_id,
           max(s.n) filter (where s.col = 'applications') as applications,
           max(s.n) filter (where s.col = 'confirmed') as confirmed,
           max(s.n) filter (where s.col = 'approved') as approved,
           max(s.n) filter (where s.col = 'paid_or_redeemed') as paid_or_redeemed,
           max(s.n) filter (where s.col = 'answered') as answered,
           max(s.n) filter (where s.col = 'appreciated') as appreciated,
           max(s.n) filter (where s.col = 'checks') as checks,
           max(s.n) filter (where s.col = 'heavy') as heavy,
           max(s.n) filter (where s.col = 'call_backs') as call_backs
    from shown s
    group by s.total, s.area_id
  )
  select r.total, r.area_id, ar.name,
         r.applications, r.confirmed, r.approved, r.paid_or_redeemed, r.answered,
         case when r.appreciated is not null and r.answered - r.appreciated >= 5
              then round(100.0 * r.appreciated / r.answered)::int end,
         r.checks, r.heavy, r.call_backs
  from pivoted r
  left join public.areas ar on ar.id = r.area_id
  order by r.total, ar.name nulls last;
end;
$$;
