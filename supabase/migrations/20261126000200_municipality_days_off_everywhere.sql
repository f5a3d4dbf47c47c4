/**
 * The municipality's own days off (Good Friday, Liberation Day every year; municipality_calendars)
 * now count wherever Omzien counts working days for an initiative, not only for the deadline:
 * - "nog N werkdagen" on the founder's page (initiative_ask_states.working_days_left);
 * - the team's reminder two working days before a deadline (claim_initiative_reminders);
 * - the daily list of late asks, sent on the municipality's working days only (claim_late_lists);
 * - how many working days an answer took, for the public figures' median (note_ask_answered,
 *   and once more for the answers already given).
 *
 * working_days_between_in() reads the municipality's calendar once per call instead of once per
 * day, so the founder's page and the figures do not pay for the extra days off.
 */

create or replace function public.working_days_between_in(p_from date, p_to date, p_municipality uuid)
returns int
language plpgsql stable security definer set search_path = ''
as $$
declare
  good_friday_off boolean := false;
  liberation_day_every_year boolean := false;
  n int;
begin
  select c.good_friday_off, c.liberation_day_every_year into good_friday_off, liberation_day_every_year
  from public.municipality_calendars c where c.municipality_id = p_municipality;
  select count(*)::int into n
  from generate_series(p_from + 1, p_to, interval '1 day') g(d)
  where extract(isodow from g.d) < 6
    and not public.is_dutch_holiday(g.d::date)
    and not (coalesce(good_friday_off, false) and g.d::date = public.easter_sunday(extract(year from g.d)::int) - 2)
    and not (coalesce(liberation_day_every_year, false) and extract(month from g.d) = 5 and extract(day from g.d) = 5);
  return n;
end;
$$;
-- The view below is read by anyone who may read a published initiative, signed in or not.
grant execute on function public.working_days_between_in(date, date, uuid) to anon;

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
       case when a.sent_on is not null and ans.id is null and not q.open
         then public.working_days_between_in(public.today_nl(), a.due_on, i.municipality_id) end
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

create or replace function public.claim_initiative_reminders(p_today date)
returns table (ask_id uuid, kind text, recipients uuid[])
language sql security definer set search_path = ''
as $$
  with candidates as (
    select a.id, case when a.due_on >= p_today then 'due_soon' else 'escalated' end as kind
    from public.initiative_asks a
    join public.initiatives i on i.id = a.initiative_id
    where a.sent_on is not null and a.hidden_at is null
      and ((a.due_on >= p_today and public.working_days_between_in(p_today, a.due_on, i.municipality_id) <= 2)
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

create or replace function public.claim_late_lists(p_today date)
returns table (list_id uuid, team_id uuid, late_asks integer, leads uuid[])
language sql security definer set search_path = ''
as $$
  with late as (
    select public.team_of_ask(a.id) as team, count(*)::int as n
    from public.initiative_asks a
    join public.initiatives i on i.id = a.initiative_id
    where public.is_working_day_in(p_today, i.municipality_id) and a.sent_on is not null and a.hidden_at is null
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

create or replace function public.note_ask_answered()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.initiative_asks a
  set answered_at = coalesce(a.answered_at, new.created_at),
      answered_working_days = coalesce(a.answered_working_days,
        public.working_days_between_in(a.sent_on, (new.created_at at time zone 'Europe/Amsterdam')::date,
                                       (select i.municipality_id from public.initiatives i where i.id = a.initiative_id))),
      decision_now = new.decision
  where a.id = new.ask_id;
  return null;
end;
$$;

-- The answers already given, counted again with their municipality's days off (the figures'
-- trigger keeps the public counts in step).
update public.initiative_asks a
set answered_working_days = public.working_days_between_in(a.sent_on, (a.answered_at at time zone 'Europe/Amsterdam')::date, i.municipality_id)
from public.initiatives i
where i.id = a.initiative_id and a.answered_at is not null and a.sent_on is not null
  and a.answered_working_days is distinct from
      public.working_days_between_in(a.sent_on, (a.answered_at at time zone 'Europe/Amsterdam')::date, i.municipality_id);
