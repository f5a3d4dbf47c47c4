/**
 * Open requests for a volunteer, a page at a time, and without a name lookup per row.
 *
 * - browse_requests takes p_after: the last request of the page before. It returns the requests
 *   after it, oldest first (by opened_at, then id). /hulp shows 20 and a link to the next 20; before,
 *   it showed the 50 oldest and nobody could see further.
 * - The first name comes from one join with profiles, not a first_name_of() call per row (with 50
 *   rows that was a third of the function's time).
 * - help_overview takes the same p_after and how many to show (p_nearby: the page asks one more
 *   than it shows, to know whether there is a next page).
 *
 * The index on open requests gets id as its last column, so a page ends and the next starts exactly.
 *
 * Written as plpgsql, as 20261126000100 made the read functions, so each connection keeps its plan,
 * and with plan_cache_mode = force_generic_plan: with the default (auto), Postgres kept planning
 * browse_requests afresh on every call, because its limit is an argument. That planning cost 1.3 ms
 * a call, more than the work (0.3 ms for one row, 0.7 ms for a page of 21).
 */
drop function public.browse_requests(int);

-- The same index with id last: a page ends on (opened_at, id), and the next page starts after it
-- straight from the index, without sorting each kind's open requests.
drop index public.help_requests_open_idx;
create index help_requests_open_idx on public.help_requests (area_id, category_id, opened_at, id) where status = 'open' and hidden_at is null;

create function public.browse_requests(p_limit int default 50, p_after uuid default null)
returns table (
  id uuid, category_id text, area_id uuid, area_name text, first_name text, description text,
  when_kind public.help_when, when_date date, when_note text, distance_m int, created_at timestamptz,
  spoken boolean
)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
declare
  after_opened timestamptz;
  after_id uuid;
begin
  if p_after is not null then
    select r.opened_at, r.id into after_opened, after_id from public.help_requests r where r.id = p_after;
  end if;
  return query
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
    select r.id, r.category_id, r.area_id, r.requester_id, r.description, r.summary, r.when_kind,
           r.when_date, r.when_note, r.created_at, r.opened_at, r.voice_id, na.name as area_name, na.dist
    from near_areas na
    cross join my_categories mc
    cross join lateral (
      select r.* from public.help_requests r
      where r.area_id = na.id and r.category_id = mc.category_id
        and r.status = 'open' and r.hidden_at is null
        and r.opened_at >= now() - interval '30 days'
        and (after_opened is null or r.opened_at >= after_opened)
        and (after_opened is null or (r.opened_at, r.id) > (after_opened, after_id))
        and (r.when_kind <> 'on_date' or r.when_date >= current_date)
        and r.requester_id <> (select auth.uid())
        and not exists (select 1 from public.help_declines d where d.request_id = r.id and d.volunteer_id = (select auth.uid()))
      order by r.opened_at, r.id
      limit p_limit
    ) r
    order by r.opened_at, r.id
    limit p_limit
  )
  select f.id, f.category_id, f.area_id, f.area_name, split_part(coalesce(p.display_name, ''), ' ', 1),
         coalesce(nullif(f.description, ''), f.summary, ''),
         f.when_kind, f.when_date, f.when_note, round(f.dist)::int, f.created_at, f.voice_id is not null
  from found f
  left join public.profiles p on p.id = f.requester_id
  order by f.opened_at, f.id;
end;
$$;
comment on function public.browse_requests(int, uuid) is
  'Open requests a volunteer may help with, their kinds, within their distance, oldest first; after p_after (the last of the page before). First name only: no address, no contact details.';
grant execute on function public.browse_requests(int, uuid) to authenticated;

drop function public.help_overview(boolean);

create function public.help_overview(p_volunteer boolean default false, p_after uuid default null, p_nearby int default 21)
returns jsonb
language plpgsql stable security invoker set search_path = '' set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
begin
  return jsonb_build_object(
    'categories', (
      select coalesce(jsonb_agg(to_jsonb(c) order by c.sort_order), '[]'::jsonb) from public.help_categories c),
    'mine', (
      select coalesce(jsonb_agg(public.help_request_json(r) order by r.created_at desc), '[]'::jsonb)
      from public.help_requests r
      where r.requester_id = (select auth.uid()) or r.helper_id = (select auth.uid())),
    'has_volunteer_profile', p_volunteer and exists (
      select 1 from public.volunteer_profiles v where v.profile_id = (select auth.uid())),
    'nearby', case when p_volunteer then (
      select coalesce(jsonb_agg(to_jsonb(b) - 'ordinality' order by b.ordinality), '[]'::jsonb)
      from public.browse_requests(least(greatest(p_nearby, 1), 101), p_after) with ordinality b) else '[]'::jsonb end,
    'thanks', case when p_volunteer then (
      select coalesce(jsonb_agg(jsonb_build_object(
               'id', t.id, 'from_id', t.from_id, 'body', t.body, 'voice_id', t.voice_id, 'created_at', t.created_at,
               'help_requests', (select jsonb_build_object('category_id', r.category_id) from public.help_requests r where r.id = t.request_id),
               'voice_messages', (select jsonb_build_object('transcript', v.transcript, 'transcript_source', v.transcript_source)
                                  from public.voice_messages v where v.id = t.voice_id))
             order by t.created_at desc), '[]'::jsonb)
      from public.thanks t where t.to_id = (select auth.uid())) else '[]'::jsonb end
  );
end;
$$;
comment on function public.help_overview(boolean, uuid, int) is '/hulp in one call (help/requests.ts readHelpOverview): security invoker, so RLS decides. p_after and p_nearby page the open requests near a volunteer.';
grant execute on function public.help_overview(boolean, uuid, int) to authenticated;
