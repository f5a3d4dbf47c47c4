/*
 * ---------------------------------------------------------------------------------------------
 * HSDS import: an editor brings in services from an HSDS 3.0 file (checked against the HSDS
 * schemas and for broken references by the server first). All of the file or nothing: one
 * function, one transaction; any refusal (another organisation's entry, a value the tables do
 * not take) leaves nothing behind. Changes to existing entries are logged by the change-log
 * trigger like any edit.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * Imports services, already turned into our own shape by the server:
 * [{id, name, summary, description, route, status, free, cost_description, minimum_age, maximum_age,
 *   eligibility_description, languages, phone, email, url, assured_date,
 *   provider: {id, name, description, website, email},
 *   locations: [{id, name, address_1, postal_code, city, province, latitude, longitude, accessibility_description}],
 *   schedules: [{day, opens, closes}], topics: [topic id]}]
 * The caller must be a coordinator of p_organisation, which keeps the new entries; an existing
 * entry may only be updated by the organisation that keeps it. Returns how many were saved.
 */
create function public.import_hsds_services(p_organisation uuid, p_services jsonb)
returns int
language plpgsql security definer set search_path = ''
as $$
declare
  s jsonb;
  l jsonb;
  municipality uuid;
  keeper uuid;
  saved int := 0;
begin
  if not public.is_map_editor(p_organisation) then
    raise exception 'Only a coordinator of this organisation can import entries.' using errcode = '42501';
  end if;
  if jsonb_typeof(p_services) is distinct from 'array' or jsonb_array_length(p_services) not between 1 and 2000 then
    raise exception 'Import between 1 and 2000 services.' using errcode = '22023';
  end if;
  select o.municipality_id into municipality from public.organisations o where o.id = p_organisation;

  for s in select * from jsonb_array_elements(p_services) loop
    select m.editor_organisation_id into keeper from public.map_services m where m.id = (s ->> 'id')::uuid;
    if keeper is not null and keeper <> p_organisation then
      raise exception 'The entry % is kept by another organisation.', s ->> 'name' using errcode = '42501';
    end if;

    insert into public.map_providers (id, municipality_id, name, description, website, email)
    values ((s -> 'provider' ->> 'id')::uuid, municipality, s -> 'provider' ->> 'name',
            coalesce(s -> 'provider' ->> 'description', ''), s -> 'provider' ->> 'website', s -> 'provider' ->> 'email')
    on conflict (id) do nothing;

    insert into public.map_services (id, provider_id, editor_organisation_id, name, summary, description, route, status, free,
      cost_description, minimum_age, maximum_age, eligibility_description, languages, phone, email, url, assured_date)
    values ((s ->> 'id')::uuid, (s -> 'provider' ->> 'id')::uuid, p_organisation, s ->> 'name', s ->> 'summary',
      coalesce(s ->> 'description', ''), (s ->> 'route')::public.map_route, coalesce(s ->> 'status', 'active'),
      coalesce((s ->> 'free')::boolean, true), coalesce(s ->> 'cost_description', ''),
      (s ->> 'minimum_age')::int, (s ->> 'maximum_age')::int, coalesce(s ->> 'eligibility_description', ''),
      coalesce(array(select jsonb_array_elements_text(s -> 'languages')), '{nl}'),
      s ->> 'phone', s ->> 'email', s ->> 'url', coalesce((s ->> 'assured_date')::date, current_date))
    on conflict (id) do update set
      provider_id = excluded.provider_id, name = excluded.name, summary = excluded.summary, description = excluded.description,
      route = excluded.route, status = excluded.status, free = excluded.free, cost_description = excluded.cost_description,
      minimum_age = excluded.minimum_age, maximum_age = excluded.maximum_age,
      eligibility_description = excluded.eligibility_description, languages = excluded.languages,
      phone = excluded.phone, email = excluded.email, url = excluded.url, assured_date = excluded.assured_date;

    for l in select * from jsonb_array_elements(coalesce(s -> 'locations', '[]')) loop
      insert into public.map_locations (id, provider_id, name, address_1, postal_code, city, province, latitude, longitude, accessibility_description)
      values ((l ->> 'id')::uuid, (s -> 'provider' ->> 'id')::uuid, l ->> 'name', l ->> 'address_1', l ->> 'postal_code', l ->> 'city',
              l ->> 'province', (l ->> 'latitude')::double precision, (l ->> 'longitude')::double precision,
              coalesce(l ->> 'accessibility_description', ''))
      on conflict (id) do nothing;
      insert into public.map_service_at_location (service_id, location_id)
      values ((s ->> 'id')::uuid, (l ->> 'id')::uuid)
      on conflict (service_id, location_id) do nothing;
    end loop;

    delete from public.map_schedules where service_id = (s ->> 'id')::uuid;
    insert into public.map_schedules (service_id, day, opens, closes)
    select (s ->> 'id')::uuid, (x ->> 'day')::int, (x ->> 'opens')::time, (x ->> 'closes')::time
    from jsonb_array_elements(coalesce(s -> 'schedules', '[]')) x;

    delete from public.map_service_topics where service_id = (s ->> 'id')::uuid;
    insert into public.map_service_topics (service_id, topic_id)
    select (s ->> 'id')::uuid, t.id from public.map_topics t
    where t.id in (select jsonb_array_elements_text(coalesce(s -> 'topics', '[]')));

    saved := saved + 1;
  end loop;
  return saved;
end;
$$;
revoke execute on function public.import_hsds_services(uuid, jsonb) from public, anon;
grant execute on function public.import_hsds_services(uuid, jsonb) to authenticated;
