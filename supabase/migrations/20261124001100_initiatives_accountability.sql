/*
 * ---------------------------------------------------------------------------------------------
 * Accountability per municipality, team, kind of ask and quarter: how many asks were sent, how
 * they were answered (yes, yes with conditions, no, yes by silence), how many are late, the
 * share answered on time, the median working days to the first answer, and reconsiderations.
 * Counts only: no initiative or person shows. One quarter at a time, so the page stays fast.
 * ---------------------------------------------------------------------------------------------
 */

create index initiative_asks_sent_on_idx on public.initiative_asks (sent_on) include (initiative_id, kind, due_on, on_timeout)
  where sent_on is not null;

create function public.initiative_accountability(p_from date, p_to date)
returns table (
  municipality_id uuid, municipality text, team_id uuid, team text, kind public.ask_kind,
  asks_sent int, answered_yes int, answered_yes_if int, answered_no int, yes_by_silence int, late_open int,
  answered_on_time int, median_working_days numeric, reconsiderations int
)
language sql stable security definer set search_path = ''
as $$
  with asks as (
    select a.id, a.kind, i.municipality_id, s.team_id, a.sent_on, a.due_on, a.on_timeout,
           f.first_at, l.decision,
           (select count(*) from public.initiative_reconsiderations r where r.ask_id = a.id) as again
    from public.initiative_asks a
    join public.initiatives i on i.id = a.initiative_id
    left join public.initiative_ask_settings s on s.municipality_id = i.municipality_id and s.kind = a.kind
    left join lateral (select x.created_at as first_at from public.initiative_answers x where x.ask_id = a.id order by x.created_at limit 1) f on true
    left join lateral (select x.decision from public.initiative_answers x where x.ask_id = a.id order by x.created_at desc, x.id limit 1) l on true
    where a.sent_on >= p_from and a.sent_on < p_to
  ), measured as (
    select a.*, (a.first_at at time zone 'Europe/Amsterdam')::date as first_day
    from asks a
  )
  select m.municipality_id, mu.name, m.team_id, o.name, m.kind,
         count(*)::int,
         count(*) filter (where m.decision = 'yes')::int,
         count(*) filter (where m.decision = 'yes_if')::int,
         count(*) filter (where m.decision = 'no_because')::int,
         count(*) filter (where m.first_at is null and m.on_timeout = 'yes' and public.today_nl() > m.due_on)::int,
         count(*) filter (where m.first_at is null and m.on_timeout = 'escalate' and public.today_nl() > m.due_on)::int,
         count(*) filter (where m.first_day <= m.due_on)::int,
         percentile_cont(0.5) within group (order by case when m.first_at is not null then public.working_days_between(m.sent_on, m.first_day) end)::numeric,
         sum(m.again)::int
  from measured m
  join public.municipalities mu on mu.id = m.municipality_id
  left join public.organisations o on o.id = m.team_id
  group by grouping sets ((m.municipality_id, mu.name, m.team_id, o.name), (m.municipality_id, mu.name, m.team_id, o.name, m.kind));
$$;
revoke execute on function public.initiative_accountability(date, date) from public;
grant execute on function public.initiative_accountability(date, date) to anon, authenticated;
