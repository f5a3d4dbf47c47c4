/*
 * ---------------------------------------------------------------------------------------------
 * The officer's inbox and the accountability page at scale (100,000 asks): each ask keeps when
 * it was first answered, in how many working days, and its newest decision, written by a
 * trigger when an answer is given (answers are append-only, so this never goes stale). The
 * inbox reads the few unanswered asks through a partial index; the accountability figures for
 * a quarter are a plain count over that quarter's asks.
 * ---------------------------------------------------------------------------------------------
 */

alter table public.initiative_asks
  add column answered_at timestamptz,
  add column answered_working_days int check (answered_working_days >= 0),
  add column decision_now public.ask_decision;
comment on column public.initiative_asks.answered_at is 'When the first answer was given (set by a trigger on initiative_answers).';
comment on column public.initiative_asks.answered_working_days is 'Working days from sending to the first answer (set by the same trigger).';
comment on column public.initiative_asks.decision_now is 'The newest answer''s decision (set by the same trigger).';

update public.initiative_asks a
set answered_at = f.first_at,
    answered_working_days = public.working_days_between(a.sent_on, (f.first_at at time zone 'Europe/Amsterdam')::date),
    decision_now = (select x.decision from public.initiative_answers x where x.ask_id = a.id order by x.created_at desc, x.id limit 1)
from (select x.ask_id, min(x.created_at) as first_at from public.initiative_answers x group by x.ask_id) f
where f.ask_id = a.id and a.sent_on is not null;

create function public.note_ask_answered()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.initiative_asks a
  set answered_at = coalesce(a.answered_at, new.created_at),
      answered_working_days = coalesce(a.answered_working_days,
        public.working_days_between(a.sent_on, (new.created_at at time zone 'Europe/Amsterdam')::date)),
      decision_now = new.decision
  where a.id = new.ask_id;
  return null;
end;
$$;
create trigger initiative_answers_note_on_ask
  after insert on public.initiative_answers
  for each row execute function public.note_ask_answered();

create index initiative_asks_open_idx on public.initiative_asks (due_on) where sent_on is not null and answered_at is null;

create or replace view public.initiative_ask_states with (security_invoker = true) as
select a.id, a.initiative_id, i.name as initiative_name, i.municipality_id, i.area_id, ar.name as area_name, a.kind, a.details, a.note,
       a.voice_id, a.sent_on, a.due_on, a.on_timeout,
       ans.id as answer_id, ans.decision, ans.created_at as answered_at,
       case
         when a.sent_on is null then 'draft'
         when ans.id is not null then 'answered'
         when q.open then 'waiting'
         when public.today_nl() > a.due_on and a.on_timeout = 'yes' then 'yes_by_silence'
         when public.today_nl() > a.due_on then 'late'
         else 'open'
       end as state,
       case when a.sent_on is not null and ans.id is null and not q.open then public.working_days_between(public.today_nl(), a.due_on) end
         as working_days_left,
       q.open as waiting_for_founder,
       a.answered_at as first_answered_at
from public.initiative_asks a
join public.initiatives i on i.id = a.initiative_id
left join public.areas ar on ar.id = i.area_id
left join lateral (
  select x.id, x.decision, x.created_at from public.initiative_answers x
  where x.ask_id = a.id order by x.created_at desc, x.id limit 1
) ans on true
cross join lateral (select public.ask_waits_for_founder(a.id) as open) q;

create or replace function public.initiative_accountability(p_from date, p_to date)
returns table (
  municipality_id uuid, municipality text, team_id uuid, team text, kind public.ask_kind,
  asks_sent int, answered_yes int, answered_yes_if int, answered_no int, yes_by_silence int, late_open int,
  answered_on_time int, median_working_days numeric, reconsiderations int
)
language sql stable security definer set search_path = ''
as $$
  with asks as (
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
         count(*) filter (where m.answered_at is null and m.on_timeout = 'yes' and public.today_nl() > m.due_on)::int,
         count(*) filter (where m.answered_at is null and m.on_timeout = 'escalate' and public.today_nl() > m.due_on)::int,
         count(*) filter (where m.first_day <= m.due_on)::int,
         percentile_cont(0.5) within group (order by m.answered_working_days)::numeric,
         coalesce(sum(g.n), 0)::int
  from asks m
  left join again g on g.ask_id = m.id
  join public.municipalities mu on mu.id = m.municipality_id
  left join public.organisations o on o.id = m.team_id
  group by grouping sets ((m.municipality_id, mu.name, m.team_id, o.name), (m.municipality_id, mu.name, m.team_id, o.name, m.kind));
$$;
