/*
 * ---------------------------------------------------------------------------------------------
 * The coordinators' monitor: no hidden count to be worked out by subtraction.
 *
 * Between areas. Each count under 5 was hidden, but a person can look at all their areas together
 * and at each area alone. With exactly one area whose count is 1 to 4 (hidden when that area is
 * chosen), the total of all areas minus the areas shown gave it back exactly. Now the total of all
 * areas is hidden too in that case: in a column where exactly one area has a count from 1 to 4.
 * With two or more such areas, the total says only what they have together, which names nobody.
 * The same for the requests per week (asked, matched, matched within a week (behind the share),
 * thanks), the open requests by how long they wait, and the worry signals per week (in, picked up,
 * late). What the monitor showed for one area stays as it was.
 *
 * Between periods. A period could start or end on any day, and the weeks it cut through were
 * counted for those days only: two periods a day apart gave, by subtraction, the count of one day
 * in one area. Now every period is widened to whole weeks, from the Monday of its first day to the
 * Sunday of its last, and the requests per week come from the kept weekly figures alone.
 * ---------------------------------------------------------------------------------------------
 */

/** A total of several areas, or null: under 5, or exactly one area in it has 1 to 4. */
create function public.monitor_total_cell(p_total bigint, p_small_areas bigint)
returns bigint
language sql immutable parallel safe set search_path = ''
as $$ select case when p_total >= 5 and p_small_areas <> 1 then p_total end; $$;
grant execute on function public.monitor_total_cell(bigint, bigint) to authenticated;

/** The Monday of the week of a day (ISO weeks, as the monitor's weeks). */
create function public.monitor_week_start(p_day date)
returns date
language sql immutable parallel safe set search_path = ''
as $$ select p_day - (extract(isodow from p_day)::int - 1); $$;
grant execute on function public.monitor_week_start(date) to authenticated;

create or replace function public.monitor_weekly(p_from date, p_to date, p_area uuid default null)
returns table (week date, requests bigint, matched bigint, median_hours numeric, matched_within_week_pct numeric, thanks bigint)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  first_week date := public.monitor_week_start(p_from);
  last_week date := public.monitor_week_start(p_to);
begin
  return query
  with areas as (
    select a as area_id from public.monitor_areas() a where p_area is null or a = p_area
  ), per_area as (
    select w.week, w.area_id, w.requests::bigint as requests, w.matched::bigint as matched,
           w.within_week::bigint as within_week, w.thanks::bigint as thanks
    from public.monitor_weeks w
    where w.area_id in (select areas.area_id from areas) and w.week between first_week and last_week
  ), minutes as (
    select m.week, m.minutes, sum(m.requests) as n
    from public.monitor_week_minutes m
    where m.area_id in (select areas.area_id from areas) and m.week between first_week and last_week
    group by m.week, m.minutes
  ), running as (
    select minutes.week, minutes.minutes,
           sum(minutes.n) over (partition by minutes.week order by minutes.minutes) as upto,
           sum(minutes.n) over (partition by minutes.week) as total
    from minutes
  ), medians as (
    -- the middle value, or the mean of the two middle values, as percentile_cont gives
    select running.week,
           (min(running.minutes) filter (where running.upto >= (running.total::bigint + 1) / 2)
            + min(running.minutes) filter (where running.upto >= running.total::bigint / 2 + 1)) / 2.0 / 60 as median_hours
    from running group by running.week
  ), w as (
    select p.week, sum(p.requests)::bigint as requests, sum(p.matched)::bigint as matched,
           sum(p.within_week)::bigint as within_week, sum(p.thanks)::bigint as thanks,
           count(*) filter (where p.requests between 1 and 4) as small_requests,
           count(*) filter (where p.matched between 1 and 4) as small_matched,
           count(*) filter (where p.within_week between 1 and 4) as small_within_week,
           count(*) filter (where p.thanks between 1 and 4) as small_thanks
    from per_area p group by p.week
  ), shown as (
    select w.week,
           public.monitor_total_cell(w.requests, w.small_requests) as requests,
           public.monitor_total_cell(w.matched, w.small_matched) as matched,
           public.monitor_total_cell(w.within_week, w.small_within_week) as within_week,
           public.monitor_total_cell(w.thanks, w.small_thanks) as thanks,
           m.median_hours,
           w.within_week = 0 as none_within_week
    from w left join medians m on m.week = w.week
  )
  select s.week, s.requests, s.matched,
         case when s.matched is not null then round(s.median_hours::numeric, 1) end,
         case when s.requests is not null and s.within_week is not null then round(100.0 * s.within_week / s.requests, 0)
              when s.requests is not null and s.none_within_week then 0 end,
         s.thanks
  from shown s order by s.week;
end;
$$;

create or replace function public.monitor_by_kind(p_from date, p_to date, p_area uuid default null)
returns table (category_id text, area_name text, requests bigint, matched bigint)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  select r.category_id, a.name, public.monitor_cell(count(*)), public.monitor_cell(count(r.matched_at))
  from public.help_requests r
  join public.areas a on a.id = r.area_id
  where r.area_id in (select public.monitor_areas())
    and (p_area is null or r.area_id = p_area)
    and r.created_at >= (public.monitor_week_start(p_from)::timestamp at time zone 'Europe/Amsterdam')
    and r.created_at < ((public.monitor_week_start(p_to) + 7)::timestamp at time zone 'Europe/Amsterdam')
  group by r.category_id, a.name
  order by a.name, r.category_id;
end;
$$;

create or replace function public.monitor_open_by_age(p_area uuid default null)
returns table (age_group text, sort_order int, requests bigint)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  with groups (age_group, sort_order, low, high) as (
    values ('0-3', 1, 0, 3), ('4-7', 2, 4, 7), ('8-14', 3, 8, 14), ('15-30', 4, 15, 30)
  ), open as (
    select r.area_id, extract(day from now() - r.opened_at)::int as days
    from public.help_requests r
    where r.status = 'open' and r.hidden_at is null
      and r.area_id in (select public.monitor_areas())
      and (p_area is null or r.area_id = p_area)
      and public.effective_status(r) = 'open'
  ), per_area as (
    select g.sort_order, o.area_id, count(*) as n
    from groups g join open o on o.days between g.low and g.high
    group by g.sort_order, o.area_id
  )
  select g.age_group, g.sort_order,
         public.monitor_total_cell(coalesce(sum(p.n), 0)::bigint, count(*) filter (where p.n between 1 and 4))
  from groups g left join per_area p on p.sort_order = g.sort_order
  group by g.age_group, g.sort_order
  order by g.sort_order;
end;
$$;

create or replace function public.monitor_signals(p_from date, p_to date, p_area uuid default null)
returns table (week date, signals bigint, picked_up bigint, median_hours numeric, late bigint)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  with s as (
    select date_trunc('week', s.created_at at time zone 'Europe/Amsterdam')::date as week, s.area_id, s.created_at, s.acknowledged_at,
           coalesce(s.acknowledged_at, now()) > public.worry_signal_due(s.created_at) as late
    from public.worry_signals s
    where s.area_id in (select public.monitor_areas())
      and (p_area is null or s.area_id = p_area)
      and s.created_at >= (public.monitor_week_start(p_from)::timestamp at time zone 'Europe/Amsterdam')
      and s.created_at < ((public.monitor_week_start(p_to) + 7)::timestamp at time zone 'Europe/Amsterdam')
  ), per_area as (
    select s.week, s.area_id, count(*) as signals, count(s.acknowledged_at) as picked_up, count(*) filter (where s.late) as late
    from s group by s.week, s.area_id
  ), smalls as (
    select p.week,
           count(*) filter (where p.signals between 1 and 4) as small_signals,
           count(*) filter (where p.picked_up between 1 and 4) as small_picked_up,
           count(*) filter (where p.late between 1 and 4) as small_late
    from per_area p group by p.week
  ), totals as (
    select s.week, count(*) as signals, count(s.acknowledged_at) as picked_up, count(*) filter (where s.late) as late,
           percentile_cont(0.5) within group (order by extract(epoch from s.acknowledged_at - s.created_at) / 3600)
             filter (where s.acknowledged_at is not null) as median_hours
    from s group by s.week
  )
  select t.week,
         public.monitor_total_cell(t.signals, m.small_signals),
         public.monitor_total_cell(t.picked_up, m.small_picked_up),
         case when public.monitor_total_cell(t.picked_up, m.small_picked_up) is not null then round(t.median_hours::numeric, 1) end,
         public.monitor_total_cell(t.late, m.small_late)
  from totals t join smalls m on m.week = t.week
  order by t.week;
end;
$$;
