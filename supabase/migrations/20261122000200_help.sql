/*
 * ---------------------------------------------------------------------------------------------
 * Help in the neighbourhood: categories, requests, volunteers and offers, matching, the request
 * lifecycle, messages, thanks, notifications, reports and blocking.
 * ---------------------------------------------------------------------------------------------
 */

create extension if not exists cube with schema extensions;
create extension if not exists earthdistance with schema extensions;

/*
 * ---------------------------------------------------------------------------------------------
 * Categories (reference data: part of the product, so in the migration, not the seed)
 * ---------------------------------------------------------------------------------------------
 */

create table public.help_categories (
  id text primary key,
  name_nl text not null,
  name_en text not null,
  description_nl text not null,
  description_en text not null,
  icon text not null,
  requires_vog boolean not null default false,
  sort_order int not null
);
comment on table public.help_categories is 'Kinds of help. requires_vog: only volunteers with a recent certificate of conduct (VOG).';

alter table public.help_categories enable row level security;
create policy "Anyone can read help categories" on public.help_categories
  for select to anon, authenticated using (true);

insert into public.help_categories (id, name_nl, name_en, description_nl, description_en, icon, requires_vog, sort_order) values
  ('odd_jobs', 'Klussen', 'Small jobs', 'Een kleine klus in huis, zoals een lamp ophangen.', 'A small job at home, like hanging a lamp.', 'tool', false, 1),
  ('buddy', 'Maatje', 'Buddy', 'Iemand voor gezelschap of een wandeling. Ook hulp met geld of taal.', 'Someone for company or a walk. Also help with money or language.', 'friends', true, 2),
  ('ride', 'Vervoer', 'A ride', 'Een rit met de buurtbus of met een vrijwilliger.', 'A ride with the neighbourhood bus or a volunteer.', 'bus', false, 3),
  ('groceries', 'Boodschappen', 'Groceries', 'Iemand doet boodschappen voor u of gaat met u mee.', 'Someone shops for you or goes with you.', 'shopping-cart', false, 4),
  ('garden', 'Tuin', 'Garden', 'Hulp in de tuin, zoals gras maaien of heg knippen.', 'Help in the garden, like mowing or cutting a hedge.', 'plant', false, 5),
  ('paperwork', 'Post en formulieren', 'Post and forms', 'Iemand leest uw post en helpt met formulieren.', 'Someone reads your post and helps with forms.', 'mail-opened', false, 6),
  ('lending', 'Lenen', 'Borrow', 'Een scootmobiel of rolstoel lenen.', 'Borrow a mobility scooter or wheelchair.', 'wheelchair', false, 7);

/*
 * ---------------------------------------------------------------------------------------------
 * Blocking: a coordinator can block a person, who then cannot post.
 * ---------------------------------------------------------------------------------------------
 */

alter table public.profiles add column blocked_at timestamptz;
alter table public.profiles add column blocked_by uuid references public.profiles (id) on delete set null;

/**
 * True when the current user may post (not blocked).
 */
create function public.can_post()
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.profiles p where p.id = (select auth.uid()) and p.blocked_at is null);
$$;

/**
 * The first name of a person: all a stranger may see of someone before a match.
 */
create function public.first_name_of(person uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select split_part(coalesce(p.display_name, ''), ' ', 1) from public.profiles p where p.id = person;
$$;

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
  -- the point on earthdistance's sphere, computed once so matching only calls C functions per row
  location extensions.cube generated always as (extensions.ll_to_earth(latitude, longitude)) stored
);
comment on table public.volunteer_profiles is 'A volunteer''s standing offer: where (a point, usually their area centre), how far, when, what they are good at.';
comment on column public.volunteer_profiles.vog_date is 'Date of the certificate of conduct (VOG), set by a coordinator.';
create index volunteer_profiles_location_idx on public.volunteer_profiles using gist (location) where active;

create table public.volunteer_categories (
  volunteer_id uuid not null references public.volunteer_profiles (profile_id) on delete cascade,
  category_id text not null references public.help_categories (id),
  primary key (category_id, volunteer_id)
);
comment on table public.volunteer_categories is 'What kinds of help a volunteer offers.';
create index volunteer_categories_volunteer_idx on public.volunteer_categories (volunteer_id);

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
  description text not null check (length(description) between 1 and 1000),
  available_on date,
  hidden_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.help_offers is 'A one-off offer of help by a volunteer.';
create index help_offers_open_idx on public.help_offers (category_id, area_id) where hidden_at is null and closed_at is null;
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
  description text not null check (length(description) between 1 and 1000),
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
  check ((when_kind = 'on_date') = (when_date is not null)),
  check (status not in ('offered', 'matched', 'done_pending', 'done') or helper_id is not null),
  check (status <> 'open' or helper_id is null)
);
comment on table public.help_requests is 'A request for help. created_by differs from requester_id when a coordinator entered it after a phone call.';
comment on column public.help_requests.opened_at is 'When the request was opened (again): the 30 days without a match count from here.';
comment on column public.help_requests.submission_id is 'Chosen by the form once; a second submit of the same form finds the first request.';
create index help_requests_open_idx on public.help_requests (area_id, category_id, created_at) where status = 'open' and hidden_at is null;
create index help_requests_open_by_age_idx on public.help_requests (created_at) where status = 'open' and hidden_at is null;
create index help_requests_requester_idx on public.help_requests (requester_id);
create index help_requests_helper_idx on public.help_requests (helper_id);
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
 * the caller's rights, so the insert policies decide. A second submit of the same form
 * (same p_submission) returns the first request instead of making another.
 */
create function public.create_help_request(
  p_submission uuid, p_requester uuid, p_category text, p_description text, p_area uuid,
  p_when public.help_when, p_when_date date default null, p_when_note text default null,
  p_address text default null
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
  insert into public.help_requests (submission_id, requester_id, created_by, category_id, description, area_id,
                                    when_kind, when_date, when_note)
  values (p_submission, p_requester, (select auth.uid()), p_category, p_description, p_area,
          p_when, case when p_when = 'on_date' then p_when_date end, nullif(p_when_note, ''))
  on conflict (submission_id) do nothing
  returning id into new_id;
  if new_id is null then
    select id into new_id from public.help_requests
    where submission_id = p_submission and created_by = (select auth.uid());
    return new_id;
  end if;
  if nullif(trim(p_address), '') is not null then
    insert into public.help_request_private (request_id, address) values (new_id, trim(p_address));
  end if;
  return new_id;
end;
$$;

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

create function public.is_coordinator_for_request(request uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.help_requests r where r.id = request and public.is_coordinator_for_area(r.area_id));
$$;

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
              and helper_id is null and public.can_post());
create policy "Coordinators can ask for help for a resident in their area" on public.help_requests
  for insert to authenticated
  with check (created_by = (select auth.uid()) and status = 'open' and helper_id is null
              and public.is_coordinator_for_area(area_id) and public.is_coordinator_for_person(requester_id));
-- Status changes go through help_act(); hiding goes through moderate(). No direct updates.

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

create policy "Signed-in people can read visible offers" on public.help_offers
  for select to authenticated using (hidden_at is null or volunteer_id = (select auth.uid()) or public.is_coordinator_for_area(area_id));
create policy "Volunteers who may post can make offers" on public.help_offers
  for insert to authenticated
  with check (volunteer_id = (select auth.uid()) and public.is_volunteer() and public.can_post() and hidden_at is null);
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

/**
 * Only a coordinator sets the VOG date; a volunteer keeps it as it is.
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
  new.updated_at := now();
  return new;
end;
$$;
create trigger volunteer_profiles_guard
  before update on public.volunteer_profiles
  for each row execute function public.guard_volunteer_profile();

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
    if not (is_requester or (is_coordinator and r.created_by <> r.requester_id)) then
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
    if not (is_requester or is_helper or (is_coordinator and r.created_by <> r.requester_id)) then
      raise exception 'Only the two people involved can say it is done.' using errcode = '42501';
    end if;
    next_status := 'done_pending';
  elsif p_action = 'confirm_done' then
    if r.status <> 'done_pending' then raise exception 'Nobody said it is done yet.' using errcode = 'P0001'; end if;
    if not ((is_requester or is_helper or (is_coordinator and r.created_by <> r.requester_id)) and me <> r.done_marked_by) then
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
  if r.created_by <> r.requester_id and is_coordinator and not is_requester then
    insert into public.audit_log (actor_id, on_behalf_of, action, details)
    values (me, r.requester_id, 'help.' || p_action, jsonb_build_object('request_id', r.id));
  end if;
  return next_status;
end;
$$;

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

/*
 * ---------------------------------------------------------------------------------------------
 * Matching. For one request: volunteers with the category, within their own distance of the
 * request's point, with a VOG of at most three years where the category asks for one, not
 * declined before, not blocked; plus open one-off offers in the same area. Ranked by distance,
 * availability overlap and fairness (fewer matches in the last 30 days first).
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
  slots int;
  needs_vog boolean;
begin
  select * into r from public.help_requests where id = p_request;
  if not found or not (public.is_coordinator_for_area(r.area_id) or (select auth.uid()) = r.requester_id
                       or (select auth.role()) = 'service_role') then
    raise exception 'Only the requester or a coordinator of the area can see suggestions.' using errcode = '42501';
  end if;
  select * into pt from public.request_point(r);
  here := extensions.ll_to_earth(pt.latitude, pt.longitude);
  slots := public.request_slots(r);
  select c.requires_vog into needs_vog from public.help_categories c where c.id = r.category_id;

  return query
  with candidates as (
    -- The 2,000 nearest active volunteers, straight from the GiST index (KNN); the category,
    -- distance and VOG filters run on those. cube_distance is the straight line through the
    -- sphere: within 15 km the same as over it.
    select v.profile_id, v.availability, v.vog_date, v.dist, v.max_distance_km
    from (
      select v.*, extensions.cube_distance(v.location, here) as dist
      from public.volunteer_profiles v
      where v.active
      order by v.location operator(extensions.<->) here
      limit 2000
    ) v
    -- one primary-key look-up per nearby volunteer (LIMIT keeps the planner from hashing them all)
    cross join lateral (
      select 1 from public.volunteer_categories vc
      where vc.category_id = r.category_id and vc.volunteer_id = v.profile_id limit 1
    ) offers_category
    where v.profile_id <> r.requester_id
      and (not needs_vog or v.vog_date > current_date - interval '3 years')
  ), near as (
    select c.* from candidates c
    where c.dist <= c.max_distance_km * 1000
      and not exists (select 1 from public.help_declines d where d.request_id = r.id and d.volunteer_id = c.profile_id)
      and not exists (select 1 from public.profiles p where p.id = c.profile_id and p.blocked_at is not null)
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
    select 'offer', o.volunteer_id, o.id,
           round(extensions.cube_distance(extensions.ll_to_earth(a.latitude, a.longitude), here))::int,
           case when o.available_on is null then 1
                when r.when_kind <> 'on_date' or o.available_on = r.when_date then 3 else 0 end,
           0, 0, false
    from public.help_offers o
    join public.areas a on a.id = o.area_id
    where o.category_id = r.category_id and o.area_id = r.area_id
      and o.hidden_at is null and o.closed_at is null
      and (o.available_on is null or o.available_on >= current_date)
      and (r.when_kind <> 'on_date' or o.available_on is null or o.available_on = r.when_date)
      and not needs_vog
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

/**
 * Open requests a volunteer may help with: their categories, within their distance. No address,
 * no contact details: only the first name of the person who asks.
 */
create function public.browse_requests(p_limit int default 50)
returns table (
  id uuid, category_id text, area_id uuid, area_name text, first_name text, description text,
  when_kind public.help_when, when_date date, when_note text, distance_m int, created_at timestamptz
)
language sql stable security definer set search_path = ''
as $$
  with me as (
    select v.* from public.volunteer_profiles v
    where v.profile_id = (select auth.uid()) and v.active and public.is_volunteer()
  ), near_areas as materialized ( -- a handful of areas: measure each once, not per request
    select a.id, a.name,
           extensions.earth_distance(extensions.ll_to_earth(a.latitude, a.longitude),
                                     extensions.ll_to_earth(me.latitude, me.longitude)) as dist
    from public.areas a, me
    where extensions.earth_distance(extensions.ll_to_earth(a.latitude, a.longitude),
                                    extensions.ll_to_earth(me.latitude, me.longitude)) <= me.max_distance_km * 1000
  ), my_categories as (
    select vc.category_id from public.volunteer_categories vc
    join public.help_categories c on c.id = vc.category_id
    cross join me
    where vc.volunteer_id = me.profile_id
      and (not c.requires_vog or me.vog_date > current_date - interval '3 years')
  ), found as (
    select r.*, na.name as area_name, na.dist
    from public.help_requests r
    join near_areas na on na.id = r.area_id
    where r.status = 'open' and r.hidden_at is null
      and r.category_id in (select category_id from my_categories)
      and r.requester_id <> (select auth.uid())
      and public.effective_status(r) = 'open'
      and not exists (select 1 from public.help_declines d where d.request_id = r.id and d.volunteer_id = (select auth.uid()))
    order by r.created_at
    limit p_limit
  )
  select f.id, f.category_id, f.area_id, f.area_name, public.first_name_of(f.requester_id), f.description,
         f.when_kind, f.when_date, f.when_note, round(f.dist)::int, f.created_at
  from found f
  order by f.created_at;
$$;

/*
 * ---------------------------------------------------------------------------------------------
 * Messages and thanks between the two matched people
 * ---------------------------------------------------------------------------------------------
 */

create table public.help_messages (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.help_requests (id) on delete cascade,
  sender_id uuid not null references public.profiles (id) on delete cascade,
  body text not null check (length(body) between 1 and 1000),
  created_at timestamptz not null default now()
);
comment on table public.help_messages is 'Messages between the requester and the matched helper.';
create index help_messages_request_idx on public.help_messages (request_id, created_at);

create table public.thanks (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.help_requests (id) on delete cascade,
  from_id uuid not null references public.profiles (id) on delete cascade,
  to_id uuid not null references public.profiles (id) on delete cascade,
  body text not null check (length(body) between 1 and 500),
  created_at timestamptz not null default now(),
  unique (request_id, from_id)
);
comment on table public.thanks is 'A thank-you note after the help was done; one per side.';
create index thanks_to_idx on public.thanks (to_id);

alter table public.help_messages enable row level security;
alter table public.thanks enable row level security;

create policy "Matched people can read their messages" on public.help_messages
  for select to authenticated using (public.is_matched_party(request_id));
create policy "Matched people who may post can send messages" on public.help_messages
  for insert to authenticated
  with check (sender_id = (select auth.uid()) and public.is_matched_party(request_id) and public.can_post());

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
  );

/*
 * ---------------------------------------------------------------------------------------------
 * Notifications: an in-app list, and per kind a choice: right away, a daily digest, or never.
 * ---------------------------------------------------------------------------------------------
 */

create type public.notification_kind as enum ('new_request_nearby', 'offer_received', 'offer_accepted', 'reminder', 'done', 'message');
create type public.notification_frequency as enum ('immediately', 'daily', 'never');

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  profile_id uuid not null references public.profiles (id) on delete cascade,
  kind public.notification_kind not null,
  request_id uuid references public.help_requests (id) on delete cascade,
  created_at timestamptz not null default now(),
  emailed_at timestamptz,
  read_at timestamptz
);
comment on table public.notifications is 'What happened that a person should know about. Written by the server.';
create index notifications_profile_idx on public.notifications (profile_id, created_at desc);
create index notifications_unsent_idx on public.notifications (created_at) where emailed_at is null;

create table public.notification_preferences (
  profile_id uuid not null references public.profiles (id) on delete cascade,
  kind public.notification_kind not null,
  frequency public.notification_frequency not null,
  primary key (profile_id, kind)
);
comment on table public.notification_preferences is 'Per kind of notification: e-mail right away, once a day, or never. Missing means right away.';

alter table public.notifications enable row level security;
alter table public.notification_preferences enable row level security;

create policy "People can read their own notifications" on public.notifications
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "People can mark their own notifications as read" on public.notifications
  for update to authenticated using (profile_id = (select auth.uid())) with check (profile_id = (select auth.uid()));
create policy "People can read their own notification choices" on public.notification_preferences
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "People can set their own notification choices" on public.notification_preferences
  for insert to authenticated with check (profile_id = (select auth.uid()));
create policy "People can change their own notification choices" on public.notification_preferences
  for update to authenticated using (profile_id = (select auth.uid())) with check (profile_id = (select auth.uid()));

/*
 * ---------------------------------------------------------------------------------------------
 * Safety: reports, hiding and blocking (all logged)
 * ---------------------------------------------------------------------------------------------
 */

create table public.reports (
  id uuid primary key default gen_random_uuid(),
  reporter_id uuid not null references public.profiles (id) on delete cascade,
  request_id uuid references public.help_requests (id) on delete cascade,
  offer_id uuid references public.help_offers (id) on delete cascade,
  person_id uuid references public.profiles (id) on delete cascade,
  area_id uuid not null references public.areas (id),
  reason text not null check (length(reason) between 1 and 1000),
  created_at timestamptz not null default now(),
  handled_at timestamptz,
  handled_by uuid references public.profiles (id) on delete set null,
  check (num_nonnulls(request_id, offer_id, person_id) = 1)
);
comment on table public.reports is 'Someone reports a request, an offer or a person. Coordinators of the area see it.';
create index reports_area_idx on public.reports (area_id) where handled_at is null;

alter table public.reports enable row level security;
create policy "People can read their own reports" on public.reports
  for select to authenticated using (reporter_id = (select auth.uid()));
create policy "Coordinators can read reports in their areas" on public.reports
  for select to authenticated using (public.is_coordinator_for_area(area_id));
create policy "Signed-in people can report" on public.reports
  for insert to authenticated with check (reporter_id = (select auth.uid()) and handled_at is null);

/**
 * A coordinator hides a request or offer, or blocks or unblocks a person, and closes the report.
 */
create function public.moderate(p_action text, p_target uuid, p_report uuid default null)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  target_area uuid;
begin
  if p_action = 'hide_request' then
    select area_id into target_area from public.help_requests where id = p_target;
  elsif p_action = 'hide_offer' then
    select area_id into target_area from public.help_offers where id = p_target;
  elsif p_action in ('block_person', 'unblock_person') then
    select area_id into target_area from public.profiles where id = p_target;
  elsif p_action = 'dismiss' then
    select area_id into target_area from public.reports where id = p_target;
  else
    raise exception 'Unknown action %.', p_action using errcode = '22023';
  end if;
  if target_area is null or not public.is_coordinator_for_area(target_area) then
    raise exception 'Only a coordinator of this area can do this.' using errcode = '42501';
  end if;
  -- Tells the profile guard that this change of blocked_at is a coordinator's, through here.
  perform set_config('omzien.moderating', 'on', true);
  if p_action = 'hide_request' then
    update public.help_requests set hidden_at = now() where id = p_target;
  elsif p_action = 'hide_offer' then
    update public.help_offers set hidden_at = now() where id = p_target;
  elsif p_action = 'block_person' then
    update public.profiles set blocked_at = now(), blocked_by = me where id = p_target;
  elsif p_action = 'unblock_person' then
    update public.profiles set blocked_at = null, blocked_by = null where id = p_target;
  end if;
  perform set_config('omzien.moderating', 'off', true);
  update public.reports set handled_at = now(), handled_by = me
  where id = coalesce(p_report, case when p_action = 'dismiss' then p_target end) and handled_at is null;
  insert into public.audit_log (actor_id, on_behalf_of, action, details)
  values (me, case when p_action in ('block_person', 'unblock_person') then p_target end,
          'moderation.' || p_action, jsonb_build_object('target', p_target, 'report', p_report));
end;
$$;

-- Blocking is done by moderate(); the profile trigger keeps people from unblocking themselves.
create or replace function public.guard_profile_update()
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

/*
 * ---------------------------------------------------------------------------------------------
 * Grants
 * ---------------------------------------------------------------------------------------------
 */

revoke update on public.help_requests from anon, authenticated;
revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on function public.whoami() to anon, authenticated;
grant execute on function public.has_role_in_organisation(uuid, public.member_role) to authenticated;
grant execute on function public.is_coordinator_for_area(uuid) to authenticated;
grant execute on function public.has_role(public.member_role) to authenticated;
grant execute on function public.is_coordinator_for_person(uuid) to authenticated;
grant execute on function public.register_resident(text, text, uuid, text) to authenticated;
grant execute on function public.can_post() to authenticated;
grant execute on function public.first_name_of(uuid) to authenticated;
grant execute on function public.effective_status(public.help_requests) to authenticated;
grant execute on function public.is_stuck(public.help_requests) to authenticated;
grant execute on function public.is_volunteer() to authenticated;
grant execute on function public.is_party_to(uuid) to authenticated;
grant execute on function public.is_matched_party(uuid) to authenticated;
grant execute on function public.is_coordinator_for_request(uuid) to authenticated;
grant execute on function public.help_act(uuid, text, uuid) to authenticated;
grant execute on function public.create_help_request(uuid, uuid, text, text, uuid, public.help_when, date, text, text) to authenticated;
grant execute on function public.contact_details(uuid) to authenticated;
grant execute on function public.suggest_helpers(uuid, int) to authenticated, service_role;
grant execute on function public.browse_requests(int) to authenticated;
grant execute on function public.moderate(text, uuid, uuid) to authenticated;
