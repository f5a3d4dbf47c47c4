/*
 * ---------------------------------------------------------------------------------------------
 * The monitor's requests per week from kept weekly figures.
 *
 * monitor_weekly read every request of the period (a year of a coordinator's areas: tens of
 * thousands of rows), worked out its week in Dutch time and counted its thanks one by one. Now
 * monitor_weeks keeps per area and week how many requests were asked, matched, matched within a
 * week and thanked, and monitor_week_minutes how many were matched after how many minutes (for
 * the median). Statement triggers on help_requests and thanks count the touched weeks again from
 * the source rows, so the figures cannot drift. monitor_weekly takes whole weeks inside the
 * period from these tables and counts only the (at most two) weeks the period cuts through from
 * the requests themselves, so the answer is what it was; the median of whole weeks is computed
 * from whole minutes (at most half a minute off, shown in tenths of an hour).
 * Both tables: RLS on, no policies, no grants; only the security definer functions read them.
 * ---------------------------------------------------------------------------------------------
 */

create table public.monitor_weeks (
  area_id uuid not null references public.areas (id) on delete cascade,
  week date not null,
  requests int not null,
  matched int not null,
  within_week int not null,
  thanks int not null,
  primary key (area_id, week)
);
comment on table public.monitor_weeks is 'Per area and week (Monday, Dutch time): requests asked, matched, matched within seven days, thanks sent for them. Kept by triggers; read by monitor_weekly().';
alter table public.monitor_weeks enable row level security;
revoke all on public.monitor_weeks from anon, authenticated;

create table public.monitor_week_minutes (
  area_id uuid not null references public.areas (id) on delete cascade,
  week date not null,
  minutes int not null,
  requests int not null,
  primary key (area_id, week, minutes)
);
comment on table public.monitor_week_minutes is 'Per area and week: how many requests found a helper after how many whole minutes, for the median on the monitor.';
alter table public.monitor_week_minutes enable row level security;
revoke all on public.monitor_week_minutes from anon, authenticated;

-- The week of a moment, in Dutch time.
create function public.monitor_week_of(at timestamptz)
returns date
language sql immutable parallel safe set search_path = ''
as $$ select date_trunc('week', at at time zone 'Europe/Amsterdam')::date; $$;

/**
 * Counts the given (area, week) pairs again from help_requests and thanks. One key at a time,
 * in a fixed order, under a transaction lock per key, so two writers never count the same week
 * from different moments.
 */
create function public.monitor_recount(p_keys jsonb)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  k record;
begin
  for k in
    select distinct (e->>'area_id')::uuid as area_id, (e->>'week')::date as week
    from jsonb_array_elements(p_keys) e
    where e->>'area_id' is not null and e->>'week' is not null
    order by 1, 2
  loop
    perform pg_advisory_xact_lock(hashtextextended('monitor_weeks ' || k.area_id::text || ' ' || k.week::text, 0));
    delete from public.monitor_weeks w where w.area_id = k.area_id and w.week = k.week;
    delete from public.monitor_week_minutes w where w.area_id = k.area_id and w.week = k.week;
    insert into public.monitor_weeks (area_id, week, requests, matched, within_week, thanks)
    select k.area_id, k.week, count(*), count(r.matched_at),
           count(*) filter (where r.matched_at < r.created_at + interval '7 days'),
           coalesce(sum((select count(*) from public.thanks t where t.request_id = r.id)), 0)
    from public.help_requests r
    where r.area_id = k.area_id
      and r.created_at >= (k.week::timestamp at time zone 'Europe/Amsterdam')
      and r.created_at < ((k.week + 7)::timestamp at time zone 'Europe/Amsterdam')
    having count(*) > 0;
    insert into public.monitor_week_minutes (area_id, week, minutes, requests)
    select k.area_id, k.week, round(extract(epoch from r.matched_at - r.created_at) / 60)::int, count(*)
    from public.help_requests r
    where r.area_id = k.area_id
      and r.created_at >= (k.week::timestamp at time zone 'Europe/Amsterdam')
      and r.created_at < ((k.week + 7)::timestamp at time zone 'Europe/Amsterdam')
      and r.matched_at is not null
    group by 3;
  end loop;
end;
$$;
revoke execute on function public.monitor_recount(jsonb) from public;

create function public.monitor_requests_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  keys jsonb;
begin
  if tg_op = 'INSERT' then
    select jsonb_agg(distinct jsonb_build_object('area_id', n.area_id, 'week', public.monitor_week_of(n.created_at)))
      into keys from new_rows n;
  elsif tg_op = 'DELETE' then
    select jsonb_agg(distinct jsonb_build_object('area_id', o.area_id, 'week', public.monitor_week_of(o.created_at)))
      into keys from old_rows o;
  else
    -- only rows whose area, time asked or time matched changed
    select jsonb_agg(distinct k) into keys
    from old_rows o join new_rows n on n.id = o.id,
         lateral (values (jsonb_build_object('area_id', o.area_id, 'week', public.monitor_week_of(o.created_at))),
                         (jsonb_build_object('area_id', n.area_id, 'week', public.monitor_week_of(n.created_at)))) v(k)
    where o.area_id is distinct from n.area_id or o.created_at is distinct from n.created_at or o.matched_at is distinct from n.matched_at;
  end if;
  if keys is not null then
    perform public.monitor_recount(keys);
  end if;
  return null;
end;
$$;
revoke execute on function public.monitor_requests_changed() from public;

create trigger monitor_requests_inserted after insert on public.help_requests
  referencing new table as new_rows for each statement execute function public.monitor_requests_changed();
create trigger monitor_requests_updated after update on public.help_requests
  referencing old table as old_rows new table as new_rows for each statement execute function public.monitor_requests_changed();
create trigger monitor_requests_deleted after delete on public.help_requests
  referencing old table as old_rows for each statement execute function public.monitor_requests_changed();

create function public.monitor_thanks_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  keys jsonb;
begin
  if tg_op = 'INSERT' then
    select jsonb_agg(distinct jsonb_build_object('area_id', r.area_id, 'week', public.monitor_week_of(r.created_at)))
      into keys from new_rows t join public.help_requests r on r.id = t.request_id;
  else
    select jsonb_agg(distinct jsonb_build_object('area_id', r.area_id, 'week', public.monitor_week_of(r.created_at)))
      into keys from old_rows t join public.help_requests r on r.id = t.request_id;
  end if;
  if keys is not null then
    perform public.monitor_recount(keys);
  end if;
  return null;
end;
$$;
revoke execute on function public.monitor_thanks_changed() from public;

create trigger monitor_thanks_inserted after insert on public.thanks
  referencing new table as new_rows for each statement execute function public.monitor_thanks_changed();
create trigger monitor_thanks_deleted after delete on public.thanks
  referencing old table as old_rows for each statement execute function public.monitor_thanks_changed();

-- What is there already.
select public.monitor_recount(coalesce(jsonb_agg(distinct jsonb_build_object('area_id', r.area_id, 'week', public.monitor_week_of(r.created_at))), '[]'))
from public.help_requests r where r.area_id is not null;

/**
 * Requests per week (Monday, Dutch time) in the period: how many were asked, how many found a
 * helper, the median hours until that happened, the share matched within a week, and the thanks
 * sent for them. Optionally one area; only areas from monitor_areas(). Whole weeks from
 * monitor_weeks, the weeks the period cuts through from the requests.
 */
create or replace function public.monitor_weekly(p_from date, p_to date, p_area uuid default null)
returns table (week date, requests bigint, matched bigint, median_hours numeric, matched_within_week_pct numeric, thanks bigint)
language sql stable security definer set search_path = ''
as $$
  with areas as (
    select a as area_id from public.monitor_areas() a where p_area is null or a = p_area
  ), bounds as (
    -- the first and last Monday whose whole week lies in the period
    select (p_from + ((8 - extract(isodow from p_from)::int) % 7))::date as first_week,
           (p_to - 6 - ((extract(isodow from p_to)::int) % 7))::date as last_week
  ), kept as (
    select w.week, sum(w.requests)::bigint as requests, sum(w.matched)::bigint as matched,
           sum(w.within_week)::bigint as within_week, sum(w.thanks)::bigint as thanks
    from public.monitor_weeks w, bounds b
    where w.area_id in (select areas.area_id from areas) and w.week between b.first_week and b.last_week
    group by w.week
  ), minutes as (
    select m.week, m.minutes, sum(m.requests) as n
    from public.monitor_week_minutes m, bounds b
    where m.area_id in (select areas.area_id from areas) and m.week between b.first_week and b.last_week
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
  ), cut as (
    -- the weeks at the edges of the period, from the requests themselves
    select public.monitor_week_of(r.created_at) as week, r.id, r.matched_at, r.created_at,
           (select count(*) from public.thanks t where t.request_id = r.id) as thanks
    from bounds b
    cross join lateral (
      -- before the first whole week, and after the last one (never both for one moment)
      values (p_from, least(b.first_week, p_to + 1)),
             (greatest(b.last_week + 7, b.first_week, p_from), p_to + 1)
    ) edge (from_day, to_day)
    join public.help_requests r
      on r.area_id in (select areas.area_id from areas)
     and r.created_at >= (edge.from_day::timestamp at time zone 'Europe/Amsterdam')
     and r.created_at < (edge.to_day::timestamp at time zone 'Europe/Amsterdam')
  ), w as (
    select k.week, k.requests, k.matched, m.median_hours, k.within_week, k.thanks
    from kept k left join medians m on m.week = k.week
    union all
    select cut.week, count(*), count(cut.matched_at),
           percentile_cont(0.5) within group (order by extract(epoch from cut.matched_at - cut.created_at) / 3600)
             filter (where cut.matched_at is not null),
           count(*) filter (where cut.matched_at < cut.created_at + interval '7 days'),
           sum(cut.thanks)::bigint
    from cut group by cut.week
  )
  select w.week, public.monitor_cell(w.requests), public.monitor_cell(w.matched),
         case when w.matched >= 5 then round(w.median_hours::numeric, 1) end,
         case when w.requests >= 5 and w.within_week >= 5 then round(100.0 * w.within_week / w.requests, 0)
              when w.requests >= 5 and w.within_week = 0 then 0 end,
         public.monitor_cell(w.thanks)
  from w order by w.week;
$$;
