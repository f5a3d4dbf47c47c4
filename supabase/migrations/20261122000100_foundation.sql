/*
 * ---------------------------------------------------------------------------------------------
 * Foundation: municipalities, areas, people, organisations, roles, sessions, sign-in codes and
 * the audit log. Every table has row-level security; policies are per command and named as
 * sentences. Helpers are security definer with an empty search_path.
 * ---------------------------------------------------------------------------------------------
 */

create extension if not exists pgcrypto with schema extensions;
-- Distances for matching (help). Created before the revoke below, which would otherwise take
-- execute on their functions away from the roles whose writes compute a volunteer's location.
create extension if not exists cube with schema extensions;
create extension if not exists earthdistance with schema extensions;

-- Functions are executable by nobody until granted, one by one, beside each function. Postgres
-- grants execute to PUBLIC by a global default, which only a revoke without "in schema" removes.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from public, anon, authenticated;
-- The anon key is public on a hosted project, and PostgREST's OpenAPI root lists whatever a role
-- holds a privilege on. Supabase grants every new table to anon; here anon gets nothing by default
-- and only what a signed-out visitor needs is granted, beside its table (RLS still decides rows).
-- authenticated keeps Supabase's grants: its policies decide.
alter default privileges in schema public revoke all on tables from anon;
alter default privileges in schema public revoke all on sequences from anon;

/**
 * A point on earthdistance's sphere, and the distance in metres over it. Everything that places or
 * measures goes through these two, never through earthdistance itself: on PostgreSQL 15 its SQL
 * functions (ll_to_earth, earth_distance and the ones they call) name `earth` and `cube` without a
 * schema, so they work only where `extensions` is on the search path of whoever runs them. These
 * fix their own search path, so the generated location column and the matching queries work for
 * every role on 15, 17 and 18 alike. Immutable, as earthdistance's own functions are.
 */
create function public.earth_point(latitude double precision, longitude double precision)
returns extensions.cube
language sql immutable strict parallel safe set search_path = pg_catalog, extensions
as $$ select extensions.ll_to_earth(latitude, longitude)::extensions.cube $$;
grant execute on function public.earth_point(double precision, double precision) to authenticated, service_role;

create function public.earth_metres(a extensions.cube, b extensions.cube)
returns double precision
language sql immutable strict parallel safe set search_path = pg_catalog, extensions
as $$ select extensions.earth_distance(a::extensions.earth, b::extensions.earth) $$;
grant execute on function public.earth_metres(extensions.cube, extensions.cube) to authenticated, service_role;

/*
 * ---------------------------------------------------------------------------------------------
 * Places
 * ---------------------------------------------------------------------------------------------
 */

create table public.municipalities (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 2 and 100),
  created_at timestamptz not null default now()
);
comment on table public.municipalities is 'A municipality that runs Omzien with its volunteer centre.';

create type public.area_kind as enum ('wijk', 'kern', 'dorp');

create table public.areas (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  name text not null check (length(name) between 2 and 100),
  kind public.area_kind not null,
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  unique (municipality_id, name)
);
comment on table public.areas is 'A neighbourhood (wijk), village core (kern) or village (dorp), with its centre point.';
create index areas_municipality_id_idx on public.areas (municipality_id);

alter table public.municipalities enable row level security;
alter table public.areas enable row level security;

create policy "Anyone can read municipalities" on public.municipalities
  for select to anon, authenticated using (true);
create policy "Anyone can read areas" on public.areas
  for select to anon, authenticated using (true);
-- Signed out: the front door names each volunteer centre's municipality; the sign-up and help
-- forms list areas.
grant select on public.municipalities, public.areas to anon;

/*
 * ---------------------------------------------------------------------------------------------
 * People. A profile is a person who can sign in (by e-mail) or who was registered by a
 * coordinator after a phone call (no e-mail). Every signed-in person is a resident.
 * ---------------------------------------------------------------------------------------------
 */

create table public.profiles (
  id uuid primary key default gen_random_uuid(),
  display_name text check (length(display_name) between 1 and 80),
  area_id uuid references public.areas (id) on delete set null,
  preferred_language text not null default 'nl' check (preferred_language in ('nl', 'en')),
  email text unique check (email = lower(email) and length(email) <= 254),
  phone text check (phone ~ '^[0-9 +()-]{6,20}$'),
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  onboarded_at timestamptz,
  blocked_at timestamptz,
  blocked_by uuid references public.profiles (id) on delete set null,
  -- Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make a name read as
  -- something else around it; forms refuse them, and so does the table.
  constraint profiles_display_name_no_bidi_controls check (display_name !~ '[\u202A-\u202E\u2066-\u2069]')
);
comment on table public.profiles is 'A person. created_by is set when a coordinator registered them after a phone call.';
comment on column public.profiles.onboarded_at is 'When the person first gave their name, area and language.';
comment on column public.profiles.blocked_at is 'Set when a coordinator blocked the person (moderate()); a blocked person cannot post.';
create index profiles_area_id_idx on public.profiles (area_id);
create index profiles_created_by_idx on public.profiles (created_by);

/*
 * ---------------------------------------------------------------------------------------------
 * Organisations and roles
 * ---------------------------------------------------------------------------------------------
 */

create type public.organisation_kind as enum ('volunteer_centre', 'welfare', 'municipal_team');
create type public.member_role as enum ('volunteer', 'coordinator', 'officer', 'admin');

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  name text not null check (length(name) between 2 and 120),
  kind public.organisation_kind not null,
  phone text check (phone ~ '^[0-9 +()-]{6,20}$'),
  opening_hours jsonb not null default '[]' check (jsonb_typeof(opening_hours) = 'array')
);
comment on table public.organisations is 'A volunteer centre, a welfare organisation or a municipal team.';
comment on column public.organisations.phone is 'Where people without a computer can call for help; shown on the home page.';
comment on column public.organisations.opening_hours is 'When the phone is answered: [{"day": 1-7 (ISO, 1 = Monday), "opens": "09:00", "closes": "12:00"}].';
create index organisations_municipality_id_idx on public.organisations (municipality_id);

create table public.organisation_areas (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  area_id uuid not null references public.areas (id) on delete cascade,
  primary key (organisation_id, area_id)
);
comment on table public.organisation_areas is 'The areas an organisation works in; its coordinators see these areas.';
create index organisation_areas_area_id_idx on public.organisation_areas (area_id);

create table public.memberships (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  profile_id uuid not null references public.profiles (id) on delete cascade,
  role public.member_role not null,
  created_at timestamptz not null default now(),
  primary key (organisation_id, profile_id, role)
);
comment on table public.memberships is 'Who has which role in which organisation.';
create index memberships_profile_id_idx on public.memberships (profile_id);

/**
 * True when the current user has the role in the organisation.
 */
create function public.has_role_in_organisation(organisation uuid, wanted public.member_role)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.organisation_id = organisation
      and m.profile_id = (select auth.uid())
      and m.role = wanted
  );
$$;
grant execute on function public.has_role_in_organisation(uuid, public.member_role) to authenticated;

/**
 * True when the current user coordinates an organisation that works in the area.
 */
create function public.is_coordinator_for_area(area uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
    from public.memberships m
    join public.organisation_areas oa on oa.organisation_id = m.organisation_id
    where m.profile_id = (select auth.uid())
      and m.role = 'coordinator'
      and oa.area_id = area
  );
$$;
grant execute on function public.is_coordinator_for_area(uuid) to authenticated;

/**
 * True when the current user has the role in any organisation.
 */
create function public.has_role(wanted public.member_role)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.profile_id = (select auth.uid()) and m.role = wanted
  );
$$;
grant execute on function public.has_role(public.member_role) to authenticated;

alter table public.profiles enable row level security;
alter table public.organisations enable row level security;
alter table public.organisation_areas enable row level security;
alter table public.memberships enable row level security;

create policy "People can read their own profile" on public.profiles
  for select to authenticated using (id = (select auth.uid()));
create policy "Coordinators can read profiles in their areas" on public.profiles
  for select to authenticated using (public.is_coordinator_for_area(area_id));
create policy "People can update their own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));
create policy "Coordinators can update people they registered in their areas" on public.profiles
  for update to authenticated
  using (created_by is not null and public.is_coordinator_for_area(area_id))
  with check (public.is_coordinator_for_area(area_id));
create policy "People can delete their own profile" on public.profiles
  for delete to authenticated using (id = (select auth.uid()));

create policy "Anyone can read organisations" on public.organisations
  for select to anon, authenticated using (true);
create policy "Anyone signed in can read which areas an organisation serves" on public.organisation_areas
  for select to authenticated using (true);
-- Signed out: the front door shows the volunteer centres' phone lines.
grant select on public.organisations to anon;
create policy "Members can read their own memberships" on public.memberships
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "Coordinators can read the memberships of their organisation" on public.memberships
  for select to authenticated
  using (public.has_role_in_organisation(organisation_id, 'coordinator'));

/*
 * ---------------------------------------------------------------------------------------------
 * Audit log: append-only. Written by triggers and security-definer functions (and by the
 * server's admin client for sign-in events); nobody can change or remove an entry.
 * ---------------------------------------------------------------------------------------------
 */

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  on_behalf_of uuid,
  action text not null,
  details jsonb not null default '{}'
);
comment on table public.audit_log is 'What was done, by whom, and for whom. Append-only.';
comment on column public.audit_log.on_behalf_of is 'The resident a coordinator acted for.';
create index audit_log_actor_id_idx on public.audit_log (actor_id);
create index audit_log_on_behalf_of_idx on public.audit_log (on_behalf_of);

alter table public.audit_log enable row level security;
create policy "People can read what was done by them or for them" on public.audit_log
  for select to authenticated
  using (actor_id = (select auth.uid()) or on_behalf_of = (select auth.uid()));

/**
 * True when the current user coordinates the area the person lives in.
 */
create function public.is_coordinator_for_person(person uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.profiles p
    where p.id = person and public.is_coordinator_for_area(p.area_id)
  );
$$;
grant execute on function public.is_coordinator_for_person(uuid) to authenticated;

/**
 * True when the current user may act for the person: a coordinator of the person's area, for
 * someone they or a colleague registered after a phone call (created_by set). Someone who
 * signed up by themself acts for themself; no hidden form field can change that. (There is no
 * consent flag: a resident who wants a coordinator to act for them phones in and is helped as
 * someone registered by phone.)
 */
create function public.may_act_for(person uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.profiles p
    where p.id = person and p.created_by is not null and public.is_coordinator_for_area(p.area_id)
  );
$$;
grant execute on function public.may_act_for(uuid) to authenticated;

create policy "Coordinators can read the log of people in their areas" on public.audit_log
  for select to authenticated
  using (on_behalf_of is not null and public.is_coordinator_for_person(on_behalf_of));

create function public.refuse_audit_change()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'The audit log is append-only.' using errcode = '42501';
end;
$$;

create trigger audit_log_is_append_only
  before update or delete on public.audit_log
  for each row execute function public.refuse_audit_change();

/**
 * Keeps columns that identify a person or tell who made them from changing through the API,
 * lets only moderate() block or unblock, and logs every change a coordinator makes for someone else.
 */
create function public.guard_profile_update()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (select auth.role()) in ('anon', 'authenticated') then
    if new.id <> old.id or new.created_by is distinct from old.created_by
       or new.created_at <> old.created_at or new.email is distinct from old.email
       or ((new.blocked_at is distinct from old.blocked_at or new.blocked_by is distinct from old.blocked_by)
           and current_setting('omzien.moderating', true) is distinct from 'on') then
      raise exception 'These details cannot be changed here.' using errcode = '42501';
    end if;
    if (select auth.uid()) <> new.id and current_setting('omzien.moderating', true) is distinct from 'on' then
      insert into public.audit_log (actor_id, on_behalf_of, action, details)
      values ((select auth.uid()), new.id, 'profile.updated_on_behalf',
              jsonb_build_object('display_name', new.display_name, 'area_id', new.area_id,
                                 'phone_changed', new.phone is distinct from old.phone));
    end if;
  end if;
  return new;
end;
$$;

create trigger profiles_guard_update
  before update on public.profiles
  for each row execute function public.guard_profile_update();

/**
 * A coordinator registers a resident who phoned in and has no e-mail. Logged.
 */
create function public.register_resident(
  display_name text, phone text, area_id uuid, preferred_language text default 'nl'
)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  new_id uuid;
begin
  if not public.is_coordinator_for_area(area_id) then
    raise exception 'Only a coordinator of this area can register someone here.' using errcode = '42501';
  end if;
  insert into public.profiles (display_name, phone, area_id, preferred_language, created_by, onboarded_at)
  values (display_name, phone, area_id, preferred_language, (select auth.uid()), now())
  returning id into new_id;
  insert into public.audit_log (actor_id, on_behalf_of, action, details)
  values ((select auth.uid()), new_id, 'resident.registered_by_phone',
          jsonb_build_object('display_name', display_name, 'area_id', area_id));
  return new_id;
end;
$$;
grant execute on function public.register_resident(text, text, uuid, text) to authenticated;

/**
 * True when the current user may post (not blocked).
 */
create function public.can_post()
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.profiles p where p.id = (select auth.uid()) and p.blocked_at is null);
$$;
grant execute on function public.can_post() to authenticated;

/**
 * The first name of a person: all a stranger may see of someone before a match.
 */
create function public.first_name_of(person uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select split_part(coalesce(p.display_name, ''), ' ', 1) from public.profiles p where p.id = person;
$$;
grant execute on function public.first_name_of(uuid) to authenticated;

/**
 * The signed-in user's id as RLS sees it: the smoke test of the JWT chain.
 */
create function public.whoami()
returns uuid
language sql stable
as $$
  select auth.uid();
$$;
grant execute on function public.whoami() to anon, authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * Sessions and one-time sign-in codes. RLS on and no policies: only the server's admin client
 * (service_role) reads and writes them.
 * ---------------------------------------------------------------------------------------------
 */

create table public.sessions (
  id text primary key,
  secret_hash bytea not null,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_verified_at timestamptz not null default now()
);
comment on table public.sessions is 'Sign-in sessions (Lucia guide): the cookie holds id.secret, this table the SHA-256 of the secret.';
create index sessions_user_id_idx on public.sessions (user_id);

create table public.sign_in_codes (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email)),
  code_hash bytea not null,
  ip text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  attempts int not null default 0,
  used_at timestamptz
);
comment on table public.sign_in_codes is 'One-time sign-in codes, stored as a keyed hash. Valid 10 minutes, at most 5 tries.';
create index sign_in_codes_email_created_at_idx on public.sign_in_codes (email, created_at desc);
create index sign_in_codes_ip_created_at_idx on public.sign_in_codes (ip, created_at desc);

alter table public.sessions enable row level security;
alter table public.sign_in_codes enable row level security;
revoke all on public.sessions, public.sign_in_codes from anon, authenticated;
