/*
 * ---------------------------------------------------------------------------------------------
 * The team of an ask is kept on the ask (initiative_asks.team_id), not worked out from today's
 * settings each time.
 *
 * team_of_ask() and the accountability page followed the settings of today: when a municipality
 * gave a kind of ask (or an area) to another team, every ask ever sent moved to that team on the
 * public figures, answered ones too. Now:
 * - an ask gets its team when it is sent (the area's team for its kind, else the kind's team);
 * - when the settings change, asks that are still waiting for an answer move to the new team
 *   (they answer now); answered asks stay with the team that had them;
 * - team_of_ask() reads the kept team; the accountability page counts each ask under it.
 * ---------------------------------------------------------------------------------------------
 */

alter table public.initiative_asks add column team_id uuid references public.organisations (id) on delete set null;
comment on column public.initiative_asks.team_id is 'The team that answers the ask: set when it is sent, moved with the settings while no answer is given. Not writable by anyone signed in.';
create index initiative_asks_team_id_idx on public.initiative_asks (team_id);

/** The team the settings give an ask of this kind in this area (the area's own, else the kind's). */
create function public.team_by_settings(p_municipality uuid, p_area uuid, p_kind public.ask_kind)
returns uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return coalesce(
    (select t.team_id from public.initiative_area_teams t where t.area_id = p_area and t.kind = p_kind),
    (select s.team_id from public.initiative_ask_settings s where s.municipality_id = p_municipality and s.kind = p_kind));
end;
$$;
revoke execute on function public.team_by_settings(uuid, uuid, public.ask_kind) from public, anon;

-- What was sent already: the team of today's settings (the best there is to go on).
update public.initiative_asks a
set team_id = public.team_by_settings(i.municipality_id, i.area_id, a.kind)
from public.initiatives i
where i.id = a.initiative_id and a.sent_on is not null;

/** When an ask is sent (or saved as sent, as the demo data and imports do) it gets its team. */
create function public.initiative_ask_take_team()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select public.team_by_settings(i.municipality_id, i.area_id, new.kind) into new.team_id
  from public.initiatives i where i.id = new.initiative_id;
  return new;
end;
$$;
create trigger initiative_asks_take_team before update of sent_on on public.initiative_asks
  for each row when (old.sent_on is null and new.sent_on is not null)
  execute function public.initiative_ask_take_team();
create trigger initiative_asks_take_team_sent before insert on public.initiative_asks
  for each row when (new.sent_on is not null and new.team_id is null)
  execute function public.initiative_ask_take_team();

/** The settings changed: asks still waiting for an answer in that municipality move to the team the settings give now. */
create function public.initiative_asks_follow_settings()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.initiative_asks a
  set team_id = public.team_by_settings(i.municipality_id, i.area_id, a.kind)
  from public.initiatives i
  where i.id = a.initiative_id
    and i.municipality_id in (select c.municipality_id from changed c)
    and a.sent_on is not null and a.answered_at is null
    and a.team_id is distinct from public.team_by_settings(i.municipality_id, i.area_id, a.kind);
  return null;
end;
$$;
create trigger initiative_ask_settings_move_asks_ins after insert on public.initiative_ask_settings
  referencing new table as changed for each statement execute function public.initiative_asks_follow_settings();
create trigger initiative_ask_settings_move_asks_upd after update on public.initiative_ask_settings
  referencing new table as changed for each statement execute function public.initiative_asks_follow_settings();
create trigger initiative_area_teams_move_asks_ins after insert on public.initiative_area_teams
  referencing new table as changed for each statement execute function public.initiative_asks_follow_settings();
create trigger initiative_area_teams_move_asks_upd after update on public.initiative_area_teams
  referencing new table as changed for each statement execute function public.initiative_asks_follow_settings();
create trigger initiative_area_teams_move_asks_del after delete on public.initiative_area_teams
  referencing old table as changed for each statement execute function public.initiative_asks_follow_settings();

/** The team that answers an ask: the one kept on it (see above). (Replaces the version of 20261125001000.) */
create or replace function public.team_of_ask(p_ask uuid)
returns uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select coalesce(a.team_id, public.team_by_settings(i.municipality_id, i.area_id, a.kind))
    from public.initiative_asks a
    join public.initiatives i on i.id = a.initiative_id
    where a.id = p_ask);
end;
$$;

/**
 * The accountability page counts each ask under the team kept on it: the team that answered it,
 * or that has it now while it waits. Otherwise as 20261126000600.
 */
create or replace function public.initiative_accountability(p_from date, p_to date)
returns table (
  municipality_id uuid, municipality text, team_id uuid, team text, kind public.ask_kind,
  asks_sent int, answered_yes int, answered_yes_if int, answered_no int, yes_by_silence int, late_open int,
  answered_on_time int, median_working_days numeric, reconsiderations int
)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  with today as materialized (
    select public.today_nl() as d
  ), asks as (
    select a.id, a.kind, i.municipality_id, a.team_id, a.due_on, a.on_timeout, a.answered_at, a.answered_working_days, a.decision_now,
           (a.answered_at at time zone 'Europe/Amsterdam')::date as first_day
    from public.initiative_asks a
    join public.initiatives i on i.id = a.initiative_id
    where a.sent_on >= p_from and a.sent_on < p_to
  ), again as (
    select r.ask_id, count(*) as n from public.initiative_reconsiderations r
    where r.sent_on >= p_from group by r.ask_id
  )
  select m.municipality_id, mu.name, m.team_id, o.name, m.kind,
         count(*)::int,
         count(*) filter (where m.decision_now = 'yes')::int,
         count(*) filter (where m.decision_now = 'yes_if')::int,
         count(*) filter (where m.decision_now = 'no_because')::int,
         count(*) filter (where m.answered_at is null and m.on_timeout = 'yes' and t.d > m.due_on)::int,
         count(*) filter (where m.answered_at is null and m.on_timeout = 'escalate' and t.d > m.due_on)::int,
         count(*) filter (where m.first_day <= m.due_on)::int,
         percentile_cont(0.5) within group (order by m.answered_working_days)::numeric,
         coalesce(sum(g.n), 0)::int
  from asks m
  cross join today t
  left join again g on g.ask_id = m.id
  join public.municipalities mu on mu.id = m.municipality_id
  left join public.organisations o on o.id = m.team_id
  group by grouping sets ((m.municipality_id, mu.name, m.team_id, o.name), (m.municipality_id, mu.name, m.team_id, o.name, m.kind));
end;
$$;
