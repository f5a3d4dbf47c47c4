/*
 * ---------------------------------------------------------------------------------------------
 * Initiatives, second part: the officer's question that stops the answer clock, the founder's
 * reply (text or voice), a reconsideration once per answer for the team lead (with its own
 * clock), the conditions of a "ja, mits" ticked off by the founders, neighbours who support a
 * published initiative or raise a concern, and anon reading published initiatives and answers
 * without the ids of founders and officers.
 * ---------------------------------------------------------------------------------------------
 */

/*
 * ---------------------------------------------------------------------------------------------
 * Team leads: per municipal team, who leads it. Reconsiderations and late asks go to them.
 * Written by the municipality's administrator (service role, seed); read by officers.
 * ---------------------------------------------------------------------------------------------
 */

create table public.team_leads (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  profile_id uuid not null references public.profiles (id) on delete cascade,
  primary key (organisation_id, profile_id)
);
comment on table public.team_leads is 'Who leads a municipal team: they answer reconsiderations and get the list of late asks.';
create index team_leads_profile_idx on public.team_leads (profile_id);
alter table public.team_leads enable row level security;
create policy "Officers can read who leads the teams of their municipality" on public.team_leads
  for select to authenticated
  using (exists (select 1 from public.organisations o where o.id = organisation_id and public.is_officer_for_municipality(o.municipality_id)));
revoke insert, update, delete on public.team_leads from anon, authenticated;
revoke all on public.team_leads from anon;

/**
 * The team that answers an ask: the kind's team in the municipality's settings.
 */
create function public.team_of_ask(p_ask uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select s.team_id from public.initiative_asks a
  join public.initiatives i on i.id = a.initiative_id
  join public.initiative_ask_settings s on s.municipality_id = i.municipality_id and s.kind = a.kind
  where a.id = p_ask;
$$;
revoke execute on function public.team_of_ask(uuid) from public, anon;
grant execute on function public.team_of_ask(uuid) to authenticated, service_role;

/**
 * The leads of the team that answers an ask; when the kind has no team, the leads of every
 * municipal team of the ask's municipality.
 */
create function public.team_leads_of_ask(p_ask uuid)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct l.profile_id from public.team_leads l
  join public.organisations o on o.id = l.organisation_id and o.kind = 'municipal_team'
  where o.municipality_id = (select i.municipality_id from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id where a.id = p_ask)
    and (public.team_of_ask(p_ask) is null or l.organisation_id = public.team_of_ask(p_ask));
$$;
revoke execute on function public.team_leads_of_ask(uuid) from public, anon;
grant execute on function public.team_leads_of_ask(uuid) to authenticated, service_role;

create function public.is_team_lead_for_ask(p_ask uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select auth.uid()) in (select public.team_leads_of_ask(p_ask));
$$;
revoke execute on function public.is_team_lead_for_ask(uuid) from public, anon;
grant execute on function public.is_team_lead_for_ask(uuid) to authenticated;

/** The municipality of an ask (for policies that must not recurse into the asks' own policies). */
create function public.municipality_of_ask(p_ask uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select i.municipality_id from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id where a.id = p_ask and a.sent_on is not null;
$$;
revoke execute on function public.municipality_of_ask(uuid) from public, anon;
grant execute on function public.municipality_of_ask(uuid) to authenticated;

create function public.initiative_of_ask(p_ask uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select a.initiative_id from public.initiative_asks a where a.id = p_ask;
$$;
revoke execute on function public.initiative_of_ask(uuid) from public, anon;
grant execute on function public.initiative_of_ask(uuid) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * The officer's question stops the clock; the founder's reply starts it again. The deadline
 * moves by the working days the question was open (a question asked and answered on the same
 * day moves nothing).
 * ---------------------------------------------------------------------------------------------
 */

create table public.initiative_ask_questions (
  id uuid primary key default gen_random_uuid(),
  ask_id uuid not null references public.initiative_asks (id) on delete cascade,
  officer_id uuid not null default auth.uid() references public.profiles (id),
  question text not null check (length(trim(question)) between 3 and 1000),
  asked_on date not null default public.today_nl(),
  created_at timestamptz not null default now(),
  answered_on date,
  paused_days int check (paused_days >= 0),
  check ((answered_on is null) = (paused_days is null))
);
comment on table public.initiative_ask_questions is 'A question of the officer about an ask. While it is open the answer clock stands still; the reply moves due_on by paused_days working days.';
create unique index initiative_ask_questions_one_open on public.initiative_ask_questions (ask_id) where answered_on is null;
create index initiative_ask_questions_ask_idx on public.initiative_ask_questions (ask_id, created_at);

create table public.initiative_question_replies (
  id uuid primary key default gen_random_uuid(),
  question_id uuid not null unique references public.initiative_ask_questions (id) on delete cascade,
  author_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  reply text check (length(reply) <= 2000),
  voice_id uuid references public.voice_messages (id) on delete set null,
  created_at timestamptz not null default now(),
  hidden_at timestamptz,
  constraint a_reply_says_something check (length(trim(coalesce(reply, ''))) > 0 or voice_id is not null)
);
comment on table public.initiative_question_replies is 'The founder''s reply to an officer''s question, typed or spoken. One per question.';

alter table public.initiative_ask_questions enable row level security;
alter table public.initiative_question_replies enable row level security;

create policy "Founders and officers can read the questions about an ask" on public.initiative_ask_questions
  for select to authenticated
  using (public.is_initiative_founder(public.initiative_of_ask(ask_id)) or public.is_officer_for_municipality(public.municipality_of_ask(ask_id)));
create policy "Officers of the municipality can ask about a sent ask" on public.initiative_ask_questions
  for insert to authenticated
  with check (officer_id = (select auth.uid()) and answered_on is null and paused_days is null and asked_on = public.today_nl()
              and public.is_officer_for_municipality(public.municipality_of_ask(ask_id)));
revoke update, delete on public.initiative_ask_questions from anon, authenticated;
revoke all on public.initiative_ask_questions from anon;

create policy "Founders and officers can read the replies" on public.initiative_question_replies
  for select to authenticated
  using (exists (select 1 from public.initiative_ask_questions q where q.id = question_id));
create policy "Founders can reply to an open question" on public.initiative_question_replies
  for insert to authenticated
  with check (author_id = (select auth.uid()) and hidden_at is null and public.can_post()
              and (voice_id is null or public.is_own_draft_voice(voice_id))
              and exists (select 1 from public.initiative_ask_questions q
                          where q.id = question_id and q.answered_on is null
                            and public.is_initiative_founder(public.initiative_of_ask(q.ask_id))));
revoke update, delete on public.initiative_question_replies from anon, authenticated;
revoke all on public.initiative_question_replies from anon;

/**
 * A reply closes its question and moves the ask's deadline by the working days it was open.
 */
create function public.restart_ask_clock()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  q public.initiative_ask_questions;
  today date := public.today_nl();
  paused int;
begin
  select * into q from public.initiative_ask_questions where id = new.question_id for update;
  if q.answered_on is not null then
    raise exception 'This question has a reply already.' using errcode = '23505';
  end if;
  paused := public.working_days_between(q.asked_on, today);
  update public.initiative_ask_questions set answered_on = today, paused_days = paused where id = q.id;
  update public.initiative_asks set due_on = public.add_working_days(due_on, paused) where id = q.ask_id;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.question_answered', jsonb_build_object('ask', q.ask_id, 'question', q.id, 'paused_days', paused));
  return null;
end;
$$;
create trigger initiative_question_replies_restart_clock
  after insert on public.initiative_question_replies
  for each row execute function public.restart_ask_clock();

create function public.log_ask_question()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.question_asked', jsonb_build_object('ask', new.ask_id, 'question', new.id));
  return null;
end;
$$;
create trigger initiative_ask_questions_log
  after insert on public.initiative_ask_questions
  for each row execute function public.log_ask_question();

/*
 * ---------------------------------------------------------------------------------------------
 * Reconsideration: once per answer (the unique key says so, whoever asks), with a reason typed
 * or spoken, its own clock (the kind's working days), answered by the team lead.
 * ---------------------------------------------------------------------------------------------
 */

create table public.initiative_reconsiderations (
  id uuid primary key default gen_random_uuid(),
  answer_id uuid not null references public.initiative_answers (id) on delete cascade,
  ask_id uuid not null references public.initiative_asks (id) on delete cascade,
  asked_by uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  reason text check (length(reason) <= 2000),
  voice_id uuid references public.voice_messages (id) on delete set null,
  sent_on date not null default public.today_nl(),
  due_on date not null default public.today_nl(),
  response text check (length(response) <= 2000),
  responded_by uuid references public.profiles (id),
  responded_at timestamptz,
  created_at timestamptz not null default now(),
  hidden_at timestamptz,
  constraint one_reconsideration_per_answer unique (answer_id),
  constraint a_reconsideration_says_why check (length(trim(coalesce(reason, ''))) > 0 or voice_id is not null),
  constraint a_response_has_its_author check ((response is null) = (responded_at is null) and (response is null) = (responded_by is null))
);
comment on table public.initiative_reconsiderations is 'The founder asks the team lead to look again at an answer: once per answer, with its own deadline in working days.';
create index initiative_reconsiderations_ask_idx on public.initiative_reconsiderations (ask_id);
create index initiative_reconsiderations_open_idx on public.initiative_reconsiderations (due_on) where responded_at is null;

/**
 * Fills in the ask and the clock of a new reconsideration, and keeps a response as it was given.
 */
create function public.guard_reconsideration()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  ans public.initiative_answers;
  days int;
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
  select coalesce(s.working_days, 10) into days
  from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id
  left join public.initiative_ask_settings s on s.municipality_id = i.municipality_id and s.kind = a.kind
  where a.id = ans.ask_id;
  new.ask_id := ans.ask_id;
  new.sent_on := public.today_nl();
  new.due_on := public.add_working_days(new.sent_on, coalesce(days, 10));
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.reconsideration_asked', jsonb_build_object('ask', ans.ask_id, 'answer', ans.id));
  return new;
end;
$$;
create trigger initiative_reconsiderations_guard
  before insert or update on public.initiative_reconsiderations
  for each row execute function public.guard_reconsideration();

alter table public.initiative_reconsiderations enable row level security;
create policy "Founders and officers can read reconsiderations" on public.initiative_reconsiderations
  for select to authenticated
  using (public.is_initiative_founder(public.initiative_of_ask(ask_id)) or public.is_officer_for_municipality(public.municipality_of_ask(ask_id)));
create policy "Founders can ask to look again at an answer" on public.initiative_reconsiderations
  for insert to authenticated
  with check (asked_by = (select auth.uid()) and hidden_at is null and response is null and public.can_post()
              and (voice_id is null or public.is_own_draft_voice(voice_id))
              and exists (select 1 from public.initiative_answers x join public.initiative_asks a on a.id = x.ask_id
                          where x.id = answer_id and public.is_initiative_founder(a.initiative_id)));
revoke update, delete on public.initiative_reconsiderations from anon, authenticated;
revoke all on public.initiative_reconsiderations from anon;

/**
 * The team lead answers a reconsideration (once). A changed answer is given as a new answer
 * with a reason, as any other change.
 */
create function public.respond_to_reconsideration(p_id uuid, p_response text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  r public.initiative_reconsiderations;
begin
  select * into r from public.initiative_reconsiderations where id = p_id for update;
  if not found or not public.is_team_lead_for_ask(r.ask_id) then
    raise exception 'Only the team lead can answer this.' using errcode = '42501';
  end if;
  if r.responded_at is not null then
    raise exception 'This was answered already.' using errcode = '23505';
  end if;
  if length(trim(coalesce(p_response, ''))) = 0 then
    raise exception 'Say what you decided.' using errcode = '23514';
  end if;
  update public.initiative_reconsiderations
  set response = trim(p_response), responded_by = (select auth.uid()), responded_at = now()
  where id = p_id;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.reconsideration_answered', jsonb_build_object('ask', r.ask_id, 'reconsideration', p_id));
  return r.ask_id;
end;
$$;
revoke execute on function public.respond_to_reconsideration(uuid, text) from public, anon;
grant execute on function public.respond_to_reconsideration(uuid, text) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * "Ja, mits": the founders tick off each condition of the current yes_if answer.
 * ---------------------------------------------------------------------------------------------
 */

create table public.initiative_condition_ticks (
  answer_id uuid not null references public.initiative_answers (id) on delete cascade,
  position int not null check (position between 0 and 9),
  ticked_by uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  ticked_at timestamptz not null default now(),
  primary key (answer_id, position)
);
comment on table public.initiative_condition_ticks is 'A condition of a yes_if answer that the founders say they met; position counts from 0 in the answer''s conditions.';

alter table public.initiative_condition_ticks enable row level security;
create policy "Founders and officers can read ticked conditions" on public.initiative_condition_ticks
  for select to authenticated
  using (exists (select 1 from public.initiative_answers x where x.id = answer_id));
create policy "Founders can tick off a condition of a yes_if" on public.initiative_condition_ticks
  for insert to authenticated
  with check (ticked_by = (select auth.uid()) and exists (
    select 1 from public.initiative_answers x join public.initiative_asks a on a.id = x.ask_id
    where x.id = answer_id and x.decision = 'yes_if' and position < cardinality(x.conditions)
      and public.is_initiative_founder(a.initiative_id)));
create policy "Founders can untick a condition" on public.initiative_condition_ticks
  for delete to authenticated
  using (exists (select 1 from public.initiative_answers x join public.initiative_asks a on a.id = x.ask_id
                 where x.id = answer_id and public.is_initiative_founder(a.initiative_id)));
revoke update on public.initiative_condition_ticks from anon, authenticated;
revoke all on public.initiative_condition_ticks from anon;

/*
 * ---------------------------------------------------------------------------------------------
 * Neighbours and a published initiative: support ("ik steun dit", "ik doe mee") and concerns,
 * kept apart. A concern is never anonymous to the founders and officers; nobody else reads it.
 * ---------------------------------------------------------------------------------------------
 */

create type public.initiative_support_kind as enum ('support', 'join');

create table public.initiative_supports (
  initiative_id uuid not null references public.initiatives (id) on delete cascade,
  profile_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  kind public.initiative_support_kind not null,
  created_at timestamptz not null default now(),
  primary key (initiative_id, profile_id, kind)
);
comment on table public.initiative_supports is 'A neighbour says "ik steun dit" (support) or "ik doe mee" (join) on a published initiative.';

create table public.initiative_concerns (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references public.initiatives (id) on delete cascade,
  profile_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  concern text not null check (length(trim(concern)) between 3 and 2000),
  created_at timestamptz not null default now()
);
comment on table public.initiative_concerns is 'A neighbour''s concern about a published initiative: read by the founders, the officers and its writer only, always with the writer''s name.';
create index initiative_concerns_initiative_idx on public.initiative_concerns (initiative_id);

create function public.is_published_initiative(p_initiative uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.initiatives i where i.id = p_initiative and i.published and i.status = 'sent' and i.hidden_at is null);
$$;
revoke execute on function public.is_published_initiative(uuid) from public, anon;
grant execute on function public.is_published_initiative(uuid) to authenticated;

alter table public.initiative_supports enable row level security;
alter table public.initiative_concerns enable row level security;
create policy "People see their own support; founders and officers see all" on public.initiative_supports
  for select to authenticated
  using (profile_id = (select auth.uid()) or public.is_initiative_founder(initiative_id) or public.is_officer_for_initiative(initiative_id));
create policy "Signed-in neighbours can support a published initiative" on public.initiative_supports
  for insert to authenticated
  with check (profile_id = (select auth.uid()) and public.can_post() and public.is_published_initiative(initiative_id));
create policy "People can take back their support" on public.initiative_supports
  for delete to authenticated using (profile_id = (select auth.uid()));
revoke update on public.initiative_supports from anon, authenticated;
revoke all on public.initiative_supports from anon;

create policy "Founders, officers and the writer read a concern" on public.initiative_concerns
  for select to authenticated
  using (profile_id = (select auth.uid()) or public.is_initiative_founder(initiative_id) or public.is_officer_for_initiative(initiative_id));
create policy "Signed-in neighbours can raise a concern about a published initiative" on public.initiative_concerns
  for insert to authenticated
  with check (profile_id = (select auth.uid()) and public.can_post() and public.is_published_initiative(initiative_id));
revoke update, delete on public.initiative_concerns from anon, authenticated;
revoke all on public.initiative_concerns from anon;

/** How many neighbours support and join a published initiative: counts only, for anyone. */
create function public.initiative_support_counts(p_initiative uuid)
returns table (supporters int, joiners int)
language sql stable security definer set search_path = ''
as $$
  select count(*) filter (where s.kind = 'support')::int, count(*) filter (where s.kind = 'join')::int
  from public.initiative_supports s
  where s.initiative_id = p_initiative
    and exists (select 1 from public.initiatives i where i.id = p_initiative and i.published and i.status = 'sent' and i.hidden_at is null);
$$;
revoke execute on function public.initiative_support_counts(uuid) from public;
grant execute on function public.initiative_support_counts(uuid) to anon, authenticated;

/** Names of the people who raised a concern, for the founders and officers who may read it. */
create function public.initiative_concerns_with_names(p_initiative uuid)
returns table (id uuid, concern text, created_at timestamptz, display_name text, email text)
language sql stable security definer set search_path = ''
as $$
  select c.id, c.concern, c.created_at, p.display_name, p.email
  from public.initiative_concerns c join public.profiles p on p.id = c.profile_id
  where c.initiative_id = p_initiative
    and (public.is_initiative_founder(p_initiative) or public.is_officer_for_initiative(p_initiative))
  order by c.created_at;
$$;
revoke execute on function public.initiative_concerns_with_names(uuid) from public, anon;
grant execute on function public.initiative_concerns_with_names(uuid) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * The state of an ask: "waiting" while an officer's question is open (the clock stands still),
 * and whether a reconsideration is open. Columns added at the end, as a view allows.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * True while an officer's question about the ask waits for the founder: the clock stands still.
 * A yes or no only, so the public view can say "waiting" without showing the question.
 */
create function public.ask_waits_for_founder(p_ask uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.initiative_ask_questions q where q.ask_id = p_ask and q.answered_on is null);
$$;
revoke execute on function public.ask_waits_for_founder(uuid) from public;
grant execute on function public.ask_waits_for_founder(uuid) to anon, authenticated;

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
       q.open as waiting_for_founder
from public.initiative_asks a
join public.initiatives i on i.id = a.initiative_id
left join public.areas ar on ar.id = i.area_id
left join lateral (
  select x.id, x.decision, x.created_at from public.initiative_answers x
  where x.ask_id = a.id order by x.created_at desc, x.id limit 1
) ans on true
cross join lateral (select public.ask_waits_for_founder(a.id) as open) q;

/*
 * ---------------------------------------------------------------------------------------------
 * Recordings of replies and reconsiderations: tied to their item, heard by who may read it.
 * ---------------------------------------------------------------------------------------------
 */

create function public.initiative_reply_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select public.initiative_ask_area(q.ask_id) from public.initiative_question_replies r
  join public.initiative_ask_questions q on q.id = r.question_id where r.id = p_id;
$$;

create function public.initiative_reconsideration_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select public.initiative_ask_area(r.ask_id) from public.initiative_reconsiderations r where r.id = p_id;
$$;

insert into public.item_types (type, table_name, area_function, hidden_column, voice_column) values
  ('initiative_reply', 'public.initiative_question_replies', 'public.initiative_reply_area(uuid)', 'hidden_at', 'voice_id'),
  ('initiative_reconsideration', 'public.initiative_reconsiderations', 'public.initiative_reconsideration_area(uuid)', 'hidden_at', 'voice_id');

create trigger initiative_question_replies_tie_voice after insert on public.initiative_question_replies
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('initiative_reply');
create trigger initiative_reconsiderations_tie_voice after insert on public.initiative_reconsiderations
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('initiative_reconsideration');

create policy "Whoever may read a reply may hear it" on public.voice_messages
  for select to authenticated
  using (subject_type = 'initiative_reply' and exists (select 1 from public.initiative_question_replies r where r.id = subject_id));
create policy "Whoever may read a reconsideration may hear it" on public.voice_messages
  for select to authenticated
  using (subject_type = 'initiative_reconsideration' and exists (select 1 from public.initiative_reconsiderations r where r.id = subject_id));

grant select, insert on public.initiative_ask_questions, public.initiative_question_replies, public.initiative_reconsiderations,
  public.initiative_concerns to authenticated;
grant select, insert, delete on public.initiative_condition_ticks, public.initiative_supports to authenticated;
grant select on public.team_leads to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * Anon reads published initiatives and their answers, but not who founded or answered them:
 * column grants instead of the whole table.
 * ---------------------------------------------------------------------------------------------
 */

revoke select on public.initiatives, public.initiative_answers from anon;
grant select (id, municipality_id, area_id, name, description, voice_id, place, when_text, status, published, created_at, sent_at, hidden_at)
  on public.initiatives to anon;
grant select (id, ask_id, decision, info, conditions, reason, explanation, alternative, supersedes, change_reason, created_at)
  on public.initiative_answers to anon;
