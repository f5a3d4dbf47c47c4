/*
 * ---------------------------------------------------------------------------------------------
 * Initiatives, the municipality's own settings: per kind of ask the answering team (and per
 * area where it differs), the deadline in working days, what silence means, which refusal
 * reasons apply and "ja, mits" condition templates; and the municipality's calendar: Good
 * Friday as a day off, Liberation Day off every year. Changed at /gemeente/instellingen by the
 * municipality's administrator or a team lead; every change goes into the audit log. The
 * deadlines (sending, a reply that restarts the clock, a reconsideration) now count the
 * municipality's own days off.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * True when the current user may change how the municipality answers initiatives: an
 * administrator of one of its municipal teams, or the lead of one.
 */
create function public.can_configure_initiatives(p_municipality uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    join public.organisations o on o.id = m.organisation_id
    where m.profile_id = (select auth.uid()) and m.role = 'admin'
      and o.kind = 'municipal_team' and o.municipality_id = p_municipality
  ) or exists (
    select 1 from public.team_leads l
    join public.organisations o on o.id = l.organisation_id
    where l.profile_id = (select auth.uid()) and o.kind = 'municipal_team' and o.municipality_id = p_municipality
  );
$$;
revoke execute on function public.can_configure_initiatives(uuid) from public, anon;
grant execute on function public.can_configure_initiatives(uuid) to authenticated, service_role;

/*
 * ---------------------------------------------------------------------------------------------
 * Per kind: refusal reasons and condition templates beside the existing settings
 * ---------------------------------------------------------------------------------------------
 */

/** Every template a short plain line (the officer picks them; the founder ticks them off). */
create function public.condition_templates_are_short(p_templates text[])
returns boolean
language sql immutable set search_path = ''
as $$
  select coalesce(bool_and(length(trim(t)) between 3 and 300), true) from unnest(p_templates) t;
$$;
grant execute on function public.condition_templates_are_short(text[]) to authenticated, service_role;

alter table public.initiative_ask_settings
  add column refusal_reasons public.refusal_reason[] not null
    default '{public_order,safety,health,environment,law,conflicting_use,cost,nuisance,other}'
    constraint a_kind_has_a_refusal_reason check (cardinality(refusal_reasons) between 1 and 9),
  add column condition_templates text[] not null default '{}'
    constraint condition_templates_fit check (cardinality(condition_templates) <= 10 and public.condition_templates_are_short(condition_templates));
-- No updated_by here: anon reads this table. Who changed what, and when, is in the audit log.
comment on column public.initiative_ask_settings.refusal_reasons is 'The reasons from the list an officer may give for a no to this kind; the database refuses another.';
comment on column public.initiative_ask_settings.condition_templates is '"Ja, mits" conditions the officer picks from, one plain sentence each.';

/** The team that answers is a municipal team of the same municipality. */
create function public.check_answering_team(p_municipality uuid, p_team uuid)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_team is not null and not exists (
    select 1 from public.organisations o where o.id = p_team and o.kind = 'municipal_team' and o.municipality_id = p_municipality
  ) then
    raise exception 'The team must be a team of this municipality.' using errcode = '23514';
  end if;
end;
$$;
revoke execute on function public.check_answering_team(uuid, uuid) from public, anon, authenticated;

/**
 * Before a change of a kind's settings: the team is the municipality's own. After it: the
 * audit log holds who, when, and the old and the new values.
 */
create function public.guard_ask_settings()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform public.check_answering_team(new.municipality_id, new.team_id);
  if tg_op = 'UPDATE' and (new.municipality_id, new.kind) is distinct from (old.municipality_id, old.kind) then
    raise exception 'Change the settings of a kind, not which kind they are for.' using errcode = '42501';
  end if;
  return new;
end;
$$;
create trigger initiative_ask_settings_guard
  before insert or update on public.initiative_ask_settings
  for each row execute function public.guard_ask_settings();

create function public.log_settings_change()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  before jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'updated_at' - 'updated_by' end;
  after jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'updated_at' - 'updated_by' end;
begin
  if before is distinct from after then
    insert into public.audit_log (actor_id, action, details)
    values ((select auth.uid()), 'initiative.settings_changed',
            jsonb_build_object('table', tg_table_name, 'municipality', coalesce(after, before) -> 'municipality_id',
                               'before', before, 'after', after));
  end if;
  return null;
end;
$$;
create trigger initiative_ask_settings_log
  after insert or update or delete on public.initiative_ask_settings
  for each row execute function public.log_settings_change();

create policy "The municipality's administrator or a team lead can add a kind's settings" on public.initiative_ask_settings
  for insert to authenticated with check (public.can_configure_initiatives(municipality_id));
create policy "The municipality's administrator or a team lead can change a kind's settings" on public.initiative_ask_settings
  for update to authenticated
  using (public.can_configure_initiatives(municipality_id)) with check (public.can_configure_initiatives(municipality_id));
grant insert (municipality_id, kind, team_id, working_days, on_timeout, max_amount, refusal_reasons, condition_templates),
      update (municipality_id, kind, team_id, working_days, on_timeout, max_amount, refusal_reasons, condition_templates)
  on public.initiative_ask_settings to authenticated; -- the key columns too, for an upsert; the guard refuses a change of them

/*
 * ---------------------------------------------------------------------------------------------
 * Per area: another team answers a kind of ask there
 * ---------------------------------------------------------------------------------------------
 */

create table public.initiative_area_teams (
  area_id uuid not null references public.areas (id) on delete cascade,
  kind public.ask_kind not null,
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  team_id uuid not null references public.organisations (id) on delete cascade,
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null,
  primary key (area_id, kind)
);
comment on table public.initiative_area_teams is 'Where another team than the kind''s own answers the asks from one area (a village with its own team).';
create index initiative_area_teams_team_idx on public.initiative_area_teams (team_id);
create index initiative_area_teams_municipality_idx on public.initiative_area_teams (municipality_id);

create function public.guard_area_team()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.municipality_id := (select a.municipality_id from public.areas a where a.id = new.area_id);
  perform public.check_answering_team(new.municipality_id, new.team_id);
  new.updated_at := now();
  new.updated_by := (select auth.uid());
  return new;
end;
$$;
create trigger initiative_area_teams_guard
  before insert or update on public.initiative_area_teams
  for each row execute function public.guard_area_team();
create trigger initiative_area_teams_log
  after insert or update or delete on public.initiative_area_teams
  for each row execute function public.log_settings_change();

alter table public.initiative_area_teams enable row level security;
create policy "Officers read which team answers where in their municipality" on public.initiative_area_teams
  for select to authenticated using (public.is_officer_for_municipality(municipality_id) or public.can_configure_initiatives(municipality_id));
create policy "The municipality's administrator or a team lead sets a team per area" on public.initiative_area_teams
  for insert to authenticated with check (public.can_configure_initiatives((select a.municipality_id from public.areas a where a.id = area_id)));
create policy "The municipality's administrator or a team lead changes a team per area" on public.initiative_area_teams
  for update to authenticated
  using (public.can_configure_initiatives(municipality_id))
  with check (public.can_configure_initiatives((select a.municipality_id from public.areas a where a.id = area_id)));
create policy "The municipality's administrator or a team lead removes a team per area" on public.initiative_area_teams
  for delete to authenticated using (public.can_configure_initiatives(municipality_id));
revoke all on public.initiative_area_teams from anon, authenticated;
grant select, delete on public.initiative_area_teams to authenticated;
-- municipality_id too, for an upsert; the guard sets it from the area whatever is sent
grant insert (area_id, kind, municipality_id, team_id), update (area_id, kind, municipality_id, team_id) on public.initiative_area_teams to authenticated;

/**
 * The team that answers an ask: the area's team for its kind where one is set, else the kind's
 * team in the municipality's settings. (Replaces the version of 20261124001000.)
 */
create or replace function public.team_of_ask(p_ask uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select t.team_id from public.initiative_area_teams t where t.area_id = i.area_id and t.kind = a.kind),
    (select s.team_id from public.initiative_ask_settings s where s.municipality_id = i.municipality_id and s.kind = a.kind))
  from public.initiative_asks a
  join public.initiatives i on i.id = a.initiative_id
  where a.id = p_ask;
$$;

/*
 * ---------------------------------------------------------------------------------------------
 * The municipality's calendar: Good Friday, Liberation Day every year
 * ---------------------------------------------------------------------------------------------
 */

create table public.municipality_calendars (
  municipality_id uuid primary key references public.municipalities (id) on delete cascade,
  good_friday_off boolean not null default false,
  liberation_day_every_year boolean not null default false,
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null
);
comment on table public.municipality_calendars is 'Days off of the municipality beyond the national holidays, for the answer clock. Without a row: neither.';
comment on column public.municipality_calendars.good_friday_off is 'Goede Vrijdag is een vrije dag.';
comment on column public.municipality_calendars.liberation_day_every_year is 'Bevrijdingsdag (5 mei) is elk jaar vrij, niet alleen in lustrumjaren.';

create function public.stamp_calendar()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.municipality_id is distinct from old.municipality_id then
    raise exception 'Change the calendar of a municipality, not which municipality it is for.' using errcode = '42501';
  end if;
  new.updated_at := now();
  new.updated_by := (select auth.uid());
  return new;
end;
$$;
create trigger municipality_calendars_stamp
  before insert or update on public.municipality_calendars
  for each row execute function public.stamp_calendar();
create trigger municipality_calendars_log
  after insert or update or delete on public.municipality_calendars
  for each row execute function public.log_settings_change();

alter table public.municipality_calendars enable row level security;
create policy "Signed-in people can read a municipality's days off" on public.municipality_calendars
  for select to authenticated using (true);
create policy "The municipality's administrator or a team lead sets the days off" on public.municipality_calendars
  for insert to authenticated with check (public.can_configure_initiatives(municipality_id));
create policy "The municipality's administrator or a team lead changes the days off" on public.municipality_calendars
  for update to authenticated
  using (public.can_configure_initiatives(municipality_id)) with check (public.can_configure_initiatives(municipality_id));
revoke all on public.municipality_calendars from anon, authenticated;
grant select on public.municipality_calendars to authenticated;
grant insert (municipality_id, good_friday_off, liberation_day_every_year), update (municipality_id, good_friday_off, liberation_day_every_year)
  on public.municipality_calendars to authenticated; -- the key too, for an upsert; the trigger refuses a change of it

/**
 * True on a day off in the municipality: a Dutch public holiday (is_dutch_holiday), Good Friday
 * when the municipality says so, and 5 May every year when it says so. The same rules as
 * isDayOff() in src/lib/initiatives/working-days.ts.
 */
create function public.is_holiday_in(p_day date, p_municipality uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select public.is_dutch_holiday(p_day)
      or exists (
        select 1 from public.municipality_calendars c
        where c.municipality_id = p_municipality
          and ((c.good_friday_off and p_day = public.easter_sunday(extract(year from p_day)::int) - 2)
            or (c.liberation_day_every_year and extract(month from p_day) = 5 and extract(day from p_day) = 5)));
$$;
grant execute on function public.is_holiday_in(date, uuid) to authenticated, service_role;

create function public.is_working_day_in(p_day date, p_municipality uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select extract(isodow from p_day) < 6 and not public.is_holiday_in(p_day, p_municipality);
$$;
grant execute on function public.is_working_day_in(date, uuid) to authenticated, service_role;

/** The day that is p_days working days of the municipality after p_from (p_from itself does not count). */
create function public.add_working_days_in(p_from date, p_days int, p_municipality uuid)
returns date
language plpgsql stable security definer set search_path = ''
as $$
declare
  d date := p_from;
  left_to_count int := p_days;
begin
  while left_to_count > 0 loop
    d := d + 1;
    if public.is_working_day_in(d, p_municipality) then
      left_to_count := left_to_count - 1;
    end if;
  end loop;
  return d;
end;
$$;
grant execute on function public.add_working_days_in(date, int, uuid) to authenticated, service_role;

/** Working days of the municipality after p_from up to and including p_to. */
create function public.working_days_between_in(p_from date, p_to date, p_municipality uuid)
returns int
language sql stable security definer set search_path = ''
as $$
  select count(*)::int from generate_series(p_from + 1, p_to, interval '1 day') d where public.is_working_day_in(d::date, p_municipality);
$$;
grant execute on function public.working_days_between_in(date, date, uuid) to authenticated, service_role;

/*
 * ---------------------------------------------------------------------------------------------
 * The deadlines count the municipality's own days off. These replace the versions of
 * 20261123000100 (send_initiative) and 20261124001000 (restart_ask_clock, guard_reconsideration);
 * only the clock functions they call differ.
 * ---------------------------------------------------------------------------------------------
 */

create or replace function public.send_initiative(p_initiative uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  i public.initiatives;
  today date := public.today_nl();
begin
  select * into i from public.initiatives where id = p_initiative for update;
  if not found or not public.is_initiative_founder(p_initiative) or not public.can_post() then
    raise exception 'Only a founder can send this initiative.' using errcode = '42501';
  end if;
  if i.status <> 'draft' then
    raise exception 'This initiative was sent already.' using errcode = '22023';
  end if;
  if i.area_id is null or (coalesce(trim(i.description), '') = '' and i.voice_id is null)
     or not exists (select 1 from public.initiative_asks a where a.initiative_id = p_initiative) then
    raise exception 'This initiative is not complete yet.' using errcode = '22023';
  end if;
  update public.initiative_asks a
  set sent_on = today,
      due_on = public.add_working_days_in(today, coalesce(
        (select s.working_days from public.initiative_ask_settings s where s.municipality_id = i.municipality_id and s.kind = a.kind), 10),
        i.municipality_id),
      on_timeout = coalesce(
        (select s.on_timeout from public.initiative_ask_settings s where s.municipality_id = i.municipality_id and s.kind = a.kind), 'escalate')
  where a.initiative_id = p_initiative;
  perform set_config('omzien.sending', 'on', true);
  update public.initiatives set status = 'sent', sent_at = now() where id = p_initiative;
  perform set_config('omzien.sending', 'off', true);
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.sent', jsonb_build_object('initiative', p_initiative));
end;
$$;

create or replace function public.restart_ask_clock()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  q public.initiative_ask_questions;
  today date := public.today_nl();
  paused int;
  place uuid;
begin
  select * into q from public.initiative_ask_questions where id = new.question_id for update;
  if q.answered_on is not null then
    raise exception 'This question has a reply already.' using errcode = '23505';
  end if;
  select i.municipality_id into place from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id where a.id = q.ask_id;
  paused := public.working_days_between_in(q.asked_on, today, place);
  update public.initiative_ask_questions set answered_on = today, paused_days = paused where id = q.id;
  update public.initiative_asks set due_on = public.add_working_days_in(due_on, paused, place) where id = q.ask_id;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.question_answered', jsonb_build_object('ask', q.ask_id, 'question', q.id, 'paused_days', paused));
  return null;
end;
$$;

create or replace function public.guard_reconsideration()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  ans public.initiative_answers;
  days int;
  place uuid;
begin
  if tg_op = 'UPDATE' then
    if (new.answer_id, new.ask_id, new.asked_by, new.reason, new.voice_id, new.sent_on, new.due_on, new.created_at)
       is distinct from (old.answer_id, old.ask_id, old.asked_by, old.reason, old.voice_id, old.sent_on, old.due_on, old.created_at)
       or old.responded_at is not null then
      raise exception 'A reconsideration cannot be changed.' using errcode = '42501';
    end if;
    return new;
  end if;
  select * into ans from public.initiative_answers where id = new.answer_id;
  if not found or ans.decision = 'yes' then
    raise exception 'Only a no or a yes with conditions can be looked at again.' using errcode = '22023';
  end if;
  if exists (select 1 from public.initiative_answers x where x.supersedes = ans.id) then
    raise exception 'This answer has been replaced already.' using errcode = '22023';
  end if;
  select coalesce(s.working_days, 10), i.municipality_id into days, place
  from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id
  left join public.initiative_ask_settings s on s.municipality_id = i.municipality_id and s.kind = a.kind
  where a.id = ans.ask_id;
  new.ask_id := ans.ask_id;
  new.sent_on := public.today_nl();
  new.due_on := public.add_working_days_in(new.sent_on, coalesce(days, 10), place);
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.reconsideration_asked', jsonb_build_object('ask', ans.ask_id, 'answer', ans.id));
  return new;
end;
$$;

/*
 * ---------------------------------------------------------------------------------------------
 * A no gives a reason from the kind's own list
 * ---------------------------------------------------------------------------------------------
 */

create function public.check_refusal_reason()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  allowed public.refusal_reason[];
begin
  if new.decision = 'no_because' and new.reason is not null then
    select s.refusal_reasons into allowed
    from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id
    join public.initiative_ask_settings s on s.municipality_id = i.municipality_id and s.kind = a.kind
    where a.id = new.ask_id;
    if allowed is not null and not (new.reason = any (allowed)) then
      raise exception 'This reason is not on the list for this kind of ask.' using errcode = '23514';
    end if;
  end if;
  return new;
end;
$$;
create trigger initiative_answers_reason_listed
  before insert on public.initiative_answers
  for each row execute function public.check_refusal_reason();
