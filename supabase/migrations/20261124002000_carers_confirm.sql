/*
 * ---------------------------------------------------------------------------------------------
 * Carers: the person cared for confirms the application, instead of signing a letter. With one
 * click from a link by e-mail, or with a short code the carer gives them on paper or by phone;
 * or a coordinator (or an officer) confirms after a phone call, logged. Codes and links are made
 * here from the database's strong random source, valid for six weeks, usable once; only their
 * SHA-256 is kept. Guessing is limited per client and in total (carer_confirm_tries).
 * An officer can approve only a confirmed application. Not confirmed two weeks after applying:
 * the carer is reminded once; four weeks: the officers are told (claimed by a job, see below).
 * ---------------------------------------------------------------------------------------------
 */

create type public.carer_confirm_how as enum ('code', 'link', 'phone');

create table public.carer_confirmations (
  application_id uuid primary key references public.carer_applications (id) on delete cascade,
  code_hash text unique check (code_hash ~ '^[0-9a-f]{64}$'),
  link_hash text unique check (link_hash ~ '^[0-9a-f]{64}$'),
  issued_at timestamptz,
  expires_at timestamptz,
  confirmed_at timestamptz,
  confirmed_how public.carer_confirm_how,
  confirmed_by uuid references public.profiles (id) on delete set null,
  reminded_at timestamptz,
  escalated_at timestamptz,
  check ((confirmed_at is null) = (confirmed_how is null)),
  check ((code_hash is null) = (expires_at is null))
);
comment on table public.carer_confirmations is 'Whether the person cared for confirmed an application: one row per application (made with it). The paper code and the e-mail link are kept only as SHA-256; both are usable once and until expires_at.';
comment on column public.carer_confirmations.code_hash is 'SHA-256 (hex) of the short code, normalised by carer_secret_hash(). A new code replaces the old one.';
comment on column public.carer_confirmations.link_hash is 'SHA-256 (hex) of the token in the e-mailed link.';
comment on column public.carer_confirmations.confirmed_by is 'Who confirmed when signed in: the coordinator or officer after a phone call; empty for a code or link used without an account.';
comment on column public.carer_confirmations.reminded_at is 'When the carer was reminded that the confirmation is missing (once).';
comment on column public.carer_confirmations.escalated_at is 'When the officers were told that the confirmation is late (once).';
create index carer_confirmations_open_idx on public.carer_confirmations (application_id) where confirmed_at is null;

alter table public.carer_confirmations enable row level security;
-- The subquery runs under carer_applications' own policies: the carer, whoever applied, the officers.
create policy "Who may read an application may read whether it is confirmed" on public.carer_confirmations
  for select to authenticated
  using (exists (select 1 from public.carer_applications a where a.id = application_id));
revoke all on public.carer_confirmations from anon, authenticated;
-- Not the hashes: nobody outside the functions below needs them.
grant select (application_id, issued_at, expires_at, confirmed_at, confirmed_how, reminded_at, escalated_at)
  on public.carer_confirmations to authenticated;

create function public.make_carer_confirmation()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.carer_confirmations (application_id) values (new.id);
  return new;
end;
$$;

create trigger carer_applications_confirmation after insert on public.carer_applications
  for each row execute function public.make_carer_confirmation();

insert into public.carer_confirmations (application_id) select id from public.carer_applications on conflict do nothing;

/**
 * A random code of this many characters from an alphabet without look-alikes (no 0, O, 1, I, L):
 * 31 characters, so ten carry about 49 bits. The bytes come from gen_random_uuid(), which draws
 * on the server's strong random source (only the 12 bytes without version or variant bits are
 * used; a byte of 248 or more is skipped, so every character is equally likely).
 */
create function public.carer_random_code(p_length int)
returns text
language plpgsql volatile set search_path = ''
as $$
declare
  alphabet constant text := 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  pool bytea;
  result text := '';
  b int;
  i int;
begin
  while length(result) < p_length loop
    pool := substring(uuid_send(gen_random_uuid()) from 1 for 6) || substring(uuid_send(gen_random_uuid()) from 11 for 6);
    for i in 0 .. length(pool) - 1 loop
      b := get_byte(pool, i);
      if b < 248 and length(result) < p_length then
        result := result || substr(alphabet, (b % 31) + 1, 1);
      end if;
    end loop;
  end loop;
  return result;
end;
$$;

/**
 * The SHA-256 (hex) of a code or token as typed: spaces and dashes dropped, capitals, so
 * "abcde fghjk" and "ABCDE-FGHJK" are the same code.
 */
create function public.carer_secret_hash(p_secret text)
returns text
language sql immutable set search_path = ''
as $$
  select encode(sha256(convert_to(upper(regexp_replace(coalesce(p_secret, ''), '[^A-Za-z0-9]', '', 'g')), 'UTF8')), 'hex');
$$;

/**
 * A new code (ten characters, shown as ABCDE-FGHJK) and link token (32 characters) for the
 * person cared for, valid for six weeks; any earlier code and link stop working. Only the
 * carer or whoever applied may ask, while the application is not refused or confirmed. The
 * plain code is returned once and never kept. Logged.
 */
create function public.carer_new_confirmation(p_application uuid)
returns table (code text, token text, expires_at timestamptz)
language plpgsql security definer set search_path = ''
as $$
declare
  a public.carer_applications;
  c public.carer_confirmations;
  new_code text := public.carer_random_code(10);
  new_token text := public.carer_random_code(32);
  until timestamptz := now() + interval '42 days';
begin
  select * into a from public.carer_applications where id = p_application;
  if not found or (select auth.uid()) is null or (select auth.uid()) not in (a.carer_id, coalesce(a.applied_by, a.carer_id)) then
    raise exception 'carers.errors.not_found' using errcode = 'P0002';
  end if;
  select * into c from public.carer_confirmations where application_id = p_application for update;
  if a.status = 'refused' or c.confirmed_at is not null then
    raise exception 'carers.errors.no_confirmation_needed' using errcode = 'P0001';
  end if;
  update public.carer_confirmations
  set code_hash = public.carer_secret_hash(new_code), link_hash = public.carer_secret_hash(new_token),
      issued_at = now(), expires_at = until
  where application_id = p_application;
  insert into public.audit_log (actor_id, on_behalf_of, action, details)
  values ((select auth.uid()), a.carer_id, 'carer.confirmation_code', jsonb_build_object('application', p_application));
  return query select substr(new_code, 1, 5) || '-' || substr(new_code, 6, 5), new_token, until;
end;
$$;
grant execute on function public.carer_new_confirmation(uuid) to authenticated;

/*
 * Guessing: every wrong, used or expired code counts as a try, per client (the site passes a
 * hash of the visitor's IP address) and in total. Ten tries an hour per client, 500 in total
 * (then everyone waits): with 31^10 codes, finding any one of 50,000 open codes at that pace
 * takes years. Someone calling the API directly with made-up client names meets the total.
 */
create table public.carer_confirm_tries (
  id bigint generated always as identity primary key,
  client text not null check (length(client) <= 100),
  at timestamptz not null default now()
);
comment on table public.carer_confirm_tries is 'Failed tries of a confirmation code or link, to limit guessing (per client and in total). No policies: only the functions below read and write it; kept a day.';
create index carer_confirm_tries_at_idx on public.carer_confirm_tries (at);
create index carer_confirm_tries_client_idx on public.carer_confirm_tries (client, at);
alter table public.carer_confirm_tries enable row level security;
revoke all on public.carer_confirm_tries from anon, authenticated;

create function public.carer_confirm_blocked(p_client text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select count(*) from public.carer_confirm_tries t where t.client = p_client and t.at > now() - interval '1 hour') >= 10
      or (select count(*) from public.carer_confirm_tries t where t.at > now() - interval '1 hour') >= 500;
$$;

/**
 * What the person cared for sees before confirming, for a code or link token: the carer's
 * name, the year, the relationship and the hours a week; nothing else. state is 'open',
 * 'wrong', 'used', 'expired' or 'too_many' (then the other columns are empty). A code that
 * does not fit counts as a try. For anyone, signed in or not: the code is the key.
 */
create function public.carer_confirmation_lookup(p_secret text, p_client text)
returns table (state text, carer_name text, year int, relationship public.carer_relationship, hours public.carer_hours_band)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  h text := public.carer_secret_hash(p_secret);
  c public.carer_confirmations;
begin
  if public.carer_confirm_blocked(coalesce(p_client, '')) then
    return query select 'too_many'::text, null::text, null::int, null::public.carer_relationship, null::public.carer_hours_band;
    return;
  end if;
  select * into c from public.carer_confirmations x where x.code_hash = h or x.link_hash = h;
  if not found or length(regexp_replace(coalesce(p_secret, ''), '[^A-Za-z0-9]', '', 'g')) < 10 then
    insert into public.carer_confirm_tries (client) values (left(coalesce(p_client, ''), 100));
    return query select 'wrong'::text, null::text, null::int, null::public.carer_relationship, null::public.carer_hours_band;
    return;
  end if;
  if c.confirmed_at is not null or exists (select 1 from public.carer_applications a where a.id = c.application_id and a.status = 'refused') then
    insert into public.carer_confirm_tries (client) values (left(coalesce(p_client, ''), 100));
    return query select 'used'::text, null::text, null::int, null::public.carer_relationship, null::public.carer_hours_band;
    return;
  end if;
  if c.expires_at < now() then
    insert into public.carer_confirm_tries (client) values (left(coalesce(p_client, ''), 100));
    return query select 'expired'::text, null::text, null::int, null::public.carer_relationship, null::public.carer_hours_band;
    return;
  end if;
  return query
  select 'open'::text, p.display_name, a.year, a.relationship, a.hours
  from public.carer_applications a join public.profiles p on p.id = a.carer_id
  where a.id = c.application_id;
end;
$$;
-- anon too: the person cared for rarely has an account; the code is the key (see the tries above).
grant execute on function public.carer_confirmation_lookup(text, text) to anon, authenticated;

/**
 * The person cared for confirms with the code or the link token: once. Returns the state as
 * carer_confirmation_lookup() does, 'confirmed' when it worked, or 'own' when the carer (or
 * whoever applied) tries to confirm their own application while signed in.
 */
create function public.carer_confirm_with_secret(p_secret text, p_client text)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  found_state text;
  h text := public.carer_secret_hash(p_secret);
  c public.carer_confirmations;
  a public.carer_applications;
begin
  select l.state into found_state from public.carer_confirmation_lookup(p_secret, p_client) l;
  if found_state <> 'open' then
    return found_state;
  end if;
  select * into c from public.carer_confirmations x where x.code_hash = h or x.link_hash = h for update;
  select * into a from public.carer_applications where id = c.application_id;
  if (select auth.uid()) is not null and (select auth.uid()) in (a.carer_id, coalesce(a.applied_by, a.carer_id)) then
    return 'own';
  end if;
  if c.confirmed_at is not null then
    return 'used'; -- someone else was a moment earlier
  end if;
  update public.carer_confirmations
  set confirmed_at = now(), confirmed_how = case when c.link_hash = h then 'link' else 'code' end::public.carer_confirm_how,
      confirmed_by = (select auth.uid())
  where application_id = c.application_id;
  insert into public.audit_log (actor_id, on_behalf_of, action, details)
  values ((select auth.uid()), a.carer_id, 'carer.confirmed',
          jsonb_build_object('application', a.id, 'how', case when c.link_hash = h then 'link' else 'code' end));
  return 'confirmed';
end;
$$;
grant execute on function public.carer_confirm_with_secret(text, text) to anon, authenticated;

/**
 * A coordinator of the carer's area, or an officer of the municipality, confirms after a phone
 * call with the person cared for. Logged with a short note of the call.
 */
create function public.carer_confirm_by_phone(p_application uuid, p_note text)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  a public.carer_applications;
  c public.carer_confirmations;
begin
  select * into a from public.carer_applications where id = p_application;
  if not found or not (public.is_coordinator_for_person(a.carer_id) or public.is_carer_officer(a.municipality_id)) then
    raise exception 'carers.errors.not_found' using errcode = 'P0002';
  end if;
  if (select auth.uid()) = a.carer_id then
    raise exception 'carers.errors.confirm_own' using errcode = 'P0001';
  end if;
  select * into c from public.carer_confirmations where application_id = p_application for update;
  if c.confirmed_at is not null or a.status = 'refused' then
    raise exception 'carers.errors.no_confirmation_needed' using errcode = 'P0001';
  end if;
  if length(trim(coalesce(p_note, ''))) < 5 or length(p_note) > 500 then
    raise exception 'carers.errors.call_note_missing' using errcode = '22023';
  end if;
  update public.carer_confirmations
  set confirmed_at = now(), confirmed_how = 'phone', confirmed_by = (select auth.uid())
  where application_id = p_application;
  insert into public.audit_log (actor_id, on_behalf_of, action, details)
  values ((select auth.uid()), a.carer_id, 'carer.confirmed',
          jsonb_build_object('application', p_application, 'how', 'phone', 'note', trim(p_note)));
end;
$$;
grant execute on function public.carer_confirm_by_phone(uuid, text) to authenticated;

/**
 * Whether an application is confirmed, waiting, or late (not confirmed four weeks after it was
 * sent): derived from the time, not written by a timer. A computed field for PostgREST
 * (select=carer_confirmation_state); security invoker: the caller's own rights decide.
 */
create function public.carer_confirmation_state(a public.carer_applications)
returns text
language sql stable set search_path = ''
as $$
  select case
    when c.confirmed_at is not null then 'confirmed'
    when a.status = 'refused' then 'not_needed'
    when a.applied_at < now() - interval '28 days' then 'late'
    else 'waiting'
  end
  from public.carer_confirmations c where c.application_id = a.id;
$$;
grant execute on function public.carer_confirmation_state(public.carer_applications) to authenticated;

/** An officer approves only what the person cared for confirmed; whoever changes the status. */
create function public.check_carer_approval()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status = 'approved' and old.status <> 'approved' and not exists (
    select 1 from public.carer_confirmations c where c.application_id = new.id and c.confirmed_at is not null
  ) then
    raise exception 'carers.errors.not_confirmed' using errcode = 'P0001';
  end if;
  return new;
end;
$$;

create trigger carer_applications_approval before update of status on public.carer_applications
  for each row execute function public.check_carer_approval();

/**
 * For the job: applications still not confirmed two weeks after they were sent, each claimed
 * once (reminded_at), with the carer and whoever applied. Service role only.
 */
create function public.carer_claim_confirmation_reminders()
returns table (application_id uuid, carer_id uuid, applied_by uuid)
language sql volatile security definer set search_path = ''
as $$
  update public.carer_confirmations c set reminded_at = now()
  from public.carer_applications a
  where a.id = c.application_id and c.confirmed_at is null and c.reminded_at is null
    and a.status in ('submitted', 'question') and a.applied_at < now() - interval '14 days'
  returning c.application_id, a.carer_id, a.applied_by;
$$;
grant execute on function public.carer_claim_confirmation_reminders() to service_role;

/**
 * For the job: applications not confirmed four weeks after they were sent, claimed once
 * (escalated_at), with the officers of their municipality to tell. Also forgets failed code
 * tries older than a day. Service role only.
 */
create function public.carer_claim_confirmation_escalations()
returns table (application_id uuid, officer_ids uuid[])
language plpgsql volatile security definer set search_path = ''
as $$
begin
  delete from public.carer_confirm_tries where at < now() - interval '1 day';
  return query
  with claimed as (
    update public.carer_confirmations c set escalated_at = now()
    from public.carer_applications a
    where a.id = c.application_id and c.confirmed_at is null and c.escalated_at is null
      and a.status in ('submitted', 'question') and a.applied_at < now() - interval '28 days'
    returning c.application_id, a.municipality_id
  )
  select cl.application_id, array(
    select m.profile_id from public.memberships m join public.organisations o on o.id = m.organisation_id
    where m.role = 'officer' and o.kind = 'municipal_team' and o.municipality_id = cl.municipality_id
  )
  from claimed cl;
end;
$$;
grant execute on function public.carer_claim_confirmation_escalations() to service_role;
