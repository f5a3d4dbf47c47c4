/*
 * ---------------------------------------------------------------------------------------------
 * Voice messages: wherever Omzien asks for text, a spoken message is enough. The audio lives in
 * Postgres (voice_audio, bytea) so it is private, behind the same RLS, and works the same on the
 * local stack and on hosted Supabase. The server serves it after checking who asks.
 * ---------------------------------------------------------------------------------------------
 */

create type public.voice_purpose as enum ('request', 'message', 'thanks');

create table public.voice_messages (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null references public.profiles (id) on delete cascade,
  request_id uuid references public.help_requests (id) on delete cascade,
  purpose public.voice_purpose not null,
  mime_type text not null check (mime_type in ('audio/webm', 'audio/ogg', 'audio/mp4', 'audio/mpeg', 'audio/wav')),
  byte_size int not null check (byte_size between 1 and 12582912),
  duration_ms int check (duration_ms between 0 and 125000),
  transcript text check (length(transcript) <= 5000),
  transcript_source text check (transcript_source in ('automatic', 'corrected')),
  audio_deleted_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.voice_messages is 'A spoken message. request_id is empty while it is a draft in the ask form.';
create index voice_messages_request_idx on public.voice_messages (request_id);
create index voice_messages_author_idx on public.voice_messages (author_id);

create table public.voice_audio (
  voice_id uuid primary key references public.voice_messages (id) on delete cascade,
  bytes bytea not null
);
comment on table public.voice_audio is 'The audio itself, apart from its description so lists never load it. Deleted by the retention job.';

alter table public.help_requests add column voice_id uuid references public.voice_messages (id) on delete set null;
alter table public.help_requests add column summary text check (length(summary) <= 1000);
comment on column public.help_requests.summary is 'A written summary of a spoken request, by a coordinator, for volunteers who cannot listen.';
alter table public.help_requests drop constraint help_requests_description_check;
alter table public.help_requests add constraint help_requests_description_check
  check (length(description) <= 1000 and (length(description) > 0 or voice_id is not null));

alter table public.help_messages add column voice_id uuid references public.voice_messages (id) on delete set null;
alter table public.help_messages drop constraint help_messages_body_check;
alter table public.help_messages add constraint help_messages_body_check
  check (length(body) <= 1000 and (length(body) > 0 or voice_id is not null));

alter table public.voice_messages enable row level security;
alter table public.voice_audio enable row level security;

/**
 * Who may listen: the author, the matched other side of the request, coordinators of its area.
 */
create function public.can_listen(voice uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.voice_messages v
    where v.id = voice
      and (v.author_id = (select auth.uid())
           or (v.request_id is not null and (public.is_matched_party(v.request_id) or public.is_coordinator_for_request(v.request_id))))
  );
$$;

create policy "Authors, matched people and coordinators can see a voice message" on public.voice_messages
  for select to authenticated using (author_id = (select auth.uid()) or public.can_listen(id));
create policy "People who may post can record a voice message" on public.voice_messages
  for insert to authenticated
  with check (author_id = (select auth.uid()) and public.can_post() and audio_deleted_at is null
              and (request_id is null or public.is_party_to(request_id) or public.is_coordinator_for_request(request_id)));
create policy "Authors and coordinators can correct a transcript" on public.voice_messages
  for update to authenticated
  using (author_id = (select auth.uid()) or (request_id is not null and public.is_coordinator_for_request(request_id)))
  with check (author_id = (select auth.uid()) or (request_id is not null and public.is_coordinator_for_request(request_id)));

create policy "Who may see a voice message may listen to it" on public.voice_audio
  for select to authenticated using (public.can_listen(voice_id));
create policy "Authors can store their audio" on public.voice_audio
  for insert to authenticated
  with check (exists (select 1 from public.voice_messages v where v.id = voice_id and v.author_id = (select auth.uid())));

revoke update on public.voice_messages from anon, authenticated;
grant update (transcript, transcript_source) on public.voice_messages to authenticated;

-- PostgREST 12 sends raw bytes only for a function that returns this media-type domain.
create domain public."application/octet-stream" as bytea;

/**
 * The audio of one voice message as raw bytes, for whoever may listen (RLS decides).
 */
create function public.voice_audio_bytes(p_voice uuid)
returns public."application/octet-stream"
language sql stable security invoker set search_path = ''
as $$
  select a.bytes::public."application/octet-stream" from public.voice_audio a where a.voice_id = p_voice;
$$;

/**
 * A coordinator writes a summary of a spoken request.
 */
create function public.set_request_summary(p_request uuid, p_summary text)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not public.is_coordinator_for_request(p_request) then
    raise exception 'Only a coordinator of this area can write a summary.' using errcode = '42501';
  end if;
  update public.help_requests set summary = nullif(trim(p_summary), '') where id = p_request;
end;
$$;

/**
 * Asks for help, now with an optional spoken message (a draft of the caller's) instead of text.
 */
create or replace function public.create_help_request(
  p_submission uuid, p_requester uuid, p_category text, p_description text, p_area uuid,
  p_when public.help_when, p_when_date date default null, p_when_note text default null,
  p_address text default null, p_voice uuid default null
)
returns uuid
language plpgsql security invoker set search_path = ''
as $$
declare
  new_id uuid;
begin
  if p_when = 'on_date' and (p_when_date is null or p_when_date < current_date) then
    raise exception 'The date must be today or later.' using errcode = '22023';
  end if;
  if p_voice is not null and not exists (
    select 1 from public.voice_messages v
    where v.id = p_voice and v.author_id = (select auth.uid()) and v.request_id is null and v.purpose = 'request'
  ) then
    raise exception 'This voice message cannot be used here.' using errcode = '42501';
  end if;
  insert into public.help_requests (submission_id, requester_id, created_by, category_id, description, area_id,
                                    when_kind, when_date, when_note, voice_id)
  values (p_submission, p_requester, (select auth.uid()), p_category, coalesce(p_description, ''), p_area,
          p_when, case when p_when = 'on_date' then p_when_date end, nullif(p_when_note, ''), p_voice)
  on conflict (submission_id) do nothing
  returning id into new_id;
  if new_id is null then
    select id into new_id from public.help_requests
    where submission_id = p_submission and created_by = (select auth.uid());
    return new_id;
  end if;
  if p_voice is not null then
    perform public.attach_voice(p_voice, new_id);
  end if;
  if nullif(trim(p_address), '') is not null then
    insert into public.help_request_private (request_id, address) values (new_id, trim(p_address));
  end if;
  return new_id;
end;
$$;
drop function public.create_help_request(uuid, uuid, text, text, uuid, public.help_when, date, text, text);

/**
 * Links the caller's draft voice message to the request it was recorded for.
 */
create function public.attach_voice(p_voice uuid, p_request uuid)
returns void
language sql security definer set search_path = ''
as $$
  update public.voice_messages set request_id = p_request
  where id = p_voice and author_id = (select auth.uid()) and request_id is null;
$$;

revoke execute on all functions in schema public from public, anon, authenticated;
grant execute on function public.whoami() to anon, authenticated;
grant execute on function public.has_role_in_organisation(uuid, public.member_role) to authenticated;
grant execute on function public.is_coordinator_for_area(uuid) to authenticated;
grant execute on function public.has_role(public.member_role) to authenticated;
grant execute on function public.is_coordinator_for_person(uuid) to authenticated;
grant execute on function public.register_resident(text, text, uuid, text) to authenticated;
grant execute on function public.can_post() to authenticated;
grant execute on function public.first_name_of(uuid) to authenticated;
grant execute on function public.effective_status(public.help_requests) to authenticated;
grant execute on function public.is_stuck(public.help_requests) to authenticated;
grant execute on function public.request_slots(public.help_requests) to authenticated;
grant execute on function public.is_volunteer() to authenticated;
grant execute on function public.is_party_to(uuid) to authenticated;
grant execute on function public.is_matched_party(uuid) to authenticated;
grant execute on function public.is_coordinator_for_request(uuid) to authenticated;
grant execute on function public.help_act(uuid, text, uuid) to authenticated;
grant execute on function public.contact_details(uuid) to authenticated;
grant execute on function public.suggest_helpers(uuid, int) to authenticated, service_role;
grant execute on function public.browse_requests(int) to authenticated;
grant execute on function public.moderate(text, uuid, uuid) to authenticated;
grant execute on function public.create_help_request(uuid, uuid, text, text, uuid, public.help_when, date, text, text, uuid) to authenticated;
grant execute on function public.can_listen(uuid) to authenticated;
grant execute on function public.set_request_summary(uuid, text) to authenticated;
grant execute on function public.attach_voice(uuid, uuid) to authenticated;
grant execute on function public.voice_audio_bytes(uuid) to authenticated;
