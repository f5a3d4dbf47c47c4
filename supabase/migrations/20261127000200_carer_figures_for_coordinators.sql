/*
 * ---------------------------------------------------------------------------------------------
 * Carer figures in the coordinators' monitor. The carers monitor (carer_monitor) was only for the
 * municipality's carer-support officers; coordinators and the municipality's other officers now
 * see the same figures for the areas of their monitor (monitor_areas()), with the same hiding:
 * any count under 5 empty, and no hidden count to be worked out by subtraction.
 *
 * The counting and hiding moves into one function both read (carer_monitor_suppressed), so the
 * two monitors cannot hide differently. It is not callable by anyone signed in: only through the
 * two functions that check who asks.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * The kept carer counts of a year, per area and in total, with small counts hidden (see
 * 20261126000400): for one municipality (p_areas empty: all its areas, also carers without one)
 * or for a set of areas (p_municipality empty).
 */
create function public.carer_monitor_suppressed(p_municipality uuid, p_areas uuid[], p_year int)
returns table (
  is_total boolean, area_id uuid, area_name text,
  applications int, confirmed int, approved int, paid_or_redeemed int,
  answered int, appreciated_pct int, checks int, heavy int, call_backs int
)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  with sums as (
    select grouping(c.area_id) = 1 as total, c.area_id,
           sum(c.applications)::int as applications, sum(c.confirmed)::int as confirmed, sum(c.approved)::int as approved,
           sum(c.paid_or_redeemed)::int as paid_or_redeemed, sum(c.answered)::int as answered,
           sum(c.appreciated)::int as appreciated, sum(c.checks)::int as checks, sum(c.heavy)::int as heavy,
           sum(c.call_backs)::int as call_backs
    from public.carer_monitor_counts c
    where (p_municipality is null or c.municipality_id = p_municipality)
      and (p_areas is null or c.area_id = any (p_areas))
      and c.year = p_year
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
revoke execute on function public.carer_monitor_suppressed(uuid, uuid[], int) from public, anon, authenticated;

create or replace function public.carer_monitor(p_municipality uuid, p_year int)
returns table (
  is_total boolean, area_id uuid, area_name text,
  applications int, confirmed int, approved int, paid_or_redeemed int,
  answered int, appreciated_pct int, checks int, heavy int, call_backs int
)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not public.is_carer_officer(p_municipality) then
    return;
  end if;
  return query select * from public.carer_monitor_suppressed(p_municipality, null, p_year);
end;
$$;

/**
 * For the coordinators' monitor: the carer figures of a year for the areas the caller may see
 * there (monitor_areas()). With p_area, only that area's row, hidden exactly as in the view of
 * all the caller's areas: hiding it again within one area would show a count that the total of
 * all areas minus this one turns into a hidden one. Nothing for anyone without such areas.
 */
create function public.carer_monitor_for_my_areas(p_year int, p_area uuid default null)
returns table (
  is_total boolean, area_id uuid, area_name text,
  applications int, confirmed int, approved int, paid_or_redeemed int,
  answered int, appreciated_pct int, checks int, heavy int, call_backs int
)
language plpgsql stable security definer set search_path = ''
as $$
declare
  mine uuid[] := array(select public.monitor_areas());
begin
  if cardinality(mine) = 0 then
    return;
  end if;
  return query
  select r.* from public.carer_monitor_suppressed(null, mine, p_year) r
  where p_area is null or (r.area_id = p_area and not r.is_total);
end;
$$;
revoke execute on function public.carer_monitor_for_my_areas(int, uuid) from public;
grant execute on function public.carer_monitor_for_my_areas(int, uuid) to authenticated;
