/*
 * ---------------------------------------------------------------------------------------------
 * Carers (mantelzorg): the municipality's rules for the yearly appreciation as settings per
 * municipality per year, and the applications. Only minimal care data is kept: the relationship,
 * since when, an hours band; never a medical detail, never a BSN. A bank account (IBAN) lives in
 * its own table and is deleted once the money is paid. Every change to an application after it
 * was sent goes through a function below, which checks who may do it and logs it.
 * ---------------------------------------------------------------------------------------------
 */

create type public.carer_payout as enum ('money', 'voucher', 'gift');
create type public.carer_applicant_rule as enum ('carer', 'cared_for', 'either');
create type public.carer_relationship as enum ('partner', 'parent', 'child', 'other_family', 'neighbour', 'friend');
create type public.carer_hours_band as enum ('under_4', 'from_4_to_8', 'from_8_to_16', 'over_16');
create type public.carer_application_status as enum ('submitted', 'question', 'approved', 'refused');

/**
 * True when the current user is an officer in a municipal team of this municipality: the team
 * that handles the carers' appreciation.
 */
create function public.is_carer_officer(p_municipality uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
    from public.memberships m
    join public.organisations o on o.id = m.organisation_id
    where m.profile_id = (select auth.uid())
      and m.role = 'officer'
      and o.kind = 'municipal_team'
      and o.municipality_id = p_municipality
  );
$$;
grant execute on function public.is_carer_officer(uuid) to authenticated;

/**
 * The lowest number of hours a week in an hours band.
 */
create function public.carer_hours_from(p_band public.carer_hours_band)
returns int
language sql immutable set search_path = ''
as $$
  select case p_band when 'under_4' then 0 when 'from_4_to_8' then 4 when 'from_8_to_16' then 8 else 16 end;
$$;
grant execute on function public.carer_hours_from(public.carer_hours_band) to authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * The rules, per municipality per year
 * ---------------------------------------------------------------------------------------------
 */

create table public.carer_settings (
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  year int not null check (year between 2020 and 2100),
  opens_on date not null,
  closes_on date not null,
  payout_options public.carer_payout[] not null check (cardinality(payout_options) between 1 and 3),
  amount_cents int check (amount_cents between 100 and 100000),
  budget_cents bigint check (budget_cents between 100 and 100000000),
  gift_choices text[] not null default '{}' check (cardinality(gift_choices) <= 10),
  max_carers_per_person int not null default 6 check (max_carers_per_person between 1 and 20),
  one_per_address boolean not null default false,
  min_hours_per_week int not null default 8 check (min_hours_per_week in (0, 4, 8, 16)),
  min_months int not null default 3 check (min_months between 0 and 24),
  terminal_care_counts boolean not null default true,
  who_may_apply public.carer_applicant_rule not null default 'either',
  young_min_age int not null default 6 check (young_min_age between 0 and 30),
  young_max_age int not null default 25 check (young_max_age between 0 and 30),
  young_wording text check (length(young_wording) <= 500),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.profiles (id) on delete set null,
  primary key (municipality_id, year),
  check (closes_on >= opens_on),
  check (extract(year from opens_on) in (year - 1, year)),
  check (young_min_age <= young_max_age),
  -- Either a fixed amount per carer, or a budget divided over all approved applications.
  check ((amount_cents is null) <> (budget_cents is null)),
  -- Gifts to choose from exactly when a gift can be chosen.
  check (('gift' = any (payout_options)) = (cardinality(gift_choices) > 0))
);
comment on table public.carer_settings is 'A municipality''s rules for the yearly carer appreciation, one row per year. Edited by its carer-support officers; public, so the start page can say what a carer gets.';
comment on column public.carer_settings.amount_cents is 'What one carer gets (money or voucher), in cents. Empty when a budget is divided.';
comment on column public.carer_settings.budget_cents is 'A fixed budget divided over all approved applications of the year, in cents. Empty when the amount is fixed.';
comment on column public.carer_settings.max_carers_per_person is 'At most this many carers get the appreciation for one person cared for (default 6).';
comment on column public.carer_settings.one_per_address is 'When on: one appreciation per address of the person cared for.';
comment on column public.carer_settings.min_hours_per_week is 'Minimum care a week, as the lower bound of an hours band (0, 4, 8 or 16).';
comment on column public.carer_settings.min_months is 'Minimum months of care before applying; terminal care counts at once when terminal_care_counts.';
comment on column public.carer_settings.who_may_apply is 'Who may send the application: the carer, the person cared for, or either. A coordinator after a phone call always may.';
comment on column public.carer_settings.young_wording is 'What the start page says to young carers (ages young_min_age to young_max_age), in the municipality''s own words.';

alter table public.carer_settings enable row level security;

create policy "Anyone can read the rules for carers" on public.carer_settings
  for select to anon, authenticated using (true);
grant select on public.carer_settings to anon; -- the open page "Wat krijgt u?"
create policy "Carer-support officers can set the rules of their municipality" on public.carer_settings
  for insert to authenticated with check (public.is_carer_officer(municipality_id));
create policy "Carer-support officers can change the rules of their municipality" on public.carer_settings
  for update to authenticated
  using (public.is_carer_officer(municipality_id))
  with check (public.is_carer_officer(municipality_id));

create function public.stamp_carer_settings()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  new.updated_by := (select auth.uid());
  return new;
end;
$$;

create trigger carer_settings_stamp
  before insert or update on public.carer_settings
  for each row execute function public.stamp_carer_settings();

/*
 * ---------------------------------------------------------------------------------------------
 * Applications
 * ---------------------------------------------------------------------------------------------
 */

create table public.carer_applications (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  year int not null,
  carer_id uuid not null references public.profiles (id) on delete cascade,
  applied_by uuid references public.profiles (id) on delete set null,
  relationship public.carer_relationship not null,
  cared_for_name text not null check (length(cared_for_name) between 1 and 80),
  cared_for_postcode text not null check (cared_for_postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  cared_for_house_number text not null check (cared_for_house_number ~ '^[0-9]{1,5}[A-Z0-9-]{0,6}$'),
  caring_since date not null,
  hours public.carer_hours_band not null,
  terminal_care boolean not null default false,
  cared_for_lives_here boolean not null,
  payout public.carer_payout not null,
  gift text check (length(gift) <= 80),
  extra text check (length(extra) <= 1000),
  voice_id uuid references public.voice_messages (id) on delete set null,
  status public.carer_application_status not null default 'submitted',
  question text check (length(question) <= 1000),
  answer text check (length(answer) <= 1000),
  refusal_reason text check (length(refusal_reason) <= 1000),
  applied_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by uuid references public.profiles (id) on delete set null,
  paid_at timestamptz,
  foreign key (municipality_id, year) references public.carer_settings (municipality_id, year),
  check ((payout = 'gift') = (gift is not null))
);
comment on table public.carer_applications is 'A carer''s application for the yearly appreciation. Relationship, since when and an hours band only: no medical details, no BSN. Visible to the carer, whoever applied for them, and the municipality''s carer-support officers.';
comment on column public.carer_applications.applied_by is 'Who sent it: the carer, or a coordinator after a phone call (then logged).';
comment on column public.carer_applications.cared_for_name is 'The name of the person cared for, with postcode and house number only to count carers per person and per address.';
comment on column public.carer_applications.caring_since is 'The first day of the month the care began.';
comment on column public.carer_applications.question is 'What the officer asked; the carer''s answer sends the application back to the officer.';
comment on column public.carer_applications.paid_at is 'When the money was paid; the bank account is deleted at that moment.';
create index carer_applications_carer_id_idx on public.carer_applications (carer_id);
create index carer_applications_applied_by_idx on public.carer_applications (applied_by);
create index carer_applications_queue_idx on public.carer_applications (municipality_id, year, status, applied_at);
create index carer_applications_address_idx on public.carer_applications (municipality_id, year, cared_for_postcode, cared_for_house_number);
-- One application per carer per person cared for per year (a refused one does not count).
create unique index carer_applications_once_a_year_idx on public.carer_applications
  (municipality_id, year, carer_id, lower(cared_for_name), cared_for_postcode, cared_for_house_number)
  where status <> 'refused';

alter table public.carer_applications enable row level security;

create policy "Carers can read their own applications" on public.carer_applications
  for select to authenticated using (carer_id = (select auth.uid()));
create policy "People can read the applications they sent for someone else" on public.carer_applications
  for select to authenticated using (applied_by = (select auth.uid()));
create policy "Carer-support officers can read the applications of their municipality" on public.carer_applications
  for select to authenticated using (public.is_carer_officer(municipality_id));
create policy "Carers can apply for themselves" on public.carer_applications
  for insert to authenticated
  with check (carer_id = (select auth.uid()) and applied_by = (select auth.uid()) and public.can_post());
create policy "Coordinators can apply for a resident of their areas" on public.carer_applications
  for insert to authenticated
  with check (applied_by = (select auth.uid()) and carer_id <> (select auth.uid())
              and public.is_coordinator_for_person(carer_id));
-- No update or delete policies: decisions, questions and answers go through the functions below.
revoke update, delete on public.carer_applications from anon, authenticated;

/**
 * Before an application is saved: the rules of its year, checked where nobody can skip them.
 * The window, who may apply, the minimum care, the payout on offer, at most N carers per person
 * cared for and (if set) one per address. Refusals carry an i18n key as their message.
 * Security definer: counting other carers' applications must see past RLS.
 */
create function public.check_carer_application()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  s public.carer_settings;
  today date := (now() at time zone 'Europe/Amsterdam')::date;
  others int;
begin
  new.status := 'submitted';
  new.applied_at := now();
  new.question := null;
  new.answer := null;
  new.refusal_reason := null;
  new.decided_at := null;
  new.decided_by := null;
  new.paid_at := null;
  select * into s from public.carer_settings where municipality_id = new.municipality_id and year = new.year;
  if not found then
    raise exception 'carers.errors.no_settings' using errcode = 'P0002';
  end if;
  if today < s.opens_on or today > s.closes_on then
    raise exception 'carers.errors.outside_window' using errcode = 'P0001';
  end if;
  if new.applied_by = new.carer_id and s.who_may_apply = 'cared_for' then
    raise exception 'carers.errors.carer_may_not_apply' using errcode = 'P0001';
  end if;
  if new.caring_since > today then
    raise exception 'carers.errors.since_future' using errcode = '22023';
  end if;
  if not (new.terminal_care and s.terminal_care_counts) then
    if public.carer_hours_from(new.hours) < s.min_hours_per_week then
      raise exception 'carers.errors.too_few_hours' using errcode = 'P0001';
    end if;
    if new.caring_since > today - make_interval(months => s.min_months) then
      raise exception 'carers.errors.too_short' using errcode = 'P0001';
    end if;
  end if;
  if not (new.payout = any (s.payout_options)) or (new.payout = 'gift' and not (new.gift = any (s.gift_choices))) then
    raise exception 'carers.errors.payout_not_offered' using errcode = '22023';
  end if;
  -- One at a time per address, so two carers applying at once cannot both be the seventh.
  perform pg_advisory_xact_lock(hashtext(concat_ws('/', 'carers', new.municipality_id, new.year, new.cared_for_postcode, new.cared_for_house_number)));
  if s.one_per_address and exists (
    select 1 from public.carer_applications a
    where a.municipality_id = new.municipality_id and a.year = new.year and a.status <> 'refused'
      and a.cared_for_postcode = new.cared_for_postcode and a.cared_for_house_number = new.cared_for_house_number
      and a.carer_id <> new.carer_id
  ) then
    raise exception 'carers.errors.address_taken' using errcode = 'P0001';
  end if;
  select count(distinct a.carer_id) into others from public.carer_applications a
  where a.municipality_id = new.municipality_id and a.year = new.year and a.status <> 'refused'
    and lower(a.cared_for_name) = lower(new.cared_for_name)
    and a.cared_for_postcode = new.cared_for_postcode and a.cared_for_house_number = new.cared_for_house_number
    and a.carer_id <> new.carer_id;
  if others >= s.max_carers_per_person then
    raise exception 'carers.errors.too_many_carers' using errcode = 'P0001';
  end if;
  if new.applied_by is distinct from new.carer_id then
    insert into public.audit_log (actor_id, on_behalf_of, action, details)
    values ((select auth.uid()), new.carer_id, 'carer.applied_on_behalf', jsonb_build_object('year', new.year));
  end if;
  return new;
end;
$$;

create trigger carer_applications_check
  before insert on public.carer_applications
  for each row execute function public.check_carer_application();

/*
 * The bank account for money, apart from the application: read by the carer, whoever applied
 * and the officers; deleted when the money is paid (carer_mark_paid). The IBAN is checked
 * (country and checksum) by the server with ibantools; here only its shape.
 */
create table public.carer_bank_accounts (
  application_id uuid primary key references public.carer_applications (id) on delete cascade,
  iban text not null check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
  account_holder text not null check (length(account_holder) between 2 and 80)
);
comment on table public.carer_bank_accounts is 'Where the money of an approved application goes. Kept only until it is paid (carer_mark_paid()) or refused (carer_decide()): both delete the row.';

alter table public.carer_bank_accounts enable row level security;

-- Each subquery runs under carer_applications' own policies.
create policy "Who may read an application may read its bank account" on public.carer_bank_accounts
  for select to authenticated
  using (exists (select 1 from public.carer_applications a where a.id = application_id));
create policy "Who sent an application can add its bank account while it is new" on public.carer_bank_accounts
  for insert to authenticated
  with check (exists (
    select 1 from public.carer_applications a
    where a.id = application_id and a.applied_by = (select auth.uid()) and a.status = 'submitted' and a.payout = 'money'
  ));
revoke update, delete on public.carer_bank_accounts from anon, authenticated;

/**
 * Sends an application and, for money, its bank account, in one transaction: both or neither.
 * Security invoker: the insert policies and the check trigger above decide.
 */
create function public.carer_apply(
  p_municipality uuid, p_year int, p_carer uuid, p_relationship public.carer_relationship,
  p_cared_for_name text, p_cared_for_postcode text, p_cared_for_house_number text,
  p_caring_since date, p_hours public.carer_hours_band, p_terminal_care boolean, p_cared_for_lives_here boolean,
  p_payout public.carer_payout, p_gift text default null, p_iban text default null, p_account_holder text default null,
  p_extra text default null, p_voice_id uuid default null
)
returns uuid
language plpgsql security invoker set search_path = ''
as $$
declare
  new_id uuid := gen_random_uuid();
begin
  if (p_payout = 'money') <> (p_iban is not null) then
    raise exception 'carers.errors.iban_missing' using errcode = '22023';
  end if;
  insert into public.carer_applications (
    id, municipality_id, year, carer_id, applied_by, relationship, cared_for_name, cared_for_postcode,
    cared_for_house_number, caring_since, hours, terminal_care, cared_for_lives_here, payout, gift, extra, voice_id
  ) values (
    new_id, p_municipality, p_year, p_carer, (select auth.uid()), p_relationship, p_cared_for_name, p_cared_for_postcode,
    p_cared_for_house_number, p_caring_since, p_hours, p_terminal_care, p_cared_for_lives_here, p_payout,
    case when p_payout = 'gift' then p_gift end, nullif(p_extra, ''), p_voice_id
  );
  if p_payout = 'money' then
    insert into public.carer_bank_accounts (application_id, iban, account_holder) values (new_id, p_iban, p_account_holder);
  end if;
  return new_id;
end;
$$;
grant execute on function public.carer_apply(uuid, int, uuid, public.carer_relationship, text, text, text, date,
  public.carer_hours_band, boolean, boolean, public.carer_payout, text, text, text, text, uuid) to authenticated;

/**
 * An officer's decision on an application that waits for one: 'approve', 'ask' (a question,
 * which the carer answers) or 'refuse' (always with a reason). Logged.
 */
create function public.carer_decide(p_application uuid, p_decision text, p_text text default null)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  a public.carer_applications;
begin
  select * into a from public.carer_applications where id = p_application for update;
  if not found or not public.is_carer_officer(a.municipality_id) then
    raise exception 'carers.errors.not_found' using errcode = 'P0002';
  end if;
  if a.status <> 'submitted' then
    raise exception 'carers.errors.not_waiting' using errcode = 'P0001';
  end if;
  if p_decision in ('ask', 'refuse') and length(trim(coalesce(p_text, ''))) < 5 then
    raise exception 'carers.errors.reason_missing' using errcode = '22023';
  end if;
  if p_decision = 'approve' then
    update public.carer_applications set status = 'approved', decided_at = now(), decided_by = (select auth.uid())
    where id = p_application;
  elsif p_decision = 'ask' then
    update public.carer_applications set status = 'question', question = trim(p_text), answer = null
    where id = p_application;
  elsif p_decision = 'refuse' then
    update public.carer_applications
    set status = 'refused', refusal_reason = trim(p_text), decided_at = now(), decided_by = (select auth.uid())
    where id = p_application;
    -- No money will follow: the bank account goes now.
    delete from public.carer_bank_accounts where application_id = p_application;
  else
    raise exception 'carers.errors.unknown_decision' using errcode = '22023';
  end if;
  insert into public.audit_log (actor_id, on_behalf_of, action, details)
  values ((select auth.uid()), a.carer_id, 'carer.' || p_decision, jsonb_build_object('application', p_application));
end;
$$;
grant execute on function public.carer_decide(uuid, text, text) to authenticated;

/**
 * The carer (or whoever applied for them) answers the officer's question; the application goes
 * back to the officer.
 */
create function public.carer_answer(p_application uuid, p_answer text)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  a public.carer_applications;
begin
  select * into a from public.carer_applications where id = p_application for update;
  if not found or (select auth.uid()) not in (a.carer_id, a.applied_by) then
    raise exception 'carers.errors.not_found' using errcode = 'P0002';
  end if;
  if a.status <> 'question' then
    raise exception 'carers.errors.no_question' using errcode = 'P0001';
  end if;
  if length(trim(coalesce(p_answer, ''))) < 2 then
    raise exception 'carers.errors.answer_missing' using errcode = '22023';
  end if;
  update public.carer_applications set status = 'submitted', answer = trim(p_answer) where id = p_application;
  insert into public.audit_log (actor_id, on_behalf_of, action, details)
  values ((select auth.uid()), a.carer_id, 'carer.answered', jsonb_build_object('application', p_application));
end;
$$;
grant execute on function public.carer_answer(uuid, text) to authenticated;

/**
 * An officer notes that the money of an approved application was paid; the bank account is
 * deleted then, so Omzien keeps an IBAN no longer than it needs it.
 */
create function public.carer_mark_paid(p_application uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  a public.carer_applications;
begin
  select * into a from public.carer_applications where id = p_application for update;
  if not found or not public.is_carer_officer(a.municipality_id) then
    raise exception 'carers.errors.not_found' using errcode = 'P0002';
  end if;
  if a.status <> 'approved' or a.payout <> 'money' or a.paid_at is not null then
    raise exception 'carers.errors.not_payable' using errcode = 'P0001';
  end if;
  update public.carer_applications set paid_at = now() where id = p_application;
  delete from public.carer_bank_accounts where application_id = p_application;
  insert into public.audit_log (actor_id, on_behalf_of, action, details)
  values ((select auth.uid()), a.carer_id, 'carer.paid', jsonb_build_object('application', p_application));
end;
$$;
grant execute on function public.carer_mark_paid(uuid) to authenticated;

/**
 * The carers' names of these applications, for whoever may read each application (the carer,
 * whoever applied for them, the officers of its municipality): officers may not read profiles.
 */
create function public.carer_names(p_ids uuid[])
returns table (id uuid, carer_name text)
language sql stable security definer set search_path = ''
as $$
  select a.id, p.display_name
  from public.carer_applications a join public.profiles p on p.id = a.carer_id
  where a.id = any (p_ids)
    and ((select auth.uid()) in (a.carer_id, a.applied_by) or public.is_carer_officer(a.municipality_id));
$$;
grant execute on function public.carer_names(uuid[]) to authenticated;

/**
 * What one carer gets this year in cents: the fixed amount, or the budget divided over the
 * approved applications (at least one, so the first approval shows the whole budget).
 */
create function public.carer_amount(p_municipality uuid, p_year int)
returns int
language sql stable security definer set search_path = ''
as $$
  select coalesce(s.amount_cents, (s.budget_cents / greatest(1, (
    select count(*) from public.carer_applications a
    where a.municipality_id = s.municipality_id and a.year = s.year and a.status = 'approved'
  )))::int)
  from public.carer_settings s where s.municipality_id = p_municipality and s.year = p_year;
$$;
-- anon too: the start page "Wat krijgt u?" is open to everyone, and this is one public number.
grant execute on function public.carer_amount(uuid, int) to anon, authenticated;

/*
 * ---------------------------------------------------------------------------------------------
 * The application as an item of the shared rooms: notifications about it, and its recording
 * (anything extra, spoken), heard by whoever may read the application.
 * ---------------------------------------------------------------------------------------------
 */

create function public.carer_application_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select p.area_id from public.carer_applications a join public.profiles p on p.id = a.carer_id where a.id = p_id;
$$;

create function public.carer_application_closed_at(p_id uuid)
returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select case when a.status in ('approved', 'refused') then a.decided_at end from public.carer_applications a where a.id = p_id;
$$;

insert into public.item_types (type, table_name, area_function, hidden_column, voice_column, closed_at_function) values
  ('carer_application', 'public.carer_applications', 'public.carer_application_area(uuid)', null, 'voice_id', 'public.carer_application_closed_at(uuid)');

create trigger carer_applications_tie_voice after insert on public.carer_applications
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('carer_application');

create policy "Whoever may read a carer application may hear its recording" on public.voice_messages
  for select to authenticated
  using (subject_type = 'carer_application' and exists (select 1 from public.carer_applications a where a.id = subject_id));

/*
 * ---------------------------------------------------------------------------------------------
 * "Hoe gaat het met u?": a short, optional check for carers, never part of the appreciation.
 * Five statements on a scale of 1 (not at all) to 5 (very much), in the manner of the EDIZ; the
 * carer sees their own history; the carer-support team sees only counts (carer_check_counts())
 * and the call-back requests a carer makes.
 * ---------------------------------------------------------------------------------------------
 */

create table public.carer_checks (
  id uuid primary key default gen_random_uuid(),
  carer_id uuid not null references public.profiles (id) on delete cascade,
  answers smallint[] not null check (cardinality(answers) = 5 and 1 <= all (answers) and 5 >= all (answers)),
  created_at timestamptz not null default now()
);
comment on table public.carer_checks is 'A carer''s answers to "Hoe gaat het met u?" (five statements, 1 = not at all, 5 = very much). Private to the carer; the team sees counts only.';
create index carer_checks_carer_id_idx on public.carer_checks (carer_id, created_at desc);

alter table public.carer_checks enable row level security;
create policy "Carers can read their own checks" on public.carer_checks
  for select to authenticated using (carer_id = (select auth.uid()));
create policy "Carers can add a check of their own" on public.carer_checks
  for insert to authenticated with check (carer_id = (select auth.uid()));
revoke update, delete on public.carer_checks from anon, authenticated;

/**
 * True when the answers of a check show a high burden: on average 3.5 or more, or any statement
 * answered "very much" (5).
 */
create function public.carer_check_is_heavy(p_answers smallint[])
returns boolean
language sql immutable set search_path = ''
as $$
  select (select avg(a) from unnest(p_answers) a) >= 3.5 or 5 = any (p_answers);
$$;
grant execute on function public.carer_check_is_heavy(smallint[]) to authenticated;

create table public.carer_call_backs (
  id uuid primary key default gen_random_uuid(),
  check_id uuid not null unique references public.carer_checks (id) on delete cascade,
  carer_id uuid not null references public.profiles (id) on delete cascade,
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  created_at timestamptz not null default now(),
  done_at timestamptz
);
comment on table public.carer_call_backs is 'A carer asked to be called back after a check: one task for the municipality''s carer-support team. Made by carer_ask_call_back().';
create index carer_call_backs_open_idx on public.carer_call_backs (municipality_id, created_at) where done_at is null;
create index carer_call_backs_carer_id_idx on public.carer_call_backs (carer_id);

alter table public.carer_call_backs enable row level security;
create policy "Carers can read their own call-back requests" on public.carer_call_backs
  for select to authenticated using (carer_id = (select auth.uid()));
create policy "Carer-support officers can read the call-back requests of their municipality" on public.carer_call_backs
  for select to authenticated using (public.is_carer_officer(municipality_id));
create policy "Carer-support officers can mark a call-back as done" on public.carer_call_backs
  for update to authenticated
  using (public.is_carer_officer(municipality_id))
  with check (public.is_carer_officer(municipality_id));
revoke insert, update, delete on public.carer_call_backs from anon, authenticated;
grant update (done_at) on public.carer_call_backs to authenticated;

/**
 * The carer asks to be called back after one of their own checks: one task for the team of the
 * municipality they live in. A second request for the same check is refused (unique).
 */
create function public.carer_ask_call_back(p_check uuid)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  place uuid;
  new_id uuid;
begin
  select a.municipality_id into place
  from public.carer_checks c
  join public.profiles p on p.id = c.carer_id
  join public.areas a on a.id = p.area_id
  where c.id = p_check and c.carer_id = (select auth.uid());
  if place is null then
    raise exception 'carers.errors.not_found' using errcode = 'P0002';
  end if;
  insert into public.carer_call_backs (check_id, carer_id, municipality_id)
  values (p_check, (select auth.uid()), place)
  returning id into new_id;
  return new_id;
end;
$$;
grant execute on function public.carer_ask_call_back(uuid) to authenticated;

/**
 * For the carer-support team: how many checks carers in the municipality did this year, how many
 * showed a high burden, and how many asked for a call-back. Counts only; a count under 5 is
 * returned as null, so no single carer can be picked out.
 */
create function public.carer_check_counts(p_municipality uuid, p_year int)
returns table (checks int, heavy int, call_backs int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not public.is_carer_officer(p_municipality) then
    raise exception 'carers.errors.not_allowed' using errcode = '42501';
  end if;
  return query
  with mine as (
    select c.* from public.carer_checks c
    join public.profiles p on p.id = c.carer_id
    join public.areas a on a.id = p.area_id
    where a.municipality_id = p_municipality and extract(year from c.created_at at time zone 'Europe/Amsterdam') = p_year
  ), counted as (
    select count(*)::int as checks,
           count(*) filter (where public.carer_check_is_heavy(answers))::int as heavy,
           (select count(*)::int from public.carer_call_backs b where b.check_id in (select id from mine)) as call_backs
    from mine
  )
  select case when n.checks >= 5 then n.checks end,
         case when n.heavy >= 5 then n.heavy end,
         case when n.call_backs >= 5 then n.call_backs end
  from counted n;
end;
$$;
grant execute on function public.carer_check_counts(uuid, int) to authenticated;

/**
 * The open call-back requests of a municipality, with what the team needs to call: the carer's
 * name and phone number (or e-mail). Only for its carer-support officers.
 */
create function public.carer_call_back_list(p_municipality uuid)
returns table (id uuid, created_at timestamptz, display_name text, phone text, email text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not public.is_carer_officer(p_municipality) then
    raise exception 'carers.errors.not_allowed' using errcode = '42501';
  end if;
  return query
  select b.id, b.created_at, p.display_name, p.phone, p.email
  from public.carer_call_backs b join public.profiles p on p.id = b.carer_id
  where b.municipality_id = p_municipality and b.done_at is null
  order by b.created_at;
end;
$$;
grant execute on function public.carer_call_back_list(uuid) to authenticated;
