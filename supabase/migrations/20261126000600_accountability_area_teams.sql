/**
 * The accountability page counts an ask under the team that answers it in its area: the area's
 * own team where the municipality set one (initiative_area_teams, as team_of_ask() routes it),
 * otherwise the kind's team. Before, every ask counted under the kind's team. Like team_of_ask(),
 * it follows the settings of today, not those of the day the ask was sent.
 * Otherwise the same as 20261125004000 (plpgsql, so its plan is kept).
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
    select a.id, a.kind, i.municipality_id, coalesce(area_team.team_id, s.team_id) as team_id, a.due_on, a.on_timeout, a.answered_at, a.answered_working_days, a.decision_now,
           (a.answered_at at time zone 'Europe/Amsterdam')::date as first_day
    from public.initiative_asks a
    join public.initiatives i on i.id = a.initiative_id
    left join public.initiative_ask_settings s on s.municipality_id = i.municipality_id and s.kind = a.kind
    left join public.initiative_area_teams area_team on area_team.area_id = i.area_id and area_team.kind = a.kind
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
