/*
 * ---------------------------------------------------------------------------------------------
 * Initiatives and the municipality's "ja, tenzij". Residents start an initiative (a draft, step
 * by step) and add asks: each ask is its own item with a kind and the details that kind needs.
 * When the founder sends the initiative, every ask gets a deadline in working days (weekends
 * and Dutch public holidays do not count). An officer of the municipality answers each ask:
 * yes, yes with conditions, or no, and a no is only accepted with a reason from a fixed list, an
 * explanation and another way. Answers are append-only. Lateness and "yes by silence" follow
 * from the date, computed here, never written by a timer. The figures per municipality are
 * public. Initiatives and asks are registered with the shared rooms (reports, voice,
 * notifications) at the end.
 * ---------------------------------------------------------------------------------------------
 */

/*
 * ---------------------------------------------------------------------------------------------
 * The working-days clock
 * ---------------------------------------------------------------------------------------------
 */

/**
 * Easter Sunday of a year (the anonymous Gregorian algorithm).
 */
create function public.easter_sunday(p_year int)
returns date
language plpgsql immutable set search_path = ''
as $$
declare
  a int := p_year % 19;
  b int := p_year / 100;
  c int := p_year % 100;
  d int := b / 4;
  e int := b % 4;
  f int := (b + 8) / 25;
  g int := (b - f + 1) / 3;
  h int := (19 * a + b - d - g + 15) % 30;
  i int := c / 4;
  k int := c % 4;
  l int := (32 + 2 * e + 2 * i - h - k) % 7;
  m int := (a + 11 * h + 22 * l) / 451;
begin
  return make_date(p_year, (h + l - 7 * m + 114) / 31, ((h + l - 7 * m + 114) % 31) + 1);
end;
$$;
grant execute on function public.easter_sunday(int) to anon, authenticated, service_role;

/**
 * True on a Dutch public holiday: New Year, Easter Monday, King's Day (27 April, or 26 April
 * when the 27th is a Sunday), Liberation Day in lustrum years (2025, 2030, …), Ascension Day,
 * Whit Monday, Christmas and Boxing Day. Easter and Whit Sunday are Sundays anyway. Good Friday
 * is not a holiday here (some municipalities close then: not yet a setting).
 */
create function public.is_dutch_holiday(p_day date)
returns boolean
language plpgsql immutable set search_path = ''
as $$
declare
  y int := extract(year from p_day)::int;
  easter date := public.easter_sunday(y);
  kings date := case when extract(isodow from make_date(y, 4, 27)) = 7 then make_date(y, 4, 26) else make_date(y, 4, 27) end;
begin
  return p_day in (make_date(y, 1, 1), easter + 1, kings, easter + 39, easter + 50, make_date(y, 12, 25), make_date(y, 12, 26))
      or (p_day = make_date(y, 5, 5) and y % 5 = 0);
end;
$$;
grant execute on function public.is_dutch_holiday(date) to anon, authenticated, service_role;

create function public.is_working_day(p_day date)
returns boolean
language sql immutable set search_path = ''
as $$
  select extract(isodow from p_day) < 6 and not public.is_dutch_holiday(p_day);
$$;
grant execute on function public.is_working_day(date) to anon, authenticated, service_role;

/**
 * The day that is p_days working days after p_from (p_from itself does not count).
 */
create function public.add_working_days(p_from date, p_days int)
returns date
language plpgsql immutable set search_path = ''
as $$
declare
  d date := p_from;
  left_to_count int := p_days;
begin
  while left_to_count > 0 loop
    d := d + 1;
    if public.is_working_day(d) then
      left_to_count := left_to_count - 1;
    end if;
  end loop;
  return d;
end;
$$;
grant execute on function public.add_working_days(date, int) to authenticated, service_role;

/**
 * How many working days lie after p_from up to and including p_to (0 when p_to is not later).
 */
create function public.working_days_between(p_from date, p_to date)
returns int
language sql immutable set search_path = ''
as $$
  select count(*)::int from generate_series(p_from + 1, p_to, interval '1 day') d where public.is_working_day(d::date);
$$;
grant execute on function public.working_days_between(date, date) to anon, authenticated, service_role;

/** Today as it is in the Netherlands: the clock's "now". */
create function public.today_nl()
returns date
language sql stable set search_path = ''
as $$
  select (now() at time zone 'Europe/Amsterdam')::date;
$$;
grant execute on function public.today_nl() to anon, authenticated, service_role;

/*
 * ---------------------------------------------------------------------------------------------
 * Kinds of ask and their settings per municipality
 * ---------------------------------------------------------------------------------------------
 */

create type public.ask_kind as enum ('permit', 'space', 'green', 'budget', 'materials', 'contact', 'task');
create type public.ask_on_timeout as enum ('yes', 'escalate');
create type public.ask_decision as enum ('yes', 'yes_if', 'no_because');
create type public.refusal_reason as enum ('public_order', 'safety', 'health', 'environment', 'law', 'conflicting_use', 'cost', 'nuisance', 'other');
create type public.initiative_status as enum ('draft', 'sent');

create table public.initiative_ask_settings (
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  kind public.ask_kind not null,
  team_id uuid references public.organisations (id) on delete set null,
  working_days int not null default 10 check (working_days between 1 and 60),
  on_timeout public.ask_on_timeout not null default 'escalate',
  max_amount int check (max_amount between 1 and 100000),
  primary key (municipality_id, kind),
  constraint a_permit_is_never_granted_by_silence check (kind <> 'permit' or on_timeout = 'escalate')
);
comment on table public.initiative_ask_settings is 'Per municipality and kind of ask: the team that answers, the deadline in working days, what silence means, the largest budget in euros. Without a row: 10 working days, escalate.';

alter table public.initiative_ask_settings enable row level security;
create policy "Anyone can read how a municipality answers asks" on public.initiative_ask_settings
  for select to anon, authenticated using (true);
revoke insert, update, delete on public.initiative_ask_settings from anon, authenticated;

/**
 * True when the current user is an officer of a municipal team of the municipality.
 */
create function public.is_officer_for_municipality(p_municipality uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    join public.organisations o on o.id = m.organisation_id
    where m.profile_id = (select auth.uid()) and m.role = 'officer'
      and o.kind = 'municipal_team' and o.municipality_id = p_municipality
  );
$$;
grant execute on function public.is_officer_for_municipality(uuid) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * Initiatives, their founders and their asks
 * ---------------------------------------------------------------------------------------------
 */

create table public.initiatives (
  id uuid primary key default gen_random_uuid(),
  founder_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  municipality_id uuid not null references public.municipalities (id),
  area_id uuid references public.areas (id) on delete set null,
  name text not null check (length(trim(name)) between 3 and 120),
  description text check (length(description) <= 2000),
  voice_id uuid references public.voice_messages (id) on delete set null,
  place text check (length(place) <= 200),
  when_text text check (length(when_text) <= 300),
  status public.initiative_status not null default 'draft',
  published boolean not null default false,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  hidden_at timestamptz,
  check ((status = 'sent') = (sent_at is not null))
);
comment on table public.initiatives is 'Something residents organise for their street or village (bewonersinitiatief). A draft until the founder sends it; public only when published.';
comment on column public.initiatives.municipality_id is 'Taken from the area (or the founder''s area while none is chosen): the municipality that answers.';
comment on column public.initiatives.published is 'The founders show the initiative to everyone, signed in or not.';
create index initiatives_founder_idx on public.initiatives (founder_id);
create index initiatives_municipality_idx on public.initiatives (municipality_id) where status = 'sent';

create table public.initiative_cofounders (
  initiative_id uuid not null references public.initiatives (id) on delete cascade,
  profile_id uuid not null references public.profiles (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (initiative_id, profile_id)
);
comment on table public.initiative_cofounders is 'People who organise the initiative with its founder. Added by the founder through add_cofounder().';
create index initiative_cofounders_profile_idx on public.initiative_cofounders (profile_id);

/**
 * True when the current user founded the initiative or organises it with the founder.
 */
create function public.is_initiative_founder(p_initiative uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.initiatives i where i.id = p_initiative and i.founder_id = (select auth.uid()))
      or exists (select 1 from public.initiative_cofounders c where c.initiative_id = p_initiative and c.profile_id = (select auth.uid()));
$$;
grant execute on function public.is_initiative_founder(uuid) to authenticated;

/**
 * True when the current user is an officer of the municipality of a sent initiative.
 */
create function public.is_officer_for_initiative(p_initiative uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.initiatives i
    where i.id = p_initiative and i.status = 'sent' and public.is_officer_for_municipality(i.municipality_id)
  );
$$;
grant execute on function public.is_officer_for_initiative(uuid) to authenticated;

/**
 * Keeps the municipality in step with the area, and keeps a sent initiative as it was sent:
 * only published may change then.
 */
create function public.guard_initiative()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.status = 'sent' and current_setting('omzien.sending', true) is distinct from 'on'
     and (new.name, new.description, new.voice_id, new.place, new.when_text, new.area_id)
         is distinct from (old.name, old.description, old.voice_id, old.place, old.when_text, old.area_id) then
    raise exception 'A sent initiative cannot be changed.' using errcode = '42501';
  end if;
  new.municipality_id := coalesce(
    (select a.municipality_id from public.areas a where a.id = new.area_id),
    (select a.municipality_id from public.profiles p join public.areas a on a.id = p.area_id where p.id = new.founder_id),
    new.municipality_id);
  return new;
end;
$$;
create trigger initiatives_guard
  before insert or update on public.initiatives
  for each row execute function public.guard_initiative();

create table public.initiative_asks (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references public.initiatives (id) on delete cascade,
  kind public.ask_kind not null,
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
  note text check (length(note) <= 1000),
  voice_id uuid references public.voice_messages (id) on delete set null,
  created_at timestamptz not null default now(),
  sent_on date,
  due_on date,
  on_timeout public.ask_on_timeout,
  hidden_at timestamptz,
  check ((sent_on is null) = (due_on is null) and (sent_on is null) = (on_timeout is null)),
  check (kind <> 'permit' or on_timeout is distinct from 'yes')
);
comment on table public.initiative_asks is 'One thing an initiative asks the municipality for. details holds what the kind needs; sent_on, due_on and on_timeout are set when the initiative is sent.';
comment on column public.initiative_asks.details is 'permit: date, from, until, visitors; space: building, date_or_slot; green: place, use; budget: amount, costs; materials: items, date; contact: who; task: task, how, needs.';
comment on column public.initiative_asks.due_on is 'The last working day for the answer: sent_on plus the kind''s working days, skipping weekends and public holidays.';
create index initiative_asks_initiative_idx on public.initiative_asks (initiative_id);
create index initiative_asks_due_idx on public.initiative_asks (due_on) where due_on is not null;

/**
 * Whether an ask's details are complete for its kind. The forms check the same (schemas/initiatives.ts);
 * this is the database's own word on it.
 */
create function public.ask_details_are_complete(p_kind public.ask_kind, d jsonb)
returns boolean
language sql immutable set search_path = ''
as $$
  select case p_kind
    when 'permit' then d ?& array['date', 'from', 'until', 'visitors'] and (d ->> 'visitors') ~ '^[0-9]{1,6}$'
                       and (d ->> 'date') ~ '^\d{4}-\d{2}-\d{2}$'
    when 'space' then d ?& array['building', 'date_or_slot']
    when 'green' then d ?& array['place', 'use']
    when 'budget' then d ?& array['amount', 'costs'] and (d ->> 'amount') ~ '^[0-9]{1,6}$' and (d ->> 'amount')::int > 0
    when 'materials' then d ?& array['items', 'date'] and jsonb_typeof(d -> 'items') = 'array' and jsonb_array_length(d -> 'items') > 0
    when 'contact' then d ? 'who'
    when 'task' then d ?& array['task', 'how', 'needs']
  end
  and not exists (select 1 from jsonb_each(d) e where jsonb_typeof(e.value) = 'string' and length(trim(e.value #>> '{}')) = 0);
$$;
grant execute on function public.ask_details_are_complete(public.ask_kind, jsonb) to authenticated;

alter table public.initiative_asks add constraint details_are_complete_for_the_kind
  check (public.ask_details_are_complete(kind, details));

/**
 * A budget ask stays within the municipality's maximum for budgets.
 */
create function public.check_ask_budget()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  maximum int;
begin
  if new.kind = 'budget' then
    select s.max_amount into maximum from public.initiative_ask_settings s
    join public.initiatives i on i.municipality_id = s.municipality_id
    where i.id = new.initiative_id and s.kind = 'budget';
    if maximum is not null and (new.details ->> 'amount')::int > maximum then
      raise exception 'The amount is more than the municipality gives (%).', maximum using errcode = '23514';
    end if;
  end if;
  return new;
end;
$$;
create trigger initiative_asks_budget
  before insert or update on public.initiative_asks
  for each row execute function public.check_ask_budget();

alter table public.initiatives enable row level security;
alter table public.initiative_cofounders enable row level security;
alter table public.initiative_asks enable row level security;

-- founder_id first: a just-inserted row is not yet visible to is_initiative_founder()'s snapshot.
create policy "Founders can read their initiatives" on public.initiatives
  for select to authenticated using (founder_id = (select auth.uid()) or public.is_initiative_founder(id));
create policy "Officers can read sent initiatives of their municipality" on public.initiatives
  for select to authenticated using (status = 'sent' and public.is_officer_for_municipality(municipality_id));
create policy "Coordinators can read sent initiatives in their areas" on public.initiatives
  for select to authenticated using (status = 'sent' and public.is_coordinator_for_area(area_id));
create policy "Anyone can read published initiatives" on public.initiatives
  for select to anon, authenticated using (published and status = 'sent' and hidden_at is null);
create policy "Residents who may post can start an initiative" on public.initiatives
  for insert to authenticated
  with check (founder_id = (select auth.uid()) and public.can_post() and status = 'draft' and not published
              and hidden_at is null and (voice_id is null or public.is_own_draft_voice(voice_id)));
create policy "Founders can change their initiatives" on public.initiatives
  for update to authenticated
  using (public.is_initiative_founder(id))
  with check (public.is_initiative_founder(id));
create policy "Founders can delete their drafts" on public.initiatives
  for delete to authenticated using (founder_id = (select auth.uid()) and status = 'draft');
revoke update on public.initiatives from anon, authenticated;
grant update (name, description, voice_id, area_id, place, when_text, published) on public.initiatives to authenticated;

create policy "Founders and officers can read who organises an initiative" on public.initiative_cofounders
  for select to authenticated
  using (public.is_initiative_founder(initiative_id) or public.is_officer_for_initiative(initiative_id));
create policy "The founder can remove a co-founder" on public.initiative_cofounders
  for delete to authenticated
  using (exists (select 1 from public.initiatives i where i.id = initiative_id and i.founder_id = (select auth.uid())));
revoke insert, update on public.initiative_cofounders from anon, authenticated;

-- The subquery runs under the initiatives' own policies: whoever may read it may read its asks.
create policy "Anyone may read the asks of an initiative they may read" on public.initiative_asks
  for select to anon
  using (hidden_at is null and exists (select 1 from public.initiatives i where i.id = initiative_id));
create policy "Whoever signed in may read the asks of an initiative they may read" on public.initiative_asks
  for select to authenticated
  using (exists (select 1 from public.initiatives i where i.id = initiative_id)
         and (hidden_at is null or public.is_initiative_founder(initiative_id)));
create policy "Founders can add asks to a draft" on public.initiative_asks
  for insert to authenticated
  with check (public.is_initiative_founder(initiative_id) and sent_on is null and due_on is null and hidden_at is null
              and exists (select 1 from public.initiatives i where i.id = initiative_id and i.status = 'draft')
              and (voice_id is null or public.is_own_draft_voice(voice_id)));
create policy "Founders can change asks of a draft" on public.initiative_asks
  for update to authenticated
  using (public.is_initiative_founder(initiative_id) and sent_on is null)
  with check (public.is_initiative_founder(initiative_id) and sent_on is null);
create policy "Founders can remove asks from a draft" on public.initiative_asks
  for delete to authenticated
  using (public.is_initiative_founder(initiative_id) and sent_on is null);
revoke update on public.initiative_asks from anon, authenticated;
grant update (kind, details, note) on public.initiative_asks to authenticated;

/**
 * The founder adds someone who has an Omzien account as co-founder, by e-mail address. Returns
 * the person's id (for the notification), or raises when there is no such person.
 */
create function public.add_cofounder(p_initiative uuid, p_email text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  person uuid;
begin
  if not exists (select 1 from public.initiatives i where i.id = p_initiative and i.founder_id = (select auth.uid())) then
    raise exception 'Only the founder can add someone.' using errcode = '42501';
  end if;
  select p.id into person from public.profiles p where p.email = lower(trim(p_email)) and p.blocked_at is null;
  if person is null or person = (select auth.uid()) then
    raise exception 'There is nobody with this e-mail address.' using errcode = 'P0002';
  end if;
  insert into public.initiative_cofounders (initiative_id, profile_id) values (p_initiative, person) on conflict do nothing;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.cofounder_added', jsonb_build_object('initiative', p_initiative, 'person', person));
  return person;
end;
$$;
grant execute on function public.add_cofounder(uuid, text) to authenticated;

/**
 * A founder sends the draft: every ask gets its deadline in working days (the kind's setting,
 * else 10) and what silence means. Only with a name, a description (or recording), an area and
 * at least one ask. Logged.
 */
create function public.send_initiative(p_initiative uuid)
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
      due_on = public.add_working_days(today, coalesce(
        (select s.working_days from public.initiative_ask_settings s where s.municipality_id = i.municipality_id and s.kind = a.kind), 10)),
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
grant execute on function public.send_initiative(uuid) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * Answers: append-only; a changed answer is a new row that supersedes the last, with a reason.
 * ---------------------------------------------------------------------------------------------
 */

create table public.initiative_answers (
  id uuid primary key default gen_random_uuid(),
  ask_id uuid not null references public.initiative_asks (id) on delete cascade,
  officer_id uuid not null default auth.uid() references public.profiles (id),
  decision public.ask_decision not null,
  info text check (length(info) <= 2000),
  conditions text[] not null default '{}' check (cardinality(conditions) <= 10),
  reason public.refusal_reason,
  explanation text check (length(explanation) <= 2000),
  alternative text check (length(alternative) <= 2000),
  supersedes uuid unique references public.initiative_answers (id),
  change_reason text check (length(change_reason) <= 1000),
  created_at timestamptz not null default now(),
  constraint a_no_names_a_reason_explains_and_offers_another_way check (
    decision <> 'no_because'
    or (reason is not null and length(trim(coalesce(explanation, ''))) > 0 and length(trim(coalesce(alternative, ''))) > 0)),
  constraint a_yes_if_has_conditions check (decision <> 'yes_if' or cardinality(conditions) > 0),
  constraint only_a_no_has_a_reason check (decision = 'no_because' or reason is null),
  constraint a_change_says_why check (supersedes is null or length(trim(coalesce(change_reason, ''))) > 0)
);
comment on table public.initiative_answers is 'The municipality''s answer to an ask, "ja, tenzij". Append-only: the newest row of an ask is its answer; earlier rows stay as its history.';
comment on column public.initiative_answers.alternative is 'With a no: another date, place or smaller version, or an offer to talk (who and when).';
create index initiative_answers_ask_idx on public.initiative_answers (ask_id, created_at desc);

/**
 * An answer is never changed; a new answer supersedes the newest one of the same ask only.
 */
create function public.guard_initiative_answer()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  newest uuid;
begin
  if tg_op = 'UPDATE' then
    raise exception 'An answer cannot be changed. Give a new answer instead.' using errcode = '42501';
  end if;
  select a.id into newest from public.initiative_answers a where a.ask_id = new.ask_id order by a.created_at desc, a.id limit 1;
  if newest is distinct from new.supersedes then
    raise exception 'A new answer must replace the newest answer of this ask.' using errcode = '22023';
  end if;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.answered',
          jsonb_build_object('ask', new.ask_id, 'answer', new.id, 'decision', new.decision, 'supersedes', new.supersedes));
  return new;
end;
$$;
create trigger initiative_answers_guard
  before insert or update on public.initiative_answers
  for each row execute function public.guard_initiative_answer();

alter table public.initiative_answers enable row level security;
create policy "Whoever may read an ask may read its answers" on public.initiative_answers
  for select to anon, authenticated
  using (exists (select 1 from public.initiative_asks a where a.id = ask_id));
create policy "Officers of the municipality can answer a sent ask" on public.initiative_answers
  for insert to authenticated
  with check (officer_id = (select auth.uid()) and exists (
    select 1 from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id
    where a.id = ask_id and a.sent_on is not null and public.is_officer_for_municipality(i.municipality_id)));
revoke update, delete on public.initiative_answers from anon, authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * The state of an ask, derived from the date: draft, open, late, yes by silence, answered.
 * A view that runs with the caller's rights, so the policies above decide what it shows.
 * ---------------------------------------------------------------------------------------------
 */

create view public.initiative_ask_states with (security_invoker = true) as
select a.id, a.initiative_id, i.name as initiative_name, i.municipality_id, i.area_id, ar.name as area_name, a.kind, a.details, a.note,
       a.voice_id, a.sent_on, a.due_on, a.on_timeout,
       ans.id as answer_id, ans.decision, ans.created_at as answered_at,
       case
         when a.sent_on is null then 'draft'
         when ans.id is not null then 'answered'
         when public.today_nl() > a.due_on and a.on_timeout = 'yes' then 'yes_by_silence'
         when public.today_nl() > a.due_on then 'late'
         else 'open'
       end as state,
       case when a.sent_on is not null and ans.id is null then public.working_days_between(public.today_nl(), a.due_on) end
         as working_days_left
from public.initiative_asks a
join public.initiatives i on i.id = a.initiative_id
left join public.areas ar on ar.id = i.area_id
left join lateral (
  select x.id, x.decision, x.created_at from public.initiative_answers x
  where x.ask_id = a.id order by x.created_at desc, x.id limit 1
) ans on true;
comment on view public.initiative_ask_states is 'Each ask with its newest answer and its state from the date (late, yes by silence). Runs with the caller''s rights.';
revoke insert, update, delete on public.initiative_ask_states from anon, authenticated;
-- Published initiatives, their asks and answers are public; RLS above decides which rows anon sees.
grant select on public.initiatives, public.initiative_asks, public.initiative_answers,
  public.initiative_ask_settings, public.initiative_ask_states to anon;

/*
 * ---------------------------------------------------------------------------------------------
 * Public figures: the municipality is held to its own principle. Per municipality, and per
 * kind of ask within it (kind empty: all kinds). Only counts; no initiative or person shows.
 * ---------------------------------------------------------------------------------------------
 */

create function public.initiative_figures()
returns table (
  municipality_id uuid, municipality text, kind public.ask_kind, asks_sent int, answered int,
  answered_on_time int, refused int, yes_by_silence int, late_open int, median_working_days numeric
)
language sql stable security definer set search_path = ''
as $$
  with first_answer as (
    select a.id, a.kind, i.municipality_id, a.sent_on, a.due_on, a.on_timeout,
           (select min(x.created_at) from public.initiative_answers x where x.ask_id = a.id) as first_at,
           (select x.decision from public.initiative_answers x where x.ask_id = a.id order by x.created_at desc, x.id limit 1) as decision
    from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id
    where a.sent_on is not null
  ), measured as (
    select f.*, (f.first_at at time zone 'Europe/Amsterdam')::date as first_day,
           case when f.first_at is not null
                then public.working_days_between(f.sent_on, (f.first_at at time zone 'Europe/Amsterdam')::date) end as days
    from first_answer f
  )
  select m.municipality_id, mu.name, m.kind,
         count(*)::int,
         count(m.first_at)::int,
         count(*) filter (where m.first_day <= m.due_on)::int,
         count(*) filter (where m.decision = 'no_because')::int,
         count(*) filter (where m.first_at is null and m.on_timeout = 'yes' and public.today_nl() > m.due_on)::int,
         count(*) filter (where m.first_at is null and m.on_timeout = 'escalate' and public.today_nl() > m.due_on)::int,
         percentile_cont(0.5) within group (order by m.days)::numeric
  from measured m join public.municipalities mu on mu.id = m.municipality_id
  group by grouping sets ((m.municipality_id, mu.name), (m.municipality_id, mu.name, m.kind));
$$;
grant execute on function public.initiative_figures() to anon, authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * Initiatives and asks in the shared rooms: they can be reported and hidden, carry a recording
 * (heard by whoever may read the item), and are named in notifications.
 * ---------------------------------------------------------------------------------------------
 */

create function public.initiative_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select coalesce(i.area_id, p.area_id) from public.initiatives i join public.profiles p on p.id = i.founder_id where i.id = p_id;
$$;

create function public.initiative_ask_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select public.initiative_area(a.initiative_id) from public.initiative_asks a where a.id = p_id;
$$;

insert into public.item_types (type, table_name, area_function, hidden_column, voice_column) values
  ('initiative', 'public.initiatives', 'public.initiative_area(uuid)', 'hidden_at', 'voice_id'),
  ('initiative_ask', 'public.initiative_asks', 'public.initiative_ask_area(uuid)', 'hidden_at', 'voice_id');

create trigger initiatives_tie_voice after insert on public.initiatives
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('initiative');
create trigger initiatives_tie_new_voice after update of voice_id on public.initiatives
  for each row when (new.voice_id is not null and new.voice_id is distinct from old.voice_id)
  execute function public.tie_voice_to_item('initiative');
create trigger initiative_asks_tie_voice after insert on public.initiative_asks
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('initiative_ask');

create policy "Whoever may read an initiative may hear its recording" on public.voice_messages
  for select to authenticated
  using (subject_type = 'initiative' and exists (select 1 from public.initiatives i where i.id = subject_id));
create policy "Whoever may read an ask may hear its recording" on public.voice_messages
  for select to authenticated
  using (subject_type = 'initiative_ask' and exists (select 1 from public.initiative_asks a where a.id = subject_id));
