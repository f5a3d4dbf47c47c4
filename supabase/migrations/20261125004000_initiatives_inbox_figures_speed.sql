/*
 * ---------------------------------------------------------------------------------------------
 * The officer's inbox and the public figures at 100,000 asks (`npm run bench -- initiatives`).
 *
 * What EXPLAIN ANALYZE showed on the bench data:
 * - the inbox read initiative_ask_states as the officer, so RLS ran per unanswered ask the
 *   policies of initiative_asks and, inside them, of initiatives (is_officer_for_municipality(),
 *   is_initiative_founder(), is_coordinator_for_area(): functions with their own search_path,
 *   never inlined), twice per row (the policy and the view's join), plus ask_waits_for_founder()
 *   and today_nl() per row: 0.3 s for 1,200 open asks; and then one is_team_lead_for_ask() round
 *   trip per open reconsideration;
 * - initiative_accountability() called today_nl() (a function with a fixed search_path, so a
 *   real call, not inlined) twice per ask of the quarter: 0.13 s;
 * - initiative_figures() (the same page, all time) looked up the first and the newest answer and
 *   counted working days day by day for every ask: 42 s.
 *
 * Now: officer_inbox() is one call for the page: the municipalities where the caller is an
 * officer are looked up once, the unanswered asks come from the partial index of 001400, and
 * the open reconsiderations of the teams the caller leads come along (is_team_lead_for_ask() as
 * one join instead of a call per reconsideration: the bench has 1,700 open ones). The figures read the
 * columns the answer trigger keeps on each ask (answered_at, answered_working_days,
 * decision_now; answers are append-only, so they never go stale), and "today" is taken once per
 * call. Yes by silence and late stay derived from the deadline and today, as before.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * The officer's inbox in one call: the sent asks without an answer in the municipalities where
 * the caller is an officer (late first, then the nearest deadline, then those waiting for the
 * founder), optionally of one kind; and the open reconsiderations of the teams the caller leads.
 * Security definer with the same limits the RLS of initiative_ask_states gave an officer: the
 * initiative is sent, the ask not hidden, the municipality the officer's own.
 */
create function public.officer_inbox(p_kind public.ask_kind default null)
returns jsonb
language sql stable security definer set search_path = ''
as $$
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
  )
  select jsonb_build_object(
    'asks', (
      select coalesce(jsonb_agg(to_jsonb(x) order by case x.state when 'late' then 0 when 'open' then 1 else 2 end, x.due_on, x.id), '[]'::jsonb)
      from asks x where x.state in ('open', 'late', 'waiting')),
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
  );
$$;
comment on function public.officer_inbox(public.ask_kind) is '/gemeente in one call (initiatives/answers.ts listInbox): unanswered asks of the officer''s municipalities and the reconsiderations for the teams they lead.';
revoke execute on function public.officer_inbox(public.ask_kind) from public, anon;
grant execute on function public.officer_inbox(public.ask_kind) to authenticated;

create or replace function public.initiative_accountability(p_from date, p_to date)
returns table (
  municipality_id uuid, municipality text, team_id uuid, team text, kind public.ask_kind,
  asks_sent int, answered_yes int, answered_yes_if int, answered_no int, yes_by_silence int, late_open int,
  answered_on_time int, median_working_days numeric, reconsiderations int
)
language sql stable security definer set search_path = ''
as $$
  with today as materialized (
    select public.today_nl() as d
  ), asks as (
    select a.id, a.kind, i.municipality_id, s.team_id, a.due_on, a.on_timeout, a.answered_at, a.answered_working_days, a.decision_now,
           (a.answered_at at time zone 'Europe/Amsterdam')::date as first_day
    from public.initiative_asks a
    join public.initiatives i on i.id = a.initiative_id
    left join public.initiative_ask_settings s on s.municipality_id = i.municipality_id and s.kind = a.kind
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
$$;

create or replace function public.initiative_figures()
returns table (
  municipality_id uuid, municipality text, kind public.ask_kind, asks_sent int, answered int,
  answered_on_time int, refused int, yes_by_silence int, late_open int, median_working_days numeric
)
language sql stable security definer set search_path = ''
as $$
  with today as materialized (
    select public.today_nl() as d
  ), asks as (
    select i.municipality_id, a.kind, a.due_on, a.on_timeout, a.answered_at, a.answered_working_days, a.decision_now,
           (a.answered_at at time zone 'Europe/Amsterdam')::date as first_day
    from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id
    where a.sent_on is not null
  )
  select m.municipality_id, mu.name, m.kind,
         count(*)::int,
         count(m.answered_at)::int,
         count(*) filter (where m.first_day <= m.due_on)::int,
         count(*) filter (where m.decision_now = 'no_because')::int,
         count(*) filter (where m.answered_at is null and m.on_timeout = 'yes' and t.d > m.due_on)::int,
         count(*) filter (where m.answered_at is null and m.on_timeout = 'escalate' and t.d > m.due_on)::int,
         percentile_cont(0.5) within group (order by m.answered_working_days)::numeric
  from asks m
  cross join today t
  join public.municipalities mu on mu.id = m.municipality_id
  group by grouping sets ((m.municipality_id, mu.name), (m.municipality_id, mu.name, m.kind));
$$;
