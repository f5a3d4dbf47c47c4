/*
 * ---------------------------------------------------------------------------------------------
 * Matching. For one request: volunteers with the category, within their own distance of the
 * request's point, with a VOG of at most three years where the category asks for one, not
 * declined before, not blocked; plus open one-off offers in the same area. Ranked by distance,
 * availability overlap and fairness (fewer matches in the last 30 days first). The nearest
 * volunteers who do this kind of help come straight from the location index; offers are read
 * from an index in the order they are ranked. And what a volunteer or resident browses.
 * ---------------------------------------------------------------------------------------------
 */

create function public.request_point(r public.help_requests)
returns table (latitude double precision, longitude double precision)
language sql stable security definer set search_path = ''
as $$
  select coalesce(pr.latitude, a.latitude), coalesce(pr.longitude, a.longitude)
  from public.areas a
  left join public.help_request_private pr on pr.request_id = r.id and pr.latitude is not null
  where a.id = r.area_id;
$$;
grant execute on function public.request_point(public.help_requests) to authenticated;

/**
 * The weekday part of a request's date as an availability bit mask; all bits when there is no date.
 */
create function public.request_slots(r public.help_requests)
returns int
language sql immutable
as $$
  select case when r.when_kind = 'on_date'
    then (7 << ((extract(isodow from r.when_date)::int - 1) * 3))
    else 2097151 end;
$$;
grant execute on function public.request_slots(public.help_requests) to authenticated;

/**
 * The best helpers for one request: for its requester, a coordinator of its area, or the server.
 */
create function public.suggest_helpers(p_request uuid, p_limit int default 10)
returns table (
  kind text, helper_id uuid, offer_id uuid, first_name text, distance_m int,
  common_slots int, common_mask int, recent_matches int, has_vog boolean, score numeric
)
language plpgsql stable security definer set search_path = ''
as $$
declare
  r public.help_requests;
  pt record;
  here extensions.cube;
  area_point extensions.cube;
  slots int;
  needs_vog boolean;
begin
  select * into r from public.help_requests where id = p_request;
  if not found or not (public.is_coordinator_for_area(r.area_id) or (select auth.uid()) = r.requester_id
                       or (select auth.role()) = 'service_role') then
    raise exception 'Only the requester or a coordinator of the area can see suggestions.' using errcode = '42501';
  end if;
  select * into pt from public.request_point(r);
  here := public.earth_point(pt.latitude, pt.longitude);
  select public.earth_point(a.latitude, a.longitude) into area_point from public.areas a where a.id = r.area_id;
  slots := public.request_slots(r);
  select c.requires_vog into needs_vog from public.help_categories c where c.id = r.category_id;

  return query
  with candidates as materialized (
    -- The nearest volunteers who do this kind of help, straight from the GiST index (KNN).
    -- Distance weighs most in the score, so the nearest few hundred hold the best suggestions.
    -- cube_distance is the straight line through the sphere: within 15 km the same as over it.
    select v.profile_id, v.availability, v.vog_date, v.max_distance_km,
           extensions.cube_distance(v.location, here) as dist
    from public.volunteer_profiles v
    where v.active
      and r.category_id = any (v.categories)
      and v.profile_id <> r.requester_id
      and (not needs_vog or v.vog_date > current_date - interval '3 years')
    order by v.location operator(extensions.<->) here
    limit greatest(200, p_limit * 10)
  ), near as (
    select c.* from candidates c
    where c.dist <= c.max_distance_km * 1000
      and not exists (select 1 from public.help_declines d where d.request_id = r.id and d.volunteer_id = c.profile_id)
      and not exists (select 1 from public.profiles p where p.id = c.profile_id and p.blocked_at is not null)
  ), open_offers as (
    -- All offers here share the area's point, so they differ only in the day: read the best
    -- days first from the index, a few of each kind.
    (select o.id, o.volunteer_id, 3 as day_fit from public.help_offers o
     where o.category_id = r.category_id and o.area_id = r.area_id and o.hidden_at is null and o.closed_at is null
       and r.when_kind = 'on_date' and o.available_on = r.when_date
     limit p_limit * 2)
    union all
    (select o.id, o.volunteer_id, 3 from public.help_offers o
     where o.category_id = r.category_id and o.area_id = r.area_id and o.hidden_at is null and o.closed_at is null
       and r.when_kind <> 'on_date' and o.available_on >= current_date
     order by o.available_on
     limit p_limit * 2)
    union all
    (select o.id, o.volunteer_id, 1 from public.help_offers o
     where o.category_id = r.category_id and o.area_id = r.area_id and o.hidden_at is null and o.closed_at is null
       and o.available_on is null
     limit p_limit * 2)
  ), ranked as (
    select 'volunteer'::text as kind, n.profile_id as helper_id, null::uuid as offer_id,
           round(n.dist)::int as distance_m,
           bit_count((n.availability & slots)::bit(21))::int as common_slots,
           n.availability & slots as common_mask,
           (select count(*)::int from public.help_requests h
             where h.helper_id = n.profile_id and h.matched_at > now() - interval '30 days') as recent_matches,
           coalesce(n.vog_date > current_date - interval '3 years', false) as has_vog
    from near n
    union all
    select 'offer', o.volunteer_id, o.id, round(extensions.cube_distance(area_point, here))::int, o.day_fit, 0, 0, false
    from open_offers o
    where not needs_vog
      and o.volunteer_id <> r.requester_id
      and not exists (select 1 from public.help_declines d where d.request_id = r.id and d.volunteer_id = o.volunteer_id)
  ), scored as (
    select x.*, round((100 - least(x.distance_m, 10000) / 100.0) + 10 * least(x.common_slots, 3) - 15 * x.recent_matches
                      + case when x.kind = 'offer' then 20 else 0 end, 1) as score
    from ranked x
    order by score desc, x.distance_m, x.helper_id
    limit p_limit
  )
  -- names only for the few that are shown
  select s.kind, s.helper_id, s.offer_id, public.first_name_of(s.helper_id), s.distance_m, s.common_slots,
         s.common_mask, s.recent_matches, s.has_vog, s.score
  from scored s
  order by s.score desc, s.distance_m, s.helper_id;
end;
$$;
grant execute on function public.suggest_helpers(uuid, int) to authenticated, service_role;

/**
 * Open requests a volunteer may help with, their categories, within their distance. No address,
 * no contact details: only the first name of the person who asks. A spoken request shows the
 * coordinator's written summary where there is no text, and says that it is spoken.
 */
create function public.browse_requests(p_limit int default 50)
returns table (
  id uuid, category_id text, area_id uuid, area_name text, first_name text, description text,
  when_kind public.help_when, when_date date, when_note text, distance_m int, created_at timestamptz,
  spoken boolean
)
language sql stable security definer set search_path = ''
as $$
  with me as (
    select v.* from public.volunteer_profiles v
    where v.profile_id = (select auth.uid()) and v.active and public.is_volunteer()
  ), near_areas as materialized ( -- a handful of areas: measure each once, not per request
    select d.id, d.name, d.dist
    from me
    cross join lateral (
      select a.id, a.name,
             public.earth_metres(public.earth_point(a.latitude, a.longitude), public.earth_point(me.latitude, me.longitude)) as dist
      from public.areas a
    ) d
    where d.dist <= me.max_distance_km * 1000
  ), my_categories as (
    select vc.category_id from public.volunteer_categories vc
    join public.help_categories c on c.id = vc.category_id
    cross join me
    where vc.volunteer_id = me.profile_id
      and (not c.requires_vog or me.vog_date > current_date - interval '3 years')
  ), found as (
    -- Per area and kind, the requests open longest first, straight from the index; only the
    -- last 30 days can still be open (effective_status), so expired ones are never read.
    select r.*, na.name as area_name, na.dist
    from near_areas na
    cross join my_categories mc
    cross join lateral (
      select r.* from public.help_requests r
      where r.area_id = na.id and r.category_id = mc.category_id
        and r.status = 'open' and r.hidden_at is null
        and r.opened_at >= now() - interval '30 days'
        and (r.when_kind <> 'on_date' or r.when_date >= current_date)
        and r.requester_id <> (select auth.uid())
        and not exists (select 1 from public.help_declines d where d.request_id = r.id and d.volunteer_id = (select auth.uid()))
      order by r.opened_at
      limit p_limit
    ) r
    order by r.opened_at
    limit p_limit
  )
  select f.id, f.category_id, f.area_id, f.area_name, public.first_name_of(f.requester_id),
         coalesce(nullif(f.description, ''), f.summary, ''),
         f.when_kind, f.when_date, f.when_note, round(f.dist)::int, f.created_at, f.voice_id is not null
  from found f
  order by f.opened_at;
$$;
grant execute on function public.browse_requests(int) to authenticated;

/**
 * Open one-off offers for a signed-in person: nearest to their own area first. First name only.
 */
create function public.browse_offers(p_limit int default 50)
returns table (id uuid, category_id text, area_id uuid, area_name text, first_name text, description text,
               available_on date, voice_id uuid, created_at timestamptz, distance_m int)
language sql stable security invoker set search_path = ''
as $$
  with me as (
    select public.earth_point(a.latitude, a.longitude) as point
    from public.profiles p join public.areas a on a.id = p.area_id
    where p.id = (select auth.uid())
  ), area_distances as materialized ( -- a handful of areas: measure each once, not per offer
    select a.id, a.name,
           round(coalesce(public.earth_metres(public.earth_point(a.latitude, a.longitude), (select me.point from me)), 0))::int as dist
    from public.areas a
  )
  select o.id, o.category_id, o.area_id, a.name, public.first_name_of(o.volunteer_id), o.description,
         o.available_on, o.voice_id, o.created_at, a.dist
  from public.help_offers o
  join area_distances a on a.id = o.area_id
  where o.hidden_at is null and o.closed_at is null
    and (o.available_on is null or o.available_on >= current_date)
  order by 10, o.created_at desc
  limit least(greatest(p_limit, 1), 200);
$$;
grant execute on function public.browse_offers(int) to authenticated;
