/*
 * ---------------------------------------------------------------------------------------------
 * Sociale kaart: "dichtbij mij" (distance from the centre of an area to where a service is
 * given) and scheduled re-checks (every entry is put before its editors, and its provider asked,
 * every N months after it was last checked; flagged after a year and hidden after eighteen
 * months stays as map_freshness() says).
 * ---------------------------------------------------------------------------------------------
 */

/**
 * How far each of these services is from the centre of an area, in metres: to the nearest place
 * it is given, or else to the centre of its own area; null when neither is known. Only services
 * on the public kaart (the list comes from search_social_map, which RLS already filtered).
 * Security definer so anon may measure too; it reads only public places.
 */
create function public.map_service_distances(p_services uuid[], p_area uuid)
returns table (service_id uuid, distance_m int)
language sql stable security definer set search_path = ''
as $$
  with here as (
    select public.earth_point(a.latitude, a.longitude) as point from public.areas a where a.id = p_area
  )
  select s.id,
         round(coalesce(
           (select min(public.earth_metres(here.point, public.earth_point(l.latitude, l.longitude)))
            from public.map_service_at_location sl
            join public.map_locations l on l.id = sl.location_id
            where sl.service_id = s.id and l.latitude is not null and l.longitude is not null),
           (select public.earth_metres(here.point, public.earth_point(sa.latitude, sa.longitude))
            from public.areas sa where sa.id = s.area_id)))::int
  from public.map_services s, here
  where s.id = any (p_services[1:200]) and public.map_service_is_public(s.id);
$$;
revoke execute on function public.map_service_distances(uuid[], uuid) from public;
grant execute on function public.map_service_distances(uuid[], uuid) to anon, authenticated;

-- Scheduled re-checks: how often an entry is put before its editors. Whether it was asked is
-- read from its re-check tasks (one that asked at or after the due day), so asking writes no change
-- to the entry itself (which the change log would record).
alter table public.map_services
  add column recheck_months int not null default 6 check (recheck_months between 1 and 12);
comment on column public.map_services.recheck_months is 'Every this many months after assured_date the editors and the provider are asked to check the entry.';
create index map_services_recheck_due_idx on public.map_services ((assured_date + make_interval(months => recheck_months)))
  where status <> 'defunct';
alter table public.map_recheck_tasks add column asked_at timestamptz;
comment on column public.map_recheck_tasks.asked_at is 'When the scheduled check asked the editors and the provider about this entry (empty: a resident reported it).';
create index map_recheck_tasks_service_id_asked_at_idx on public.map_recheck_tasks (service_id, asked_at);

/**
 * For the job (service_role): the entries due for their scheduled check (recheck_months after
 * they were last checked, not defunct, not asked since that day). Opens a re-check task for
 * each (or marks the open one as asked), so the editors see it on their
 * list and it is not asked twice. Returns whom to ask: the editors (coordinators of the editor
 * organisation) and the provider's e-mail address.
 */
create function public.claim_map_rechecks(p_today date default current_date)
returns table (service_id uuid, service_name text, provider_email text, editor_ids uuid[])
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s record;
begin
  for s in
    select m.id, m.name, m.provider_id, m.editor_organisation_id
    from public.map_services m
    where m.status <> 'defunct'
      and m.assured_date + make_interval(months => m.recheck_months) <= p_today
      and not exists (select 1 from public.map_recheck_tasks t
                      where t.service_id = m.id
                        and t.asked_at >= m.assured_date + make_interval(months => m.recheck_months))
    for update of m skip locked
  loop
    update public.map_recheck_tasks t set asked_at = now()
    where t.service_id = s.id and t.done_at is null;
    if not found then
      insert into public.map_recheck_tasks (service_id, note, asked_at) values (s.id, 'Tijd voor de vaste controle.', now());
    end if;
    service_id := s.id;
    service_name := s.name;
    select p.email into provider_email from public.map_providers p where p.id = s.provider_id;
    editor_ids := array(select mb.profile_id from public.memberships mb
                        where mb.organisation_id = s.editor_organisation_id and mb.role = 'coordinator');
    return next;
  end loop;
end;
$$;
revoke execute on function public.claim_map_rechecks(date) from public, anon, authenticated;
grant execute on function public.claim_map_rechecks(date) to service_role;

/**
 * A service as an item, so the editors' notification about a due check points at it.
 */
create function public.map_service_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select s.area_id from public.map_services s where s.id = p_id;
$$;
insert into public.item_types (type, table_name, area_function)
select 'map_service', 'public.map_services', 'public.map_service_area(uuid)'
where not exists (select 1 from public.item_types where type = 'map_service' or table_name = 'public.map_services'::regclass);
