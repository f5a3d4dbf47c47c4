/*
 * ---------------------------------------------------------------------------------------------
 * Sociale kaart, "Waar kan ik terecht?": services and groups per area, shaped after Open
 * Referral HSDS 3.0 (organization, service, location, service_at_location, schedule, phone,
 * cost, eligibility, language, accessibility, assured_date). Public: anon reads what is fresh
 * enough; the coordinators of the organisation that keeps an entry (its editor) edit and check
 * it. Every change is logged with the old and the new value. An entry not checked for a year is
 * flagged; after eighteen months it is hidden from the public (both computed in SQL from
 * assured_date, never written by a timer).
 * ---------------------------------------------------------------------------------------------
 */

-- Search that forgives missing accents (unaccent) and typos (pg_trgm). In the extensions schema
-- like cube and earthdistance; reached only through the wrappers below, which name the schema
-- and fix their own search_path, so no role's search_path matters.
create extension if not exists unaccent with schema extensions;
create extension if not exists pg_trgm with schema extensions;

/**
 * Text folded for search: lower case, accents removed ("Café" → "cafe"). Immutable so it can
 * feed generated columns. The two-argument unaccent names its dictionary, so it does not depend
 * on the search_path either.
 */
create function public.map_fold(input text)
returns text
language sql immutable parallel safe security definer set search_path = ''
as $$
  select lower(extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(input, '')));
$$;
grant execute on function public.map_fold(text) to anon, authenticated;

/**
 * How well a (folded) search word matches the best part of a (folded) text, 0 to 1:
 * pg_trgm's word_similarity, so "huisatrs" still finds "huisarts".
 */
create function public.map_similarity(word text, body text)
returns real
language sql immutable parallel safe security definer set search_path = ''
as $$
  select extensions.word_similarity(word, body);
$$;
grant execute on function public.map_similarity(text, text) to anon, authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * Providers (HSDS organization) and topics
 * ---------------------------------------------------------------------------------------------
 */

create table public.map_providers (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  organisation_id uuid references public.organisations (id) on delete set null,
  name text not null check (length(name) between 2 and 120),
  description text not null default '' check (length(description) <= 1000),
  website text check (website ~ '^https://'),
  email text check (email ~ '^[^@\s]+@[^@\s]+$'),
  phone text check (phone ~ '^[0-9 +()-]{3,20}$')
);
comment on table public.map_providers is 'Who offers a service on the sociale kaart (HSDS organization). organisation_id links it when it is one of ours.';
create index map_providers_municipality_id_idx on public.map_providers (municipality_id);
create index map_providers_organisation_id_idx on public.map_providers (organisation_id);

create table public.map_topics (
  id text primary key check (id ~ '^[a-z][a-z_]{1,30}$'),
  name_nl text not null,
  name_en text not null,
  icon text not null check (icon ~ '^[a-z0-9-]{2,40}$'),
  position int not null default 0
);
comment on table public.map_topics is 'What a service is about (food, money, company …), each with a Tabler pictogram. HSDS: a taxonomy term.';

create type public.map_route as enum ('green', 'yellow', 'orange', 'blue');
comment on type public.map_route is 'The four routes of the sociale routekaart: green your own network, yellow neighbours and volunteers, orange open services without referral, blue services that need a referral.';

/*
 * ---------------------------------------------------------------------------------------------
 * Services (HSDS service), with eligibility, cost, languages and accessibility as columns
 * ---------------------------------------------------------------------------------------------
 */

create table public.map_services (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references public.map_providers (id) on delete cascade,
  editor_organisation_id uuid not null references public.organisations (id) on delete restrict,
  area_id uuid references public.areas (id) on delete set null,
  name text not null check (length(btrim(name)) between 2 and 120),
  summary text not null check (length(btrim(summary)) between 5 and 160),
  description text not null default '' check (length(description) <= 2000),
  keywords text not null default '' check (length(keywords) <= 500),
  route public.map_route not null,
  status text not null default 'active' check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
  free boolean not null default true,
  cost_description text not null default '' check (length(cost_description) <= 300),
  minimum_age int check (minimum_age between 0 and 120),
  maximum_age int check (maximum_age between 0 and 120),
  eligibility_description text not null default '' check (length(eligibility_description) <= 300),
  languages text[] not null default '{nl}' check (array_length(languages, 1) between 1 and 10),
  wheelchair_accessible boolean not null default false,
  accessibility_description text not null default '' check (length(accessibility_description) <= 300),
  phone text check (phone ~ '^[0-9 +()-]{3,20}$'),
  email text check (email ~ '^[^@\s]+@[^@\s]+$'),
  url text check (url ~ '^https://'),
  assured_date date not null default current_date,
  assured_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (
    public.map_fold(name || ' ' || summary || ' ' || description || ' ' || keywords)
  ) stored,
  search_vector tsvector generated always as (
    to_tsvector('pg_catalog.dutch'::regconfig, public.map_fold(name || ' ' || summary || ' ' || description || ' ' || keywords))
  ) stored,
  check (maximum_age is null or minimum_age is null or maximum_age >= minimum_age),
  check (free or cost_description <> '')
);
comment on table public.map_services is 'A service or group on the sociale kaart (HSDS service). summary is one plain line; route is its colour on the routekaart; assured_date is when it was last checked, by assured_by of editor_organisation_id.';
comment on column public.map_services.editor_organisation_id is 'The organisation whose coordinators keep this entry up to date and check it.';
comment on column public.map_services.area_id is 'The area it is for; empty: the whole municipality.';
comment on column public.map_services.keywords is 'Other plain words people search with ("eten", "boodschappen").';
comment on column public.map_services.languages is 'ISO 639-1 codes of the languages spoken.';
create index map_services_provider_id_idx on public.map_services (provider_id);
create index map_services_editor_organisation_id_idx on public.map_services (editor_organisation_id);
create index map_services_area_id_idx on public.map_services (area_id);
create index map_services_assured_by_idx on public.map_services (assured_by);
create index map_services_route_idx on public.map_services (route);
create index map_services_search_vector_idx on public.map_services using gin (search_vector);
create index map_services_search_text_trgm_idx on public.map_services using gin (search_text extensions.gin_trgm_ops);

create table public.map_service_topics (
  service_id uuid not null references public.map_services (id) on delete cascade,
  topic_id text not null references public.map_topics (id) on delete cascade,
  primary key (service_id, topic_id)
);
comment on table public.map_service_topics is 'The topics of a service (HSDS attribute linking a service to a taxonomy term).';
create index map_service_topics_topic_id_idx on public.map_service_topics (topic_id);

/*
 * ---------------------------------------------------------------------------------------------
 * Locations, service at location, schedules
 * ---------------------------------------------------------------------------------------------
 */

create table public.map_locations (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references public.map_providers (id) on delete cascade,
  area_id uuid references public.areas (id) on delete set null,
  name text not null check (length(name) between 2 and 120),
  address_1 text not null check (length(address_1) between 2 and 120),
  postal_code text not null check (postal_code ~ '^[1-9][0-9]{3} ?[A-Z]{2}$'),
  city text not null check (length(city) between 2 and 80),
  province text not null check (length(province) between 2 and 40),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  wheelchair_accessible boolean not null default false,
  accessibility_description text not null default '' check (length(accessibility_description) <= 300)
);
comment on table public.map_locations is 'A place where services are given (HSDS location with its address and accessibility).';
create index map_locations_provider_id_idx on public.map_locations (provider_id);
create index map_locations_area_id_idx on public.map_locations (area_id);

create table public.map_service_at_location (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references public.map_services (id) on delete cascade,
  location_id uuid not null references public.map_locations (id) on delete cascade,
  unique (service_id, location_id)
);
comment on table public.map_service_at_location is 'Which service is given where (HSDS service_at_location).';
create index map_service_at_location_location_id_idx on public.map_service_at_location (location_id);

create table public.map_schedules (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references public.map_services (id) on delete cascade,
  day int not null check (day between 1 and 7),
  opens time not null,
  closes time not null,
  check (closes > opens)
);
comment on table public.map_schedules is 'When a service is open, weekly (HSDS schedule, freq WEEKLY): day 1-7 is Monday to Sunday, Dutch local time.';
create index map_schedules_service_id_idx on public.map_schedules (service_id);

/*
 * ---------------------------------------------------------------------------------------------
 * Freshness, computed from assured_date
 * ---------------------------------------------------------------------------------------------
 */

/**
 * How fresh an entry is: 'checked' (within a year), 'flagged' (not checked for a year) or
 * 'hidden' (not checked for eighteen months: the public no longer sees it).
 */
create function public.map_freshness(assured date)
returns text
language sql stable parallel safe security definer set search_path = ''
as $$
  select case
    when assured >= current_date - interval '1 year' then 'checked'
    when assured >= current_date - interval '18 months' then 'flagged'
    else 'hidden'
  end;
$$;
grant execute on function public.map_freshness(date) to anon, authenticated;

/**
 * The freshness of a service as a computed field (PostgREST: select=*,freshness).
 */
create function public.freshness(service public.map_services)
returns text
language sql stable security definer set search_path = ''
as $$
  select public.map_freshness(service.assured_date);
$$;
grant execute on function public.freshness(public.map_services) to anon, authenticated;

/**
 * True when the current user coordinates the organisation that keeps the entry.
 */
create function public.is_map_editor(organisation uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select public.has_role_in_organisation(organisation, 'coordinator');
$$;
grant execute on function public.is_map_editor(uuid) to authenticated;

/**
 * True when the service is on the public kaart: active and checked within eighteen months.
 */
create function public.map_service_is_public(service uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.map_services s
    where s.id = service and s.status <> 'defunct'
      and public.map_freshness(s.assured_date) <> 'hidden'
  );
$$;
grant execute on function public.map_service_is_public(uuid) to anon, authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * Row-level security
 * ---------------------------------------------------------------------------------------------
 */

alter table public.map_providers enable row level security;
alter table public.map_topics enable row level security;
alter table public.map_services enable row level security;
alter table public.map_service_topics enable row level security;
alter table public.map_locations enable row level security;
alter table public.map_service_at_location enable row level security;
alter table public.map_schedules enable row level security;

-- Another change restricts anon to the public tables it is granted; the kaart is public.
grant select on public.map_providers, public.map_topics, public.map_services, public.map_service_topics,
  public.map_locations, public.map_service_at_location, public.map_schedules to anon, authenticated;
revoke insert, update, delete on public.map_providers, public.map_topics, public.map_service_topics,
  public.map_locations, public.map_service_at_location, public.map_schedules from anon, authenticated;
revoke insert, delete on public.map_services from anon, authenticated;
revoke update on public.map_services from anon;

create policy "Anyone can read providers" on public.map_providers
  for select to anon, authenticated using (true);
create policy "Anyone can read topics" on public.map_topics
  for select to anon, authenticated using (true);
create policy "Anyone can read services that were checked in the last eighteen months" on public.map_services
  for select to anon, authenticated
  using (status <> 'defunct' and assured_date >= current_date - interval '18 months');
create policy "Editors can read every service they keep" on public.map_services
  for select to authenticated using (public.is_map_editor(editor_organisation_id));
create policy "Editors can update the services they keep" on public.map_services
  for update to authenticated
  using (public.is_map_editor(editor_organisation_id))
  with check (public.is_map_editor(editor_organisation_id));
create policy "Anyone can read the topics of a public service" on public.map_service_topics
  for select to anon, authenticated using (public.map_service_is_public(service_id));
create policy "Anyone can read locations" on public.map_locations
  for select to anon, authenticated using (true);
create policy "Anyone can read where a public service is given" on public.map_service_at_location
  for select to anon, authenticated using (public.map_service_is_public(service_id));
create policy "Anyone can read when a public service is open" on public.map_schedules
  for select to anon, authenticated using (public.map_service_is_public(service_id));

/*
 * ---------------------------------------------------------------------------------------------
 * Change log: every change to a service, field by field, with the old and the new value
 * (HSDS metadata). Written by a trigger only; editors read the log of what they keep.
 * ---------------------------------------------------------------------------------------------
 */

create table public.map_changes (
  id bigint generated always as identity primary key,
  service_id uuid not null references public.map_services (id) on delete cascade,
  changed_at timestamptz not null default now(),
  changed_by uuid references public.profiles (id) on delete set null,
  field text not null,
  old_value jsonb,
  new_value jsonb
);
comment on table public.map_changes is 'Every change to a service on the sociale kaart: field, old and new value, who and when (HSDS metadata). Append-only.';
create index map_changes_service_id_idx on public.map_changes (service_id, changed_at desc);
create index map_changes_changed_by_idx on public.map_changes (changed_by);

alter table public.map_changes enable row level security;
revoke insert, update, delete on public.map_changes from anon, authenticated;
create policy "Editors can read the changes to the services they keep" on public.map_changes
  for select to authenticated
  using (exists (select 1 from public.map_services s where s.id = service_id and public.is_map_editor(s.editor_organisation_id)));

/**
 * Before an update of a service: who keeps it, who made it and when it was made cannot change;
 * assured_by is the person who checks it; updated_at moves.
 */
create function public.guard_map_service_update()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.role()) in ('anon', 'authenticated') then
    if new.id <> old.id or new.editor_organisation_id <> old.editor_organisation_id
       or new.provider_id <> old.provider_id or new.created_at <> old.created_at then
      raise exception 'These details cannot be changed here.' using errcode = '42501';
    end if;
    if new.assured_date is distinct from old.assured_date then
      if new.assured_date > current_date then
        raise exception 'A check cannot be in the future.' using errcode = '22023';
      end if;
      new.assured_by := (select auth.uid());
    end if;
  end if;
  new.updated_at := now();
  return new;
end;
$$;

create trigger map_services_guard_update
  before update on public.map_services
  for each row execute function public.guard_map_service_update();

/**
 * After an update of a service: one log row per changed field.
 */
create function public.log_map_service_change()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  before_row jsonb := to_jsonb(old) - array['search_text', 'search_vector', 'updated_at'];
  after_row jsonb := to_jsonb(new) - array['search_text', 'search_vector', 'updated_at'];
  key text;
begin
  for key in select jsonb_object_keys(after_row) loop
    if before_row -> key is distinct from after_row -> key then
      insert into public.map_changes (service_id, changed_by, field, old_value, new_value)
      values (new.id, (select auth.uid()), key, before_row -> key, after_row -> key);
    end if;
  end loop;
  return null;
end;
$$;

create trigger map_services_log_change
  after update on public.map_services
  for each row execute function public.log_map_service_change();

/*
 * ---------------------------------------------------------------------------------------------
 * Re-check tasks: "Klopt dit niet meer?" from anyone makes one open task per entry; the yearly
 * check is derived from assured_date (freshness), not stored.
 * ---------------------------------------------------------------------------------------------
 */

create table public.map_recheck_tasks (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references public.map_services (id) on delete cascade,
  note text not null default '' check (length(note) <= 500),
  reports int not null default 1 check (reports >= 1),
  created_at timestamptz not null default now(),
  last_reported_at timestamptz not null default now(),
  done_at timestamptz,
  done_by uuid references public.profiles (id) on delete set null
);
comment on table public.map_recheck_tasks is 'An entry someone says is no longer right. At most one open task per service; more reports add to its count and note.';
create unique index map_recheck_tasks_one_open_idx on public.map_recheck_tasks (service_id) where done_at is null;
create index map_recheck_tasks_done_by_idx on public.map_recheck_tasks (done_by);

alter table public.map_recheck_tasks enable row level security;
revoke insert, update, delete on public.map_recheck_tasks from anon, authenticated;
create policy "Editors can read the re-check tasks of the services they keep" on public.map_recheck_tasks
  for select to authenticated
  using (exists (select 1 from public.map_services s where s.id = service_id and public.is_map_editor(s.editor_organisation_id)));

/**
 * "Klopt dit niet meer?": anyone, signed in or not, says an entry is no longer right. Opens a
 * re-check task, or adds to the open one (never a second). Returns the task's id; P0002 when
 * the entry is not on the public kaart.
 */
create function public.report_map_outdated(service uuid, note text default '')
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  task uuid;
  clean text := left(btrim(coalesce(note, '')), 300);
begin
  if not public.map_service_is_public(service) then
    raise exception 'No such entry.' using errcode = 'P0002';
  end if;
  insert into public.map_recheck_tasks as t (service_id, note)
  values (service, clean)
  on conflict (service_id) where done_at is null do update
    set reports = t.reports + 1,
        last_reported_at = now(),
        note = left(case when excluded.note = '' then t.note
                         when t.note = '' then excluded.note
                         else t.note || E'\n' || excluded.note end, 500)
  returning id into task;
  return task;
end;
$$;
grant execute on function public.report_map_outdated(uuid, text) to anon, authenticated;

/**
 * An editor confirms an entry is right: assured today by them, open tasks closed.
 */
create function public.confirm_map_service(service uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  editor uuid;
begin
  select s.editor_organisation_id into editor from public.map_services s where s.id = service;
  if editor is null then
    raise exception 'No such entry.' using errcode = 'P0002';
  end if;
  if not public.is_map_editor(editor) then
    raise exception 'Only an editor of this entry can check it.' using errcode = '42501';
  end if;
  update public.map_services set assured_date = current_date where id = service;
  update public.map_recheck_tasks set done_at = now(), done_by = (select auth.uid())
  where service_id = service and done_at is null;
end;
$$;
grant execute on function public.confirm_map_service(uuid) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * Search: plain words, forgiving typos and missing accents, with filters. Security invoker, so
 * the policies above decide what each person sees.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * Services matching the words and filters, best first. A service matches when the Dutch
 * full-text search finds the words, or when a word of four letters or more is close (trigram
 * word similarity 0.5 or more) to a word
 * in the entry (a typo). Empty words: all services that pass the filters, by name.
 */
create function public.search_social_map(
  words text default '',
  route public.map_route default null,
  topic text default null,
  free_only boolean default false,
  age int default null,
  open_now boolean default false,
  accessible boolean default false,
  area uuid default null
)
returns setof public.map_services
language sql stable security invoker set search_path = ''
as $$
  with q as (
    select public.map_fold(btrim(coalesce(search_social_map.words, ''))) as folded
  ), terms as (
    select array(
      select t from regexp_split_to_table((select folded from q), '[^a-z0-9]+') t where length(t) >= 4
    ) as long_words,
    case when (select folded from q) = '' then null
         else plainto_tsquery('pg_catalog.dutch'::regconfig, (select folded from q)) end as query
  ), scored as (
    select s,
      case when terms.query is null then 0
           else pg_catalog.ts_rank(s.search_vector, terms.query) * 2
                + coalesce((select max(public.map_similarity(w, s.search_text)) from unnest(terms.long_words) w), 0)
      end as score,
      terms.query is null
        or s.search_vector @@ terms.query
        or exists (select 1 from unnest(terms.long_words) w where public.map_similarity(w, s.search_text) >= 0.5) as hit
    from public.map_services s, terms
    where (search_social_map.route is null or s.route = search_social_map.route)
      and (search_social_map.topic is null or exists (select 1 from public.map_service_topics st where st.service_id = s.id and st.topic_id = search_social_map.topic))
      and (not search_social_map.free_only or s.free)
      and (search_social_map.age is null or ((s.minimum_age is null or s.minimum_age <= search_social_map.age) and (s.maximum_age is null or s.maximum_age >= search_social_map.age)))
      and (not search_social_map.accessible or s.wheelchair_accessible
           or exists (select 1 from public.map_service_at_location sl join public.map_locations l on l.id = sl.location_id
                      where sl.service_id = s.id and l.wheelchair_accessible))
      and (search_social_map.area is null or s.area_id is null or s.area_id = search_social_map.area)
      and (not search_social_map.open_now or exists (
        select 1 from public.map_schedules sc
        where sc.service_id = s.id
          and sc.day = extract(isodow from (now() at time zone 'Europe/Amsterdam'))::int
          and (now() at time zone 'Europe/Amsterdam')::time >= sc.opens
          and (now() at time zone 'Europe/Amsterdam')::time < sc.closes))
  )
  select (scored.s).* from scored
  where scored.hit
  order by scored.score desc, (scored.s).name
  limit 100;
$$;
grant execute on function public.search_social_map(text, public.map_route, text, boolean, int, boolean, boolean, uuid) to anon, authenticated;
