/*
 * ---------------------------------------------------------------------------------------------
 * Reminders for the municipality, run by the job queue (service role): the team that answers an
 * ask is reminded two working days before its deadline; an ask of an "escalate" kind whose
 * deadline passed in silence is reported to the team lead; and each working day the team lead
 * gets the list of late asks of the team. Each is claimed in a table first, so it is sent once
 * even with several servers or a job that runs again after a failure.
 * ---------------------------------------------------------------------------------------------
 */

create table public.initiative_ask_reminders (
  ask_id uuid not null references public.initiative_asks (id) on delete cascade,
  kind text not null check (kind in ('due_soon', 'escalated')),
  sent_at timestamptz not null default now(),
  primary key (ask_id, kind)
);
comment on table public.initiative_ask_reminders is 'Which reminders about an ask were sent (two working days before the deadline; escalated after silence). Written by the job queue only.';
alter table public.initiative_ask_reminders enable row level security;
revoke all on public.initiative_ask_reminders from anon, authenticated;

create table public.initiative_late_lists (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references public.organisations (id) on delete cascade,
  list_on date not null,
  late_asks int not null check (late_asks > 0),
  created_at timestamptz not null default now(),
  unique (team_id, list_on)
);
comment on table public.initiative_late_lists is 'The daily list of late asks for a team lead: one per team and working day, with how many were late. The inbox shows the asks themselves.';
alter table public.initiative_late_lists enable row level security;
create policy "Team leads read the late lists of their team" on public.initiative_late_lists
  for select to authenticated
  using (exists (select 1 from public.team_leads l where l.organisation_id = team_id and l.profile_id = (select auth.uid())));
revoke all on public.initiative_late_lists from anon;
revoke insert, update, delete on public.initiative_late_lists from authenticated;
grant select on public.initiative_late_lists to authenticated;

/** An ask without an answer and not waiting for the founder: its clock runs. */
create function public.ask_clock_runs(p_ask uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select not exists (select 1 from public.initiative_answers x where x.ask_id = p_ask) and not public.ask_waits_for_founder(p_ask);
$$;
revoke execute on function public.ask_clock_runs(uuid) from public, anon, authenticated;
grant execute on function public.ask_clock_runs(uuid) to service_role;

/**
 * Claims the reminders due on p_today and says whom to tell: the officers of the answering team
 * (every officer of the municipality when the kind has no team) two working days before the
 * deadline; the team leads once an escalate ask is late.
 */
create function public.claim_initiative_reminders(p_today date)
returns table (ask_id uuid, kind text, recipients uuid[])
language sql volatile security definer set search_path = ''
as $$
  with candidates as (
    select a.id, case when a.due_on >= p_today then 'due_soon' else 'escalated' end as kind
    from public.initiative_asks a
    where a.sent_on is not null and a.hidden_at is null
      and ((a.due_on >= p_today and public.working_days_between(p_today, a.due_on) <= 2)
           or (a.due_on < p_today and a.on_timeout = 'escalate'))
      and public.ask_clock_runs(a.id)
  ), claimed as (
    insert into public.initiative_ask_reminders (ask_id, kind)
    select c.id, c.kind from candidates c
    on conflict do nothing
    returning initiative_ask_reminders.ask_id, initiative_ask_reminders.kind
  )
  select c.ask_id, c.kind,
         case when c.kind = 'escalated' then array(select public.team_leads_of_ask(c.ask_id))
              else array(
                select distinct m.profile_id from public.memberships m join public.organisations o on o.id = m.organisation_id
                where m.role = 'officer' and o.kind = 'municipal_team' and o.municipality_id = public.municipality_of_ask(c.ask_id)
                  and (public.team_of_ask(c.ask_id) is null or o.id = public.team_of_ask(c.ask_id)))
         end
  from claimed c;
$$;
revoke execute on function public.claim_initiative_reminders(date) from public, anon, authenticated;
grant execute on function public.claim_initiative_reminders(date) to service_role;

/**
 * Claims today's list of late asks per team (only on a working day, only for a team with late
 * asks) and says which team leads get it.
 */
create function public.claim_late_lists(p_today date)
returns table (list_id uuid, team_id uuid, late_asks int, leads uuid[])
language sql volatile security definer set search_path = ''
as $$
  with late as (
    select public.team_of_ask(a.id) as team, count(*)::int as n
    from public.initiative_asks a
    where public.is_working_day(p_today) and a.sent_on is not null and a.hidden_at is null
      and a.due_on < p_today and a.on_timeout = 'escalate' and public.ask_clock_runs(a.id)
    group by 1
  ), claimed as (
    insert into public.initiative_late_lists (team_id, list_on, late_asks)
    select l.team, p_today, l.n from late l where l.team is not null
    on conflict do nothing
    returning initiative_late_lists.id, initiative_late_lists.team_id, initiative_late_lists.late_asks
  )
  select c.id, c.team_id, c.late_asks, array(select l.profile_id from public.team_leads l where l.organisation_id = c.team_id)
  from claimed c;
$$;
revoke execute on function public.claim_late_lists(date) from public, anon, authenticated;
grant execute on function public.claim_late_lists(date) to service_role;

create function public.initiative_late_list_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select null::uuid from public.initiative_late_lists where id = p_id;
$$;

insert into public.item_types (type, table_name, area_function, hidden_column, voice_column) values
  ('initiative_late_list', 'public.initiative_late_lists', 'public.initiative_late_list_area(uuid)', null, null);
