/*
 * ---------------------------------------------------------------------------------------------
 * Carers, every year again: when a municipality's window opens, last year's carers are invited
 * once; a set number of days before it closes, those who have not applied yet are reminded once;
 * around Dag van de Mantelzorg (10 November) they get the municipality's activities for that day.
 * Each message is one row in carer_invitations, unique per carer, municipality, year and kind,
 * claimed by the job before anyone is told: a retried or doubled job never tells twice.
 *
 * Activities for Dag van de Mantelzorg: a small table per municipality and year, edited by its
 * carer-support officers; carers sign up and cancel through the functions below, which refuse a
 * full activity. Carers see their own sign-ups; officers see counts and names of their
 * municipality only.
 * ---------------------------------------------------------------------------------------------
 */

alter table public.carer_settings
  add column remind_days_before int not null default 14 check (remind_days_before between 1 and 90);
comment on column public.carer_settings.remind_days_before is 'Last year''s carers who have not applied yet are reminded this many days before the window closes (once).';

create type public.carer_invitation_kind as enum ('invite', 'reminder', 'day');

create table public.carer_invitations (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  year int not null,
  carer_id uuid not null references public.profiles (id) on delete cascade,
  kind public.carer_invitation_kind not null,
  sent_at timestamptz not null default now(),
  unique (municipality_id, year, carer_id, kind)
);
comment on table public.carer_invitations is 'One message of the yearly round to one carer: the invitation when the window opens, the reminder before it closes, Dag van de Mantelzorg. Unique, so each is sent once. Made only by the job (carer_claim_yearly()).';
create index carer_invitations_carer_id_idx on public.carer_invitations (carer_id, year);

alter table public.carer_invitations enable row level security;
create policy "Carers can read their own invitations" on public.carer_invitations
  for select to authenticated using (carer_id = (select auth.uid()));
revoke all on public.carer_invitations from anon, authenticated;
grant select on public.carer_invitations to authenticated;

create table public.carer_activities (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  year int not null check (year between 2020 and 2100),
  title text not null check (length(title) between 2 and 80),
  place text not null check (length(place) between 2 and 120),
  starts_at timestamptz not null,
  description text not null default '' check (length(description) <= 200 and description !~ '[\r\n]'),
  places int not null check (places between 1 and 10000),
  created_at timestamptz not null default now(),
  created_by uuid references public.profiles (id) on delete set null
);
comment on table public.carer_activities is 'What the municipality organises for its carers on Dag van de Mantelzorg (10 November), per year. Edited by its carer-support officers; signed-in people read it.';
create index carer_activities_municipality_idx on public.carer_activities (municipality_id, year, starts_at);

alter table public.carer_activities enable row level security;
create policy "Signed-in people can read the carers' activities" on public.carer_activities
  for select to authenticated using (true);
create policy "Carer-support officers can add activities of their municipality" on public.carer_activities
  for insert to authenticated with check (public.is_carer_officer(municipality_id) and created_by = (select auth.uid()));
create policy "Carer-support officers can change activities of their municipality" on public.carer_activities
  for update to authenticated
  using (public.is_carer_officer(municipality_id))
  with check (public.is_carer_officer(municipality_id));
create policy "Carer-support officers can remove activities of their municipality" on public.carer_activities
  for delete to authenticated using (public.is_carer_officer(municipality_id));
revoke all on public.carer_activities from anon, authenticated;
grant select, insert, update, delete on public.carer_activities to authenticated;

create table public.carer_activity_signups (
  activity_id uuid not null references public.carer_activities (id) on delete cascade,
  carer_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (activity_id, carer_id)
);
comment on table public.carer_activity_signups is 'A carer signed up for an activity of Dag van de Mantelzorg. The carer sees their own; the officers of the municipality see counts and names (carer_activity_people()). Written only by carer_activity_sign_up() and carer_activity_cancel().';
create index carer_activity_signups_carer_id_idx on public.carer_activity_signups (carer_id);

alter table public.carer_activity_signups enable row level security;
create policy "Carers can read their own sign-ups" on public.carer_activity_signups
  for select to authenticated using (carer_id = (select auth.uid()));
create policy "Carer-support officers can read the sign-ups of their municipality" on public.carer_activity_signups
  for select to authenticated
  using (exists (select 1 from public.carer_activities a where a.id = activity_id and public.is_carer_officer(a.municipality_id)));
revoke all on public.carer_activity_signups from anon, authenticated;
grant select on public.carer_activity_signups to authenticated;

/**
 * The activities of a municipality's year, with the places left and whether the current user
 * signed up. The count of others is the only thing a carer learns about them.
 */
create function public.carer_activity_list(p_municipality uuid, p_year int)
returns table (id uuid, title text, place text, starts_at timestamptz, description text, places int, taken int, mine boolean)
language sql stable security definer set search_path = ''
as $$
  select a.id, a.title, a.place, a.starts_at, a.description, a.places,
         (select count(*)::int from public.carer_activity_signups s where s.activity_id = a.id),
         exists (select 1 from public.carer_activity_signups s where s.activity_id = a.id and s.carer_id = (select auth.uid()))
  from public.carer_activities a
  where a.municipality_id = p_municipality and a.year = p_year and (select auth.uid()) is not null
  order by a.starts_at, a.title;
$$;
grant execute on function public.carer_activity_list(uuid, int) to authenticated;

/**
 * The current user signs up for an activity. A full activity is refused; signing up twice is
 * no error (the second changes nothing). One at a time per activity, so two people cannot both
 * take the last place.
 */
create function public.carer_activity_sign_up(p_activity uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  act public.carer_activities;
  taken int;
begin
  if (select auth.uid()) is null then
    raise exception 'carers.errors.not_allowed' using errcode = '42501';
  end if;
  select * into act from public.carer_activities where id = p_activity for update;
  if not found then
    raise exception 'carers.errors.activity_not_found' using errcode = 'P0002';
  end if;
  if act.starts_at < now() then
    raise exception 'carers.errors.activity_past' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.carer_activity_signups where activity_id = p_activity and carer_id = (select auth.uid())) then
    return;
  end if;
  select count(*) into taken from public.carer_activity_signups where activity_id = p_activity;
  if taken >= act.places then
    raise exception 'carers.errors.activity_full' using errcode = 'P0001';
  end if;
  insert into public.carer_activity_signups (activity_id, carer_id) values (p_activity, (select auth.uid()));
end;
$$;
grant execute on function public.carer_activity_sign_up(uuid) to authenticated;

/** The current user cancels their sign-up; the place is free again. */
create function public.carer_activity_cancel(p_activity uuid)
returns void
language sql volatile security definer set search_path = ''
as $$
  delete from public.carer_activity_signups where activity_id = p_activity and carer_id = (select auth.uid());
$$;
grant execute on function public.carer_activity_cancel(uuid) to authenticated;

/**
 * For the officers of the activity's municipality: who signed up, by name (officers may not read
 * profiles). Nobody else gets a row.
 */
create function public.carer_activity_people(p_activity uuid)
returns table (display_name text, created_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select p.display_name, s.created_at
  from public.carer_activity_signups s
  join public.carer_activities a on a.id = s.activity_id
  join public.profiles p on p.id = s.carer_id
  where s.activity_id = p_activity and public.is_carer_officer(a.municipality_id)
  order by s.created_at;
$$;
grant execute on function public.carer_activity_people(uuid) to authenticated;

/**
 * For the job: the messages of the yearly round due today, each claimed once (a row in
 * carer_invitations; an existing row means it was sent, so nothing is returned for it).
 * - invite: the window of a year is open; to everyone who applied the year before and has not
 *   applied this year yet.
 * - reminder: the window closes within remind_days_before days; to those of the year before who
 *   have not applied this year.
 * - day: from 1 to 10 November, when the municipality has activities that year; to the carers
 *   of last year and this year.
 * p_today is for the tests; the job leaves it out. Service role only.
 */
create function public.carer_claim_yearly(p_today date default null)
returns table (invitation_id uuid, carer_id uuid, kind public.carer_invitation_kind)
language plpgsql volatile security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  today date := coalesce(p_today, (now() at time zone 'Europe/Amsterdam')::date);
begin
  return query
  with open_years as (
    select s.municipality_id, s.year, s.closes_on, s.remind_days_before
    from public.carer_settings s
    where today between s.opens_on and s.closes_on
  ), due as (
    select distinct o.municipality_id, o.year, a.carer_id, 'invite'::public.carer_invitation_kind as kind
    from open_years o
    join public.carer_applications a on a.municipality_id = o.municipality_id and a.year = o.year - 1
    where not exists (
      select 1 from public.carer_applications t
      where t.municipality_id = o.municipality_id and t.year = o.year and t.carer_id = a.carer_id
    )
    union
    select distinct o.municipality_id, o.year, a.carer_id, 'reminder'::public.carer_invitation_kind
    from open_years o
    join public.carer_applications a on a.municipality_id = o.municipality_id and a.year = o.year - 1
    where today >= o.closes_on - o.remind_days_before
      and not exists (
        select 1 from public.carer_applications t
        where t.municipality_id = o.municipality_id and t.year = o.year and t.carer_id = a.carer_id
      )
    union
    select distinct act.municipality_id, act.year, a.carer_id, 'day'::public.carer_invitation_kind
    from (select distinct municipality_id, year from public.carer_activities
          where year = extract(year from today)::int) act
    join public.carer_applications a on a.municipality_id = act.municipality_id and a.year in (act.year - 1, act.year)
    where today between make_date(act.year, 11, 1) and make_date(act.year, 11, 10)
  ), claimed as (
    insert into public.carer_invitations (municipality_id, year, carer_id, kind)
    select d.municipality_id, d.year, d.carer_id, d.kind from due d
    on conflict (municipality_id, year, carer_id, kind) do nothing
    returning id, carer_invitations.carer_id, carer_invitations.kind
  )
  select c.id, c.carer_id, c.kind from claimed c;
end;
$$;
revoke execute on function public.carer_claim_yearly(date) from public, anon, authenticated;
grant execute on function public.carer_claim_yearly(date) to service_role;

/*
 * The invitation as an item of the shared rooms, so a notification can point at it: its link is
 * the carers' start page, its area the carer's.
 */
create function public.carer_invitation_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select p.area_id from public.carer_invitations i join public.profiles p on p.id = i.carer_id where i.id = p_id;
$$;

insert into public.item_types (type, table_name, area_function, hidden_column, voice_column, closed_at_function) values
  ('carer_invitation', 'public.carer_invitations', 'public.carer_invitation_area(uuid)', null, null, null);
