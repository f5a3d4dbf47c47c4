/*
 * ---------------------------------------------------------------------------------------------
 * The coordinator's workspace (/coordinatie), limited to the coordinator's own areas: open
 * requests with what follows from time (stuck after three days, about to expire), volunteers
 * with when they were last active and when their VOG runs out, and the VOG reminder a month
 * before that (claimed once per VOG date by the job, so nobody is told twice).
 * ---------------------------------------------------------------------------------------------
 */

/**
 * The areas the caller coordinates: one join for the workspace's queries instead of a check per row.
 */
create function public.my_coordinator_areas()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct oa.area_id
  from public.memberships m
  join public.organisation_areas oa on oa.organisation_id = m.organisation_id
  where m.profile_id = (select auth.uid()) and m.role = 'coordinator';
$$;
revoke execute on function public.my_coordinator_areas() from public;
grant execute on function public.my_coordinator_areas() to authenticated;

/**
 * When an open request stops by itself: 30 days after it was asked, or after its date.
 * Mirrors effective_status(); no SET clause, so the planner can inline it.
 */
create function public.request_expires_at(r public.help_requests)
returns timestamptz
language sql stable
as $$
  select least(r.opened_at + interval '30 days',
               case when r.when_kind = 'on_date' and r.when_date is not null
                    then ((r.when_date + 1)::timestamp at time zone 'Europe/Amsterdam') end);
$$;
grant execute on function public.request_expires_at(public.help_requests) to authenticated;

-- The workspace reads open requests per area, oldest first.
create index help_requests_open_area_age_idx on public.help_requests (area_id, opened_at)
  where status = 'open' and hidden_at is null;

/**
 * Open requests without a match in the caller's own areas, oldest first, with the states that
 * follow from time: stuck (three days without a match) and expiring (stops within three days).
 * Security definer, limited to my_coordinator_areas(): exactly what the coordinators' select
 * policy on help_requests allows, without evaluating every other policy per row (volunteers may
 * read open requests too, which made this many times slower at scale).
 */
create function public.coordinator_open_requests(p_limit int default 200)
returns table (
  id uuid, category_id text, area_id uuid, area_name text, requester_name text, description text,
  opened_at timestamptz, expires_at timestamptz, stuck boolean, expiring boolean
)
language sql stable security definer set search_path = ''
as $$
  with mine as materialized (select public.my_coordinator_areas() as area_id),
  open as (
    select r.*
    from public.help_requests r
    where r.status = 'open' and r.hidden_at is null
      and r.area_id in (select m.area_id from mine m)
      and public.effective_status(r) = 'open'
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
revoke execute on function public.coordinator_open_requests(int) from public;
grant execute on function public.coordinator_open_requests(int) to authenticated;

/**
 * The volunteers of the caller's own areas: what they do, when they can, when they last used
 * Omzien (their newest session), and their VOG: when it runs out (three years, as matching
 * counts it) and whether the reminder month has begun. Security definer because sessions have
 * no policies; it returns only volunteers of areas the caller coordinates.
 */
create function public.coordinator_volunteers()
returns table (
  profile_id uuid, name text, area_id uuid, area_name text, categories text[], availability int, active boolean,
  last_active timestamptz, vog_date date, vog_expires date, vog_expiring boolean, vog_expired boolean
)
language sql stable security definer set search_path = ''
as $$
  select v.profile_id, p.display_name, v.area_id, a.name, v.categories, v.availability, v.active,
         (select max(s.last_verified_at) from public.sessions s where s.user_id = v.profile_id),
         v.vog_date, (v.vog_date + interval '3 years')::date,
         v.vog_date is not null and v.vog_date + interval '3 years' - interval '1 month' <= current_date
           and v.vog_date + interval '3 years' > current_date,
         v.vog_date is not null and v.vog_date + interval '3 years' <= current_date
  from public.volunteer_profiles v
  join public.profiles p on p.id = v.profile_id
  join public.areas a on a.id = v.area_id
  where v.area_id in (select public.my_coordinator_areas())
  order by p.display_name;
$$;
revoke execute on function public.coordinator_volunteers() from public;
grant execute on function public.coordinator_volunteers() to authenticated;

create table public.vog_reminders (
  volunteer_id uuid not null references public.volunteer_profiles (profile_id) on delete cascade,
  vog_date date not null,
  sent_at timestamptz not null default now(),
  primary key (volunteer_id, vog_date)
);
comment on table public.vog_reminders is 'Which VOG reminders went out: one per volunteer and VOG date, claimed by the job before it sends.';
alter table public.vog_reminders enable row level security;
revoke all on public.vog_reminders from anon, authenticated;
create policy "Coordinators can read the VOG reminders of their areas" on public.vog_reminders
  for select to authenticated
  using (exists (select 1 from public.volunteer_profiles v where v.profile_id = volunteer_id and public.is_coordinator_for_area(v.area_id)));
grant select on public.vog_reminders to authenticated;

/**
 * For the job (service_role): claims the VOG reminders that are due (the VOG runs out within a
 * month and nobody was told for this VOG date) and returns whom to tell: the volunteer and the
 * coordinators of their area.
 */
create function public.claim_vog_reminders(p_today date default current_date)
returns table (volunteer_id uuid, vog_expires date, coordinator_ids uuid[])
language sql volatile security definer set search_path = ''
as $$
  with due as (
    insert into public.vog_reminders (volunteer_id, vog_date)
    select v.profile_id, v.vog_date
    from public.volunteer_profiles v
    where v.active and v.vog_date is not null
      and v.vog_date + interval '3 years' - interval '1 month' <= p_today
      and v.vog_date + interval '3 years' > p_today
    on conflict do nothing
    returning volunteer_id, vog_date
  )
  select d.volunteer_id, (d.vog_date + interval '3 years')::date,
         coalesce(array(select distinct m.profile_id
                        from public.volunteer_profiles v
                        join public.organisation_areas oa on oa.area_id = v.area_id
                        join public.memberships m on m.organisation_id = oa.organisation_id and m.role = 'coordinator'
                        where v.profile_id = d.volunteer_id), '{}')
  from due d;
$$;
revoke execute on function public.claim_vog_reminders(date) from public, anon, authenticated;
grant execute on function public.claim_vog_reminders(date) to service_role;

/**
 * A volunteer as an item, so the VOG reminder can point at them (coordinators' list of volunteers).
 */
create function public.volunteer_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select v.area_id from public.volunteer_profiles v where v.profile_id = p_id;
$$;
insert into public.item_types (type, table_name, area_function) values
  ('volunteer', 'public.volunteer_profiles', 'public.volunteer_area(uuid)');
