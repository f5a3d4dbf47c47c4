/*
 * ---------------------------------------------------------------------------------------------
 * Help in the neighbourhood: categories, volunteers, one-off offers, requests and their
 * lifecycle, messages and thanks. The item types request, offer, message and thanks are
 * registered with the shared rooms at the end: reports, hiding and recordings come from there.
 * Matching lives in its own file.
 * ---------------------------------------------------------------------------------------------
 */

-- cube and earthdistance (for the volunteers' location) are created in the foundation.

/*
 * ---------------------------------------------------------------------------------------------
 * Categories (reference data: part of the product, so in the migration, not the seed).
 * Their names and descriptions are i18n keys: help.categories.<id>, help.categoryHints.<id>.
 * ---------------------------------------------------------------------------------------------
 */

create table public.help_categories (
  id text primary key check (id ~ '^[a-z_]+$'),
  icon text not null,
  requires_vog boolean not null default false,
  sort_order int not null
);
comment on table public.help_categories is 'Kinds of help. requires_vog: only volunteers with a recent certificate of conduct (VOG).';

alter table public.help_categories enable row level security;
create policy "Anyone can read help categories" on public.help_categories
  for select to anon, authenticated using (true);
grant select on public.help_categories to anon;

insert into public.help_categories (id, icon, requires_vog, sort_order) values
  ('odd_jobs', 'tool', false, 1),
  ('buddy', 'friends', true, 2),
  ('ride', 'bus', false, 3),
  ('groceries', 'shopping-cart', false, 4),
  ('garden', 'plant', false, 5),
  ('paperwork', 'mail-opened', false, 6),
  ('lending', 'wheelchair', false, 7);
/*
 * ---------------------------------------------------------------------------------------------
 * Volunteers: what they help with, where, when. VOG date is set by a coordinator only.
 * Availability is a bitmask: bit (day * 3 + part), day 0 = Monday, part 0/1/2 = morning/afternoon/evening.
 * ---------------------------------------------------------------------------------------------
 */

create table public.volunteer_profiles (
  profile_id uuid primary key references public.profiles (id) on delete cascade,
  area_id uuid not null references public.areas (id),
  latitude double precision not null,
  longitude double precision not null,
  max_distance_km numeric(4, 1) not null default 3 check (max_distance_km between 0.5 and 15),
  availability int not null default 0 check (availability between 0 and 2097151),
  skills text check (length(skills) <= 500),
  vog_date date,
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  categories text[] not null default '{}',
  -- the point on earthdistance's sphere, computed once so matching only calls C functions per row
  location extensions.cube generated always as (public.earth_point(latitude, longitude)) stored
);
comment on table public.volunteer_profiles is 'A volunteer''s standing offer: where (a point, usually their area centre), how far, when, what they are good at.';
comment on column public.volunteer_profiles.categories is 'A copy of volunteer_categories for matching, kept up to date by a trigger.';
comment on column public.volunteer_profiles.vog_date is 'Date of the certificate of conduct (VOG), set by a coordinator.';
create index volunteer_profiles_location_idx on public.volunteer_profiles using gist (location) where active;

create table public.volunteer_categories (
  volunteer_id uuid not null references public.volunteer_profiles (profile_id) on delete cascade,
  category_id text not null references public.help_categories (id),
  primary key (category_id, volunteer_id)
);
comment on table public.volunteer_categories is 'What kinds of help a volunteer offers.';
create index volunteer_categories_volunteer_idx on public.volunteer_categories (volunteer_id);

/** Refreshes the copy of the categories on the given volunteers' profiles. */
create function public.copy_volunteer_categories(volunteers uuid[])
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform set_config('omzien.copying_categories', 'on', true);
  update public.volunteer_profiles v
  set categories = coalesce((select array_agg(vc.category_id order by vc.category_id)
                             from public.volunteer_categories vc where vc.volunteer_id = v.profile_id), '{}')
  where v.profile_id = any (volunteers);
  perform set_config('omzien.copying_categories', 'off', true);
end;
$$;

-- Once per statement, so saving a profile or loading many volunteers updates each profile once.
create function public.volunteer_categories_added()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform public.copy_volunteer_categories(array(select distinct volunteer_id from added));
  return null;
end;
$$;
create function public.volunteer_categories_removed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform public.copy_volunteer_categories(array(select distinct volunteer_id from removed));
  return null;
end;
$$;
create trigger volunteer_categories_copy_added
  after insert on public.volunteer_categories referencing new table as added
  for each statement execute function public.volunteer_categories_added();
create trigger volunteer_categories_copy_removed
  after delete on public.volunteer_categories referencing old table as removed
  for each statement execute function public.volunteer_categories_removed();
revoke update on public.volunteer_categories from anon, authenticated;

/**
 * Only a coordinator sets the VOG date; the copy of the categories changes only with them.
 */
create function public.guard_volunteer_profile()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.vog_date is distinct from old.vog_date and not public.is_coordinator_for_area(old.area_id)
     and (select auth.role()) in ('anon', 'authenticated') then
    raise exception 'Only a coordinator can set the VOG date.' using errcode = '42501';
  end if;
  if new.categories is distinct from old.categories and current_setting('omzien.copying_categories', true) is distinct from 'on' then
    new.categories := old.categories;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger volunteer_profiles_guard
  before update on public.volunteer_profiles
  for each row execute function public.guard_volunteer_profile();
/**
 * Saves the caller's standing offer in one transaction: the profile (its point is the area's
 * centre) and exactly the categories given, each once. Runs with the caller's rights, so the
 * policies decide (only volunteers); an unknown area or category refuses the whole save
 * (23503) and the old profile and categories stay as they were.
 */
create function public.save_volunteer_profile(
  p_area uuid, p_max_distance_km numeric, p_availability int, p_skills text, p_categories text[]
)
returns void
language plpgsql security invoker set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  place record;
begin
  select a.latitude, a.longitude into place from public.areas a where a.id = p_area;
  if not found then
    raise exception 'There is no such area.' using errcode = '23503';
  end if;
  update public.volunteer_profiles set
    area_id = p_area, latitude = place.latitude, longitude = place.longitude,
    max_distance_km = p_max_distance_km, availability = p_availability, skills = nullif(trim(p_skills), '')
  where profile_id = me;
  if not found then
    insert into public.volunteer_profiles (profile_id, area_id, latitude, longitude, max_distance_km, availability, skills)
    values (me, p_area, place.latitude, place.longitude, p_max_distance_km, p_availability, nullif(trim(p_skills), ''));
  end if;
  delete from public.volunteer_categories vc
  where vc.volunteer_id = me and vc.category_id <> all (coalesce(p_categories, '{}'));
  insert into public.volunteer_categories (volunteer_id, category_id)
  select distinct me, c from unnest(coalesce(p_categories, '{}')) c
  on conflict do nothing;
end;
$$;
grant execute on function public.save_volunteer_profile(uuid, numeric, int, text, text[]) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * One-off offers ("zaterdag kan ik helpen met de tuin").
 * ---------------------------------------------------------------------------------------------
 */

create table public.help_offers (
  id uuid primary key default gen_random_uuid(),
  volunteer_id uuid not null references public.profiles (id) on delete cascade,
  category_id text not null references public.help_categories (id),
  area_id uuid not null references public.areas (id),
  description text not null,
  voice_id uuid references public.voice_messages (id) on delete set null,
  available_on date,
  hidden_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  constraint help_offers_description_check check (length(description) <= 1000 and (length(description) > 0 or voice_id is not null))
);
comment on table public.help_offers is 'A one-off offer of help by a volunteer.';
-- Offers in the order suggestions want them: by kind and area, soonest day first.
create index help_offers_open_idx on public.help_offers (category_id, area_id, available_on)
  where hidden_at is null and closed_at is null;
create index help_offers_volunteer_idx on public.help_offers (volunteer_id);

/*
 * ---------------------------------------------------------------------------------------------
 * Requests. Private details (address, exact point) live in their own table, so that browsing
 * volunteers can read a request without ever reaching them.
 * ---------------------------------------------------------------------------------------------
 */

create type public.help_status as enum ('open', 'offered', 'matched', 'done_pending', 'done', 'cancelled', 'expired');
create type public.help_when as enum ('asap', 'on_date', 'regularly');

create table public.help_requests (
  id uuid primary key default gen_random_uuid(),
  submission_id uuid not null unique,
  requester_id uuid not null references public.profiles (id) on delete cascade,
  created_by uuid not null references public.profiles (id) on delete cascade,
  category_id text not null references public.help_categories (id),
  description text not null,
  voice_id uuid references public.voice_messages (id) on delete set null,
  summary text check (length(summary) <= 1000),
  area_id uuid not null references public.areas (id),
  when_kind public.help_when not null,
  when_date date,
  when_note text check (length(when_note) <= 200),
  status public.help_status not null default 'open',
  helper_id uuid references public.profiles (id) on delete set null,
  done_marked_by uuid references public.profiles (id) on delete set null,
  done_marked_at timestamptz,
  matched_at timestamptz,
  status_changed_at timestamptz not null default now(),
  opened_at timestamptz not null default now(),
  reminder_sent_at timestamptz,
  hidden_at timestamptz,
  created_at timestamptz not null default now(),
  constraint help_requests_description_check check (length(description) <= 1000 and (length(description) > 0 or voice_id is not null)),
  check ((when_kind = 'on_date') = (when_date is not null)),
  check (status not in ('offered', 'matched', 'done_pending', 'done') or helper_id is not null),
  check (status <> 'open' or helper_id is null)
);
comment on table public.help_requests is 'A request for help. created_by differs from requester_id when a coordinator entered it after a phone call.';
comment on column public.help_requests.summary is 'A written summary of a spoken request, by a coordinator, for volunteers who cannot listen.';
comment on column public.help_requests.opened_at is 'When the request was opened (again): the 30 days without a match count from here.';
comment on column public.help_requests.submission_id is 'Chosen by the form once; a second submit of the same form finds the first request.';
-- Open requests per area and kind in the order they have been waiting.
create index help_requests_open_idx on public.help_requests (area_id, category_id, opened_at) where status = 'open' and hidden_at is null;
create index help_requests_open_by_age_idx on public.help_requests (created_at) where status = 'open' and hidden_at is null;
create index help_requests_requester_idx on public.help_requests (requester_id);
create index help_requests_helper_idx on public.help_requests (helper_id);
-- "Spread the work": how often a volunteer was matched lately, from the index alone.
create index help_requests_helper_matched_idx on public.help_requests (helper_id, matched_at) where helper_id is not null;
create index help_requests_area_status_idx on public.help_requests (area_id, status);

create table public.help_request_private (
  request_id uuid primary key references public.help_requests (id) on delete cascade,
  address text check (length(address) <= 200),
  latitude double precision,
  longitude double precision
);
comment on table public.help_request_private is 'The exact address of a request: only the requester, the matched helper and coordinators of the area.';

create table public.help_declines (
  request_id uuid not null references public.help_requests (id) on delete cascade,
  volunteer_id uuid not null references public.profiles (id) on delete cascade,
  declined_at timestamptz not null default now(),
  primary key (request_id, volunteer_id)
);
comment on table public.help_declines is 'A helper the requester said no to (or who withdrew): not suggested again for this request.';
create index help_declines_volunteer_idx on public.help_declines (volunteer_id);

create table public.help_events (
  id bigint generated always as identity primary key,
  request_id uuid not null references public.help_requests (id) on delete cascade,
  actor_id uuid,
  action text not null,
  from_status public.help_status,
  to_status public.help_status not null,
  at timestamptz not null default now()
);
comment on table public.help_events is 'Every change of a request''s status: who, what, when.';
create index help_events_request_idx on public.help_events (request_id);

/**
 * Asks for help in one step: the request and its private address together, or neither. Runs with
 * the caller's rights, so the insert policies decide. A spoken message (the caller's draft) may
 * stand in for the text. A second submit of the same form (same p_submission) returns the first
 * request instead of making another; a submission id that belongs to someone else's request is
 * refused (23505), never answered with nothing.
 */
create function public.create_help_request(
  p_submission uuid, p_requester uuid, p_category text, p_description text, p_area uuid,
  p_when public.help_when, p_when_date date default null, p_when_note text default null,
  p_address text default null, p_voice uuid default null
)
returns uuid
language plpgsql security invoker set search_path = ''
as $$
declare
  new_id uuid;
begin
  if p_when = 'on_date' and (p_when_date is null or p_when_date < current_date) then
    raise exception 'The date must be today or later.' using errcode = '22023';
  end if;
  if p_voice is not null and not exists (
    select 1 from public.voice_messages v
    where v.id = p_voice and v.author_id = (select auth.uid()) and v.subject_id is null
  ) then
    raise exception 'This voice message cannot be used here.' using errcode = '42501';
  end if;
  insert into public.help_requests (submission_id, requester_id, created_by, category_id, description, area_id,
                                    when_kind, when_date, when_note, voice_id)
  values (p_submission, p_requester, (select auth.uid()), p_category, coalesce(p_description, ''), p_area,
          p_when, case when p_when = 'on_date' then p_when_date end, nullif(p_when_note, ''), p_voice)
  on conflict (submission_id) do nothing
  returning id into new_id;
  if new_id is null then
    select id into new_id from public.help_requests
    where submission_id = p_submission and created_by = (select auth.uid());
    if new_id is null then
      raise exception 'This form was sent for another request.' using errcode = '23505';
    end if;
    return new_id;
  end if;
  if nullif(trim(p_address), '') is not null then
    insert into public.help_request_private (request_id, address) values (new_id, trim(p_address));
  end if;
  return new_id;
end;
$$;
grant execute on function public.create_help_request(uuid, uuid, text, text, uuid, public.help_when, date, text, text, uuid) to authenticated;

/**
 * A request a coordinator enters for someone else is logged.
 */
create function public.log_help_request_on_behalf()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.created_by <> new.requester_id then
    insert into public.audit_log (actor_id, on_behalf_of, action, details)
    values (new.created_by, new.requester_id, 'help.asked_on_behalf', jsonb_build_object('request_id', new.id));
  end if;
  return null;
end;
$$;
create trigger help_requests_log_on_behalf
  after insert on public.help_requests
  for each row execute function public.log_help_request_on_behalf();

/*
 * ---------------------------------------------------------------------------------------------
 * Time-derived state: a request without a match expires after its date or after 30 days; a
 * "done" that the other side does not confirm counts as done after 7 days. Derived, not timed.
 * ---------------------------------------------------------------------------------------------
 */

-- No SET clause, so the planner can inline it; every name in it is schema-qualified.
create function public.effective_status(r public.help_requests)
returns public.help_status
language sql stable
as $$
  select case
    when r.status in ('open', 'offered')
         and ((r.when_kind = 'on_date' and r.when_date < current_date)
              or r.opened_at < now() - interval '30 days') then 'expired'::public.help_status
    when r.status = 'done_pending' and r.done_marked_at < now() - interval '7 days' then 'done'::public.help_status
    else r.status
  end;
$$;
grant execute on function public.effective_status(public.help_requests) to authenticated;

/**
 * Stuck: still open, with nobody found, three days after it was asked. Coordinators follow these up.
 */
create function public.is_stuck(r public.help_requests)
returns boolean
language sql stable
as $$
  select public.effective_status(r) = 'open' and r.opened_at < now() - interval '3 days';
$$;
comment on function public.is_stuck(public.help_requests) is 'Open without a match for three days or more; shown on the coordinator''s list.';
grant execute on function public.is_stuck(public.help_requests) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * Helpers for policies
 * ---------------------------------------------------------------------------------------------
 */

create function public.is_volunteer()
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.memberships m where m.profile_id = (select auth.uid()) and m.role = 'volunteer');
$$;
grant execute on function public.is_volunteer() to authenticated;

/**
 * True when the current user is the requester or the helper of the request.
 */
create function public.is_party_to(request uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.help_requests r
    where r.id = request and (select auth.uid()) in (r.requester_id, r.helper_id)
  );
$$;
grant execute on function public.is_party_to(uuid) to authenticated;

/**
 * True when the current user is matched with the other side of the request (contact is allowed).
 */
create function public.is_matched_party(request uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.help_requests r
    where r.id = request and (select auth.uid()) in (r.requester_id, r.helper_id)
      and r.status in ('matched', 'done_pending', 'done')
  );
$$;
grant execute on function public.is_matched_party(uuid) to authenticated;

/**
 * True when the current user coordinates the area of the request.
 */
create function public.is_coordinator_for_request(request uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.help_requests r where r.id = request and public.is_coordinator_for_area(r.area_id));
$$;
grant execute on function public.is_coordinator_for_request(uuid) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * RLS: requests, private details, offers, volunteers
 * ---------------------------------------------------------------------------------------------
 */

alter table public.help_requests enable row level security;
alter table public.help_request_private enable row level security;
alter table public.help_declines enable row level security;
alter table public.help_events enable row level security;
alter table public.help_offers enable row level security;
alter table public.volunteer_profiles enable row level security;
alter table public.volunteer_categories enable row level security;

create policy "Requesters can read their own requests" on public.help_requests
  for select to authenticated using (requester_id = (select auth.uid()) or created_by = (select auth.uid()));
create policy "Helpers can read the requests they help with" on public.help_requests
  for select to authenticated using (helper_id = (select auth.uid()));
create policy "Volunteers can read open requests" on public.help_requests
  for select to authenticated using (status = 'open' and hidden_at is null and public.is_volunteer());
create policy "Coordinators can read requests in their areas" on public.help_requests
  for select to authenticated using (public.is_coordinator_for_area(area_id));
create policy "People who may post can ask for help for themselves" on public.help_requests
  for insert to authenticated
  with check (requester_id = (select auth.uid()) and created_by = (select auth.uid()) and status = 'open'
              and helper_id is null and public.can_post() and (voice_id is null or public.is_own_draft_voice(voice_id)));
-- Only for someone registered by phone (may_act_for): a requester_id posted in a form for a
-- person who signs in by themself is refused here, whatever the page did.
create policy "Coordinators can ask for help for a resident registered by phone in their area" on public.help_requests
  for insert to authenticated
  with check (created_by = (select auth.uid()) and status = 'open' and helper_id is null
              and public.is_coordinator_for_area(area_id) and public.may_act_for(requester_id) and public.can_post()
              and (voice_id is null or public.is_own_draft_voice(voice_id)));
-- Status changes go through help_act(); hiding goes through moderate(). No direct updates.
revoke update on public.help_requests from anon, authenticated;

create policy "Requesters, matched helpers and coordinators can read the address" on public.help_request_private
  for select to authenticated
  using (exists (select 1 from public.help_requests r where r.id = request_id and r.requester_id = (select auth.uid()))
         or public.is_matched_party(request_id) or public.is_coordinator_for_request(request_id));
create policy "The one who made the request can add its address" on public.help_request_private
  for insert to authenticated
  with check (exists (select 1 from public.help_requests r where r.id = request_id and r.created_by = (select auth.uid())));

create policy "Parties and coordinators can read the history of a request" on public.help_events
  for select to authenticated using (public.is_party_to(request_id) or public.is_coordinator_for_request(request_id));
create policy "Requesters and coordinators can read declines" on public.help_declines
  for select to authenticated
  using (exists (select 1 from public.help_requests r where r.id = request_id and r.requester_id = (select auth.uid()))
         or public.is_coordinator_for_request(request_id));

create policy "Signed-in people can read open offers" on public.help_offers
  for select to authenticated
  using ((hidden_at is null and closed_at is null) or volunteer_id = (select auth.uid()) or public.is_coordinator_for_area(area_id));
create policy "Volunteers who may post can make offers" on public.help_offers
  for insert to authenticated
  with check (volunteer_id = (select auth.uid()) and public.is_volunteer() and public.can_post() and hidden_at is null
              and (voice_id is null or public.is_own_draft_voice(voice_id)));
create policy "Volunteers can close their own offers" on public.help_offers
  for update to authenticated
  using (volunteer_id = (select auth.uid())) with check (volunteer_id = (select auth.uid()) and hidden_at is null);

create policy "Volunteers can read their own volunteer profile" on public.volunteer_profiles
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "Coordinators can read volunteers in their areas" on public.volunteer_profiles
  for select to authenticated using (public.is_coordinator_for_area(area_id));
create policy "Volunteers can make their volunteer profile" on public.volunteer_profiles
  for insert to authenticated
  with check (profile_id = (select auth.uid()) and public.is_volunteer() and vog_date is null);
create policy "Volunteers can change their volunteer profile" on public.volunteer_profiles
  for update to authenticated using (profile_id = (select auth.uid())) with check (profile_id = (select auth.uid()));
create policy "Coordinators can change volunteers in their areas" on public.volunteer_profiles
  for update to authenticated using (public.is_coordinator_for_area(area_id)) with check (public.is_coordinator_for_area(area_id));

create policy "Volunteers can read their own categories" on public.volunteer_categories
  for select to authenticated using (volunteer_id = (select auth.uid()));
create policy "Volunteers can add their own categories" on public.volunteer_categories
  for insert to authenticated with check (volunteer_id = (select auth.uid()));
create policy "Volunteers can remove their own categories" on public.volunteer_categories
  for delete to authenticated using (volunteer_id = (select auth.uid()));

/*
 * ---------------------------------------------------------------------------------------------
 * The lifecycle. Every status change, from any caller, must be one of these pairs.
 * ---------------------------------------------------------------------------------------------
 */

create function public.guard_help_status()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    if not (old.status, new.status) in (
      ('open', 'offered'), ('open', 'cancelled'), ('open', 'expired'),
      ('offered', 'matched'), ('offered', 'open'), ('offered', 'cancelled'), ('offered', 'expired'),
      ('matched', 'done_pending'), ('matched', 'cancelled'), ('matched', 'open'),
      ('done_pending', 'done'),
      ('cancelled', 'open'), ('expired', 'open')
    ) then
      raise exception 'A request cannot go from % to %.', old.status, new.status using errcode = 'P0001';
    end if;
    new.status_changed_at := now();
  end if;
  return new;
end;
$$;
create trigger help_requests_guard_status
  before update on public.help_requests
  for each row execute function public.guard_help_status();

/**
 * Every change to a request: one action by one person. The database decides who may do what:
 *   offer (a volunteer), introduce (a coordinator, with p_helper), accept / decline (the requester
 *   or a coordinator for a resident they registered), withdraw (the helper), mark_done (either
 *   side), confirm_done (the side that did not mark it), cancel and reopen (the requester or a
 *   coordinator). Returns the new status.
 */
create function public.help_act(p_request uuid, p_action text, p_helper uuid default null)
returns public.help_status
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  r public.help_requests;
  now_status public.help_status;
  next_status public.help_status;
  is_requester boolean;
  is_helper boolean;
  is_coordinator boolean;
  acts_for boolean;
  helper uuid;
begin
  select * into r from public.help_requests where id = p_request for update;
  if not found then
    raise exception 'No such request.' using errcode = 'P0002';
  end if;
  now_status := public.effective_status(r);
  is_requester := me = r.requester_id;
  is_helper := me = r.helper_id;
  is_coordinator := public.is_coordinator_for_area(r.area_id);
  -- Answering for the requester: only a coordinator, only for someone registered by phone.
  acts_for := not is_requester and public.may_act_for(r.requester_id);
  helper := r.helper_id;

  -- Time may already have moved the request on; write that down first.
  if now_status <> r.status then
    update public.help_requests set status = now_status where id = r.id;
    insert into public.help_events (request_id, actor_id, action, from_status, to_status)
    values (r.id, null, 'time', r.status, now_status);
    r.status := now_status;
  end if;

  if p_action = 'offer' then
    if r.status <> 'open' or r.hidden_at is not null then raise exception 'This request is not open.' using errcode = 'P0001'; end if;
    if is_requester or not public.is_volunteer() or not public.can_post() then
      raise exception 'Only a volunteer can offer help.' using errcode = '42501';
    end if;
    helper := me;
    next_status := 'offered';
  elsif p_action = 'introduce' then
    if r.status <> 'open' then raise exception 'This request is not open.' using errcode = 'P0001'; end if;
    if not is_coordinator then raise exception 'Only a coordinator of this area can introduce a volunteer.' using errcode = '42501'; end if;
    if not exists (select 1 from public.memberships m where m.profile_id = p_helper and m.role = 'volunteer') then
      raise exception 'This person is not a volunteer.' using errcode = 'P0001';
    end if;
    helper := p_helper;
    next_status := 'offered';
  elsif p_action in ('accept', 'decline') then
    if r.status <> 'offered' then raise exception 'Nobody has offered help yet.' using errcode = 'P0001'; end if;
    if not (is_requester or acts_for) then
      raise exception 'Only the person who asked can answer an offer.' using errcode = '42501';
    end if;
    if p_action = 'accept' then
      next_status := 'matched';
    else
      insert into public.help_declines (request_id, volunteer_id) values (r.id, r.helper_id) on conflict do nothing;
      helper := null;
      next_status := 'open';
    end if;
  elsif p_action = 'withdraw' then
    if r.status not in ('offered', 'matched') or not is_helper then
      raise exception 'Only the helper can withdraw.' using errcode = '42501';
    end if;
    insert into public.help_declines (request_id, volunteer_id) values (r.id, me) on conflict do nothing;
    helper := null;
    next_status := 'open';
  elsif p_action = 'mark_done' then
    if r.status <> 'matched' then raise exception 'This request is not matched.' using errcode = 'P0001'; end if;
    if not (is_requester or is_helper or acts_for) then
      raise exception 'Only the two people involved can say it is done.' using errcode = '42501';
    end if;
    next_status := 'done_pending';
  elsif p_action = 'confirm_done' then
    if r.status <> 'done_pending' then raise exception 'Nobody said it is done yet.' using errcode = 'P0001'; end if;
    if not ((is_requester or is_helper or acts_for) and me <> r.done_marked_by) then
      raise exception 'The other side confirms that it is done.' using errcode = '42501';
    end if;
    next_status := 'done';
  elsif p_action = 'cancel' then
    if r.status not in ('open', 'offered', 'matched') then raise exception 'This request cannot be cancelled now.' using errcode = 'P0001'; end if;
    if not (is_requester or is_coordinator) then raise exception 'Only the person who asked can cancel.' using errcode = '42501'; end if;
    next_status := 'cancelled';
  elsif p_action = 'reopen' then
    if r.status not in ('cancelled', 'expired') then raise exception 'This request is not closed.' using errcode = 'P0001'; end if;
    if not (is_requester or is_coordinator) then raise exception 'Only the person who asked can open it again.' using errcode = '42501'; end if;
    helper := null;
    next_status := 'open';
  else
    raise exception 'Unknown action %.', p_action using errcode = '22023';
  end if;

  update public.help_requests set
    status = next_status,
    helper_id = case when next_status in ('open', 'cancelled') then null else helper end,
    matched_at = case when next_status = 'matched' then now() else matched_at end,
    done_marked_by = case when next_status = 'done_pending' then me when next_status = 'open' then null else done_marked_by end,
    done_marked_at = case when next_status = 'done_pending' then now() when next_status = 'open' then null else done_marked_at end,
    -- a reopened request starts its 30 days again
    opened_at = case when p_action = 'reopen' then now() else opened_at end,
    reminder_sent_at = case when p_action = 'reopen' then null else reminder_sent_at end,
    when_kind = case when p_action = 'reopen' and when_kind = 'on_date' and when_date < current_date then 'asap' else when_kind end,
    when_date = case when p_action = 'reopen' and when_kind = 'on_date' and when_date < current_date then null else when_date end
  where id = r.id;
  insert into public.help_events (request_id, actor_id, action, from_status, to_status)
  values (r.id, me, p_action, r.status, next_status);
  if acts_for then
    insert into public.audit_log (actor_id, on_behalf_of, action, details)
    values (me, r.requester_id, 'help.' || p_action, jsonb_build_object('request_id', r.id));
  end if;
  return next_status;
end;
$$;
grant execute on function public.help_act(uuid, text, uuid) to authenticated;

/**
 * The other side's name and contact details, only once the two are matched.
 */
create function public.contact_details(p_request uuid)
returns table (display_name text, phone text, email text, address text)
language sql stable security definer set search_path = ''
as $$
  select p.display_name, p.phone, p.email,
         case when (select auth.uid()) = r.helper_id then pr.address end
  from public.help_requests r
  join public.profiles p on p.id = case when (select auth.uid()) = r.requester_id then r.helper_id else r.requester_id end
  left join public.help_request_private pr on pr.request_id = r.id
  where r.id = p_request
    and (select auth.uid()) in (r.requester_id, r.helper_id)
    and r.status in ('matched', 'done_pending', 'done');
$$;
grant execute on function public.contact_details(uuid) to authenticated;

/**
 * A coordinator writes a summary of a spoken request.
 */
create function public.set_request_summary(p_request uuid, p_summary text)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not public.is_coordinator_for_request(p_request) then
    raise exception 'Only a coordinator of this area can write a summary.' using errcode = '42501';
  end if;
  update public.help_requests set summary = nullif(trim(p_summary), '') where id = p_request;
end;
$$;
grant execute on function public.set_request_summary(uuid, text) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * Messages and thanks between the two matched people
 * ---------------------------------------------------------------------------------------------
 */

create table public.help_messages (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.help_requests (id) on delete cascade,
  sender_id uuid not null references public.profiles (id) on delete cascade,
  body text not null,
  voice_id uuid references public.voice_messages (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint help_messages_body_check check (length(body) <= 1000 and (length(body) > 0 or voice_id is not null))
);
comment on table public.help_messages is 'Messages between the requester and the matched helper.';
create index help_messages_request_idx on public.help_messages (request_id, created_at);

create table public.thanks (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.help_requests (id) on delete cascade,
  from_id uuid not null references public.profiles (id) on delete cascade,
  to_id uuid not null references public.profiles (id) on delete cascade,
  body text not null,
  voice_id uuid references public.voice_messages (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint thanks_body_check check (length(body) <= 500 and (length(body) > 0 or voice_id is not null)),
  unique (request_id, from_id)
);
comment on table public.thanks is 'A thank-you note after the help was done; one per side.';
create index thanks_to_idx on public.thanks (to_id);

alter table public.help_messages enable row level security;
alter table public.thanks enable row level security;

create policy "Matched people can read their messages" on public.help_messages
  for select to authenticated using (public.is_matched_party(request_id));
-- A coordinator answers for residents without e-mail, and follows up reports.
create policy "Coordinators can read messages in their areas" on public.help_messages
  for select to authenticated using (public.is_coordinator_for_request(request_id));
create policy "Matched people who may post can send messages" on public.help_messages
  for insert to authenticated
  with check (sender_id = (select auth.uid()) and public.is_matched_party(request_id) and public.can_post()
              and (voice_id is null or public.is_own_draft_voice(voice_id)));

create policy "People can read thanks they sent or got" on public.thanks
  for select to authenticated using ((select auth.uid()) in (from_id, to_id));
create policy "After the help is done, each side can thank the other" on public.thanks
  for insert to authenticated
  with check (
    from_id = (select auth.uid()) and public.can_post()
    and exists (
      select 1 from public.help_requests r
      where r.id = request_id and public.effective_status(r) = 'done'
        and ((r.requester_id = from_id and r.helper_id = to_id) or (r.helper_id = from_id and r.requester_id = to_id))
    )
    and (voice_id is null or public.is_own_draft_voice(voice_id))
  );

/*
 * ---------------------------------------------------------------------------------------------
 * Help's items in the shared rooms: requests, offers, messages and thanks can be reported (and
 * requests and offers hidden), carry a recording, and are named in notifications. Per type:
 * its area, when it closed (for the audio retention) and who may hear its recording, which is
 * exactly who may read the item.
 * ---------------------------------------------------------------------------------------------
 */

create function public.help_request_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select r.area_id from public.help_requests r where r.id = p_id;
$$;

create function public.help_offer_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select o.area_id from public.help_offers o where o.id = p_id;
$$;

create function public.help_message_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select r.area_id from public.help_messages m join public.help_requests r on r.id = m.request_id where m.id = p_id;
$$;

create function public.thanks_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select r.area_id from public.thanks t join public.help_requests r on r.id = t.request_id where t.id = p_id;
$$;

/**
 * When a request closed: done, cancelled or expired (by its date or after 30 days), or 7 days
 * after one side said it was done. In the future while it is still open.
 */
create function public.help_request_closed_at(p_id uuid)
returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select case
           when r.status in ('done', 'cancelled', 'expired') then r.status_changed_at
           when r.status = 'done_pending' then r.done_marked_at + interval '7 days'
           when r.status in ('open', 'offered') then
             least(r.opened_at + interval '30 days', case when r.when_kind = 'on_date' then r.when_date + 1 end)
         end
  from public.help_requests r where r.id = p_id;
$$;

create function public.help_offer_closed_at(p_id uuid)
returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select least(o.closed_at, o.hidden_at, (o.available_on + 1)::timestamptz) from public.help_offers o where o.id = p_id;
$$;

/** Messages and thanks close with their request. */
create function public.help_message_closed_at(p_id uuid)
returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select public.help_request_closed_at(m.request_id) from public.help_messages m where m.id = p_id;
$$;

create function public.thanks_closed_at(p_id uuid)
returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select public.help_request_closed_at(t.request_id) from public.thanks t where t.id = p_id;
$$;

insert into public.item_types (type, table_name, area_function, hidden_column, voice_column, closed_at_function) values
  ('help_request', 'public.help_requests', 'public.help_request_area(uuid)', 'hidden_at', 'voice_id', 'public.help_request_closed_at(uuid)'),
  ('help_offer', 'public.help_offers', 'public.help_offer_area(uuid)', 'hidden_at', 'voice_id', 'public.help_offer_closed_at(uuid)'),
  ('help_message', 'public.help_messages', 'public.help_message_area(uuid)', null, 'voice_id', 'public.help_message_closed_at(uuid)'),
  ('thanks', 'public.thanks', 'public.thanks_area(uuid)', null, 'voice_id', 'public.thanks_closed_at(uuid)');

create trigger help_requests_tie_voice after insert on public.help_requests
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('help_request');
create trigger help_offers_tie_voice after insert on public.help_offers
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('help_offer');
create trigger help_messages_tie_voice after insert on public.help_messages
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('help_message');
create trigger thanks_tie_voice after insert on public.thanks
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('thanks');

-- Each subquery runs under the item table's own policies: who may read the item may hear it.
create policy "Whoever may read a help request may hear its recording" on public.voice_messages
  for select to authenticated
  using (subject_type = 'help_request' and exists (select 1 from public.help_requests r where r.id = subject_id));
create policy "Whoever may read an offer may hear its recording" on public.voice_messages
  for select to authenticated
  using (subject_type = 'help_offer' and exists (select 1 from public.help_offers o where o.id = subject_id));
create policy "Whoever may read a message may hear its recording" on public.voice_messages
  for select to authenticated
  using (subject_type = 'help_message' and exists (select 1 from public.help_messages m where m.id = subject_id));
create policy "Whoever may read a thank-you may hear its recording" on public.voice_messages
  for select to authenticated
  using (subject_type = 'thanks' and exists (select 1 from public.thanks t where t.id = subject_id));
