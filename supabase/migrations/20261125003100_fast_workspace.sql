/*
 * ---------------------------------------------------------------------------------------------
 * The coordinator's home: open requests read per area along help_requests_open_area_age_idx.
 *
 * coordinator_open_requests read every open request of the caller's areas (area_id in a set
 * the planner cannot see), then sorted them all to keep the oldest p_limit. Now each area is a
 * lateral scan of the index (area_id, opened_at), oldest first, that stops after p_limit rows and
 * skips what is older than 30 days (expired by effective_status anyway); the few rows per area are
 * then merged. Same rows, same order.
 * ---------------------------------------------------------------------------------------------
 */

create or replace function public.coordinator_open_requests(p_limit int default 200)
returns table (
  id uuid, category_id text, area_id uuid, area_name text, requester_name text, description text,
  opened_at timestamptz, expires_at timestamptz, stuck boolean, expiring boolean
)
language sql stable security definer set search_path = ''
as $$
  with open as (
    select r.*
    from unnest(array(select public.my_coordinator_areas())) mine(area_id)
    cross join lateral (
      select r.*
      from public.help_requests r
      where r.area_id = mine.area_id
        and r.status = 'open' and r.hidden_at is null
        and r.opened_at >= now() - interval '30 days'
        and public.effective_status(r) = 'open'
      order by r.opened_at
      limit least(greatest(p_limit, 1), 1000)
    ) r
    order by r.opened_at
    limit least(greatest(p_limit, 1), 1000)
  )
  select r.id, r.category_id, r.area_id, a.name, p.display_name, coalesce(nullif(r.description, ''), r.summary),
         r.opened_at, public.request_expires_at(r),
         r.opened_at < now() - interval '3 days',
         public.request_expires_at(r) < now() + interval '3 days'
  from open r
  join public.areas a on a.id = r.area_id
  left join public.profiles p on p.id = r.requester_id
  order by r.opened_at;
$$;
