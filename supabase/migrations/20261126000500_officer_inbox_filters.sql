/**
 * The officer's inbox filters by kind, area and state ("filters by kind, area and status", issue 9),
 * and brings the areas of the officer's municipalities for the area choice, still in one call.
 * Otherwise the same as 20261125004000 (now plpgsql, so its plans are kept, as
 * 20261126000100 does for the others).
 */
drop function public.officer_inbox(public.ask_kind);

create function public.officer_inbox(p_kind public.ask_kind default null, p_area uuid default null, p_state text default null)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return (
  with mine as (
    select distinct o.municipality_id
    from public.memberships m join public.organisations o on o.id = m.organisation_id
    where m.profile_id = (select auth.uid()) and m.role = 'officer' and o.kind = 'municipal_team'
  ), today as materialized (
    select public.today_nl() as d
  ), led as materialized (
    -- is_team_lead_for_ask() for every ask at once: the (municipality, kind) pairs whose
    -- reconsiderations the caller answers, as lead of the kind's team, or of any municipal team
    -- of the municipality when the kind has none
    select o.municipality_id, k.kind
    from public.team_leads l
    join public.organisations o on o.id = l.organisation_id and o.kind = 'municipal_team'
    cross join unnest(enum_range(null::public.ask_kind)) k(kind)
    left join public.initiative_ask_settings s on s.municipality_id = o.municipality_id and s.kind = k.kind
    where l.profile_id = (select auth.uid()) and o.municipality_id in (select municipality_id from mine)
      and (s.team_id is null or s.team_id = l.organisation_id)
  ), asks as materialized (
    select a.id, a.initiative_id, i.name as initiative_name, a.kind, a.sent_on, a.due_on, ar.name as area_name,
           case
             when exists (select 1 from public.initiative_ask_questions q where q.ask_id = a.id and q.answered_on is null) then 'waiting'
             when t.d > a.due_on and a.on_timeout = 'yes' then 'yes_by_silence'
             when t.d > a.due_on then 'late'
             else 'open'
           end as state
    from public.initiative_asks a
    join public.initiatives i on i.id = a.initiative_id
    left join public.areas ar on ar.id = i.area_id
    cross join today t
    where a.sent_on is not null and a.answered_at is null and a.hidden_at is null
      and i.status = 'sent' and i.municipality_id in (select municipality_id from mine)
      and (p_kind is null or a.kind = p_kind)
      and (p_area is null or i.area_id = p_area)
  )
  select jsonb_build_object(
    'asks', (
      select coalesce(jsonb_agg(to_jsonb(x) order by case x.state when 'late' then 0 when 'open' then 1 else 2 end, x.due_on, x.id), '[]'::jsonb)
      from asks x where x.state in ('open', 'late', 'waiting') and (p_state is null or x.state = p_state)),
    'areas', (
      select coalesce(jsonb_agg(jsonb_build_object('id', ar.id, 'name', ar.name) order by ar.name), '[]'::jsonb)
      from public.areas ar where ar.municipality_id in (select municipality_id from mine)),
    'reconsiderations', (
      select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'ask_id', r.ask_id, 'sent_on', r.sent_on, 'due_on', r.due_on)
                                order by r.due_on, r.id), '[]'::jsonb)
      from public.initiative_reconsiderations r
      -- a lookup per open reconsideration (the limit keeps the planner from scanning every ask)
      cross join lateral (
        select i.municipality_id, a.kind from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id
        where a.id = r.ask_id and a.sent_on is not null limit 1) x
      where r.responded_at is null and exists (select 1 from led)
        and (x.municipality_id, x.kind) in (select l.municipality_id, l.kind from led l))
  )
  );
end;
$$;
comment on function public.officer_inbox(public.ask_kind, uuid, text) is '/gemeente in one call (initiatives/answers.ts listInbox): unanswered asks of the officer''s municipalities (by kind, area and state when asked), the areas to choose from, and the reconsiderations for the teams they lead.';
revoke execute on function public.officer_inbox(public.ask_kind, uuid, text) from public, anon;
grant execute on function public.officer_inbox(public.ask_kind, uuid, text) to authenticated;
