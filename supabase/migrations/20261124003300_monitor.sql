/*
 * ---------------------------------------------------------------------------------------------
 * The monitor: figures for coordinators (their own areas) and the municipality (all its areas),
 * never about one person. Every figure is counted in SQL and any count under five is returned
 * as null (hidden), together with what is derived from it (a median, a share), so a small group
 * cannot be picked out.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * The areas whose figures the caller may see: those they coordinate, and every area of the
 * municipality of an organisation where they are an officer.
 */
create function public.monitor_areas()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select oa.area_id
  from public.memberships m
  join public.organisation_areas oa on oa.organisation_id = m.organisation_id
  where m.profile_id = (select auth.uid()) and m.role = 'coordinator'
  union
  select a.id
  from public.memberships m
  join public.organisations o on o.id = m.organisation_id
  join public.areas a on a.municipality_id = o.municipality_id
  where m.profile_id = (select auth.uid()) and m.role = 'officer';
$$;
revoke execute on function public.monitor_areas() from public;
grant execute on function public.monitor_areas() to authenticated;

-- A count under five is hidden.
create function public.monitor_cell(n bigint)
returns bigint
language sql immutable parallel safe set search_path = ''
as $$ select case when n >= 5 then n end; $$;
grant execute on function public.monitor_cell(bigint) to authenticated;

-- The monitor reads requests by when they were asked.
create index help_requests_area_created_idx on public.help_requests (area_id, created_at);

/**
 * Requests per week (Monday, Dutch time) in the period: how many were asked, how many found a
 * helper, the median hours until that happened, the share matched within a week, and the thanks
 * sent for them. Optionally one area; only areas from monitor_areas().
 */
create function public.monitor_weekly(p_from date, p_to date, p_area uuid default null)
returns table (week date, requests bigint, matched bigint, median_hours numeric, matched_within_week_pct numeric, thanks bigint)
language sql stable security definer set search_path = ''
as $$
  with r as (
    select date_trunc('week', r.created_at at time zone 'Europe/Amsterdam')::date as week, r.id, r.matched_at, r.created_at,
           (select count(*) from public.thanks t where t.request_id = r.id) as thanks
    from public.help_requests r
    where r.area_id in (select public.monitor_areas())
      and (p_area is null or r.area_id = p_area)
      and r.created_at >= (p_from::timestamp at time zone 'Europe/Amsterdam')
      and r.created_at < ((p_to + 1)::timestamp at time zone 'Europe/Amsterdam')
  ), w as (
    select r.week, count(*) as requests, count(r.matched_at) as matched,
           percentile_cont(0.5) within group (order by extract(epoch from r.matched_at - r.created_at) / 3600)
             filter (where r.matched_at is not null) as median_hours,
           count(*) filter (where r.matched_at < r.created_at + interval '7 days') as within_week,
           sum(r.thanks) as thanks
    from r group by r.week
  )
  select w.week, public.monitor_cell(w.requests), public.monitor_cell(w.matched),
         case when w.matched >= 5 then round(w.median_hours::numeric, 1) end,
         case when w.requests >= 5 and w.within_week >= 5 then round(100.0 * w.within_week / w.requests, 0)
              when w.requests >= 5 and w.within_week = 0 then 0 end,
         public.monitor_cell(w.thanks::bigint)
  from w order by w.week;
$$;
revoke execute on function public.monitor_weekly(date, date, uuid) from public;
grant execute on function public.monitor_weekly(date, date, uuid) to authenticated;

/**
 * Requests in the period by kind of help and area: asked and matched.
 */
create function public.monitor_by_kind(p_from date, p_to date, p_area uuid default null)
returns table (category_id text, area_name text, requests bigint, matched bigint)
language sql stable security definer set search_path = ''
as $$
  select r.category_id, a.name, public.monitor_cell(count(*)), public.monitor_cell(count(r.matched_at))
  from public.help_requests r
  join public.areas a on a.id = r.area_id
  where r.area_id in (select public.monitor_areas())
    and (p_area is null or r.area_id = p_area)
    and r.created_at >= (p_from::timestamp at time zone 'Europe/Amsterdam')
    and r.created_at < ((p_to + 1)::timestamp at time zone 'Europe/Amsterdam')
  group by r.category_id, a.name
  order by a.name, r.category_id;
$$;
revoke execute on function public.monitor_by_kind(date, date, uuid) from public;
grant execute on function public.monitor_by_kind(date, date, uuid) to authenticated;

/**
 * Requests open now without a helper, by how long they have waited.
 */
create function public.monitor_open_by_age(p_area uuid default null)
returns table (age_group text, sort_order int, requests bigint)
language sql stable security definer set search_path = ''
as $$
  with groups (age_group, sort_order, low, high) as (
    values ('0-3', 1, 0, 3), ('4-7', 2, 4, 7), ('8-14', 3, 8, 14), ('15-30', 4, 15, 30)
  ), open as (
    select extract(day from now() - r.opened_at)::int as days
    from public.help_requests r
    where r.status = 'open' and r.hidden_at is null
      and r.area_id in (select public.monitor_areas())
      and (p_area is null or r.area_id = p_area)
      and public.effective_status(r) = 'open'
  )
  select g.age_group, g.sort_order, public.monitor_cell((select count(*) from open o where o.days between g.low and g.high))
  from groups g order by g.sort_order;
$$;
revoke execute on function public.monitor_open_by_age(uuid) from public;
grant execute on function public.monitor_open_by_age(uuid) to authenticated;

/**
 * Worry signals in the period per week: how many came in, how many were picked up, the median
 * hours until then, and how many were picked up late (after worry_signal_due()).
 */
create function public.monitor_signals(p_from date, p_to date, p_area uuid default null)
returns table (week date, signals bigint, picked_up bigint, median_hours numeric, late bigint)
language sql stable security definer set search_path = ''
as $$
  with s as (
    select date_trunc('week', s.created_at at time zone 'Europe/Amsterdam')::date as week, s.created_at, s.acknowledged_at,
           coalesce(s.acknowledged_at, now()) > public.worry_signal_due(s.created_at) as late
    from public.worry_signals s
    where s.area_id in (select public.monitor_areas())
      and (p_area is null or s.area_id = p_area)
      and s.created_at >= (p_from::timestamp at time zone 'Europe/Amsterdam')
      and s.created_at < ((p_to + 1)::timestamp at time zone 'Europe/Amsterdam')
  )
  select s.week, public.monitor_cell(count(*)), public.monitor_cell(count(s.acknowledged_at)),
         case when count(s.acknowledged_at) >= 5 then round((percentile_cont(0.5) within group (
           order by extract(epoch from s.acknowledged_at - s.created_at) / 3600) filter (where s.acknowledged_at is not null))::numeric, 1) end,
         public.monitor_cell(count(*) filter (where s.late))
  from s group by s.week order by s.week;
$$;
revoke execute on function public.monitor_signals(date, date, uuid) from public;
grant execute on function public.monitor_signals(date, date, uuid) to authenticated;
