/*
 * ---------------------------------------------------------------------------------------------
 * Voice: wherever Omzien asks for text, a spoken message is enough. A recording is made first
 * as the author's draft; when the item that points at it is saved, a trigger ties it to that
 * item. Who may hear it follows who may see the item: each domain adds one select policy per
 * item type ("whoever may read X may hear its recordings"), so this file never changes for a
 * new domain. The audio lives in Postgres (voice_audio, bytea): private, behind the same RLS, the
 * same on the local stack and on hosted Supabase.
 * ---------------------------------------------------------------------------------------------
 */

create table public.voice_messages (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null references public.profiles (id) on delete cascade,
  subject_type text references public.item_types (type),
  subject_id uuid,
  mime_type text not null check (mime_type in ('audio/webm', 'audio/ogg', 'audio/mp4', 'audio/mpeg', 'audio/wav')),
  byte_size int not null check (byte_size between 1 and 12582912),
  duration_ms int check (duration_ms between 0 and 125000),
  transcript text check (length(transcript) <= 5000),
  transcript_source text check (transcript_source in ('automatic', 'corrected')),
  transcript_attempts smallint not null default 0,
  audio_deleted_at timestamptz,
  created_at timestamptz not null default now(),
  check ((subject_type is null) = (subject_id is null))
);
comment on table public.voice_messages is 'A spoken message. subject_type and subject_id are empty while it is a draft.';
comment on column public.voice_messages.transcript_attempts is 'How often the transcription server failed on this recording; after three it is not tried again.';
create index voice_messages_subject_idx on public.voice_messages (subject_type, subject_id);
create index voice_messages_author_idx on public.voice_messages (author_id);
create index voice_messages_untranscribed_idx on public.voice_messages (created_at) where transcript is null and audio_deleted_at is null;

create table public.voice_audio (
  voice_id uuid primary key references public.voice_messages (id) on delete cascade,
  bytes bytea not null
);
comment on table public.voice_audio is 'The audio itself, apart from its description so lists never load it. Deleted by the retention job.';
-- Audio is compressed already: store it uncompressed out of line, so a byte range reads only
-- the chunks it needs instead of the whole recording.
alter table public.voice_audio alter column bytes set storage external;

alter table public.voice_messages enable row level security;
alter table public.voice_audio enable row level security;

create policy "Authors can see their own recordings" on public.voice_messages
  for select to authenticated using (author_id = (select auth.uid()));
create policy "People who may post can record a draft" on public.voice_messages
  for insert to authenticated
  with check (author_id = (select auth.uid()) and public.can_post() and subject_id is null
              and audio_deleted_at is null and transcript is null);
create policy "Authors can delete their own drafts" on public.voice_messages
  for delete to authenticated using (author_id = (select auth.uid()) and subject_id is null);
create policy "Authors and coordinators of the item's area can correct a transcript" on public.voice_messages
  for update to authenticated
  using (author_id = (select auth.uid())
         or (subject_id is not null and public.is_coordinator_for_area(public.item_area(subject_type, subject_id))))
  with check (author_id = (select auth.uid())
              or (subject_id is not null and public.is_coordinator_for_area(public.item_area(subject_type, subject_id))));
revoke update on public.voice_messages from anon, authenticated;
grant update (transcript, transcript_source) on public.voice_messages to authenticated;

-- The subquery runs under voice_messages' own policies: whoever may see the recording may hear it.
create policy "Who may see a recording may hear it" on public.voice_audio
  for select to authenticated using (exists (select 1 from public.voice_messages v where v.id = voice_id));
create policy "Authors can store their audio" on public.voice_audio
  for insert to authenticated
  with check (exists (select 1 from public.voice_messages v where v.id = voice_id and v.author_id = (select auth.uid())));

/**
 * A recording is the caller's own draft, not yet tied to any item. For items' insert policies.
 */
create function public.is_own_draft_voice(voice uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.voice_messages v
    where v.id = voice and v.author_id = (select auth.uid()) and v.subject_id is null
  );
$$;
grant execute on function public.is_own_draft_voice(uuid) to authenticated;

/**
 * Trigger on an item table (argument: the item type): ties the recording the new item points at
 * to the item. Only the author's own draft can be tied; anything else refuses the whole insert.
 */
create function public.tie_voice_to_item()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  item_type text := tg_argv[0];
  voice uuid;
begin
  select (to_jsonb(new) ->> t.voice_column)::uuid into voice from public.item_types t where t.type = item_type;
  if voice is null then
    return null;
  end if;
  update public.voice_messages set subject_type = item_type, subject_id = new.id
  where id = voice and author_id = (select auth.uid()) and subject_id is null;
  if not found then
    raise exception 'This recording cannot be used here.' using errcode = '42501';
  end if;
  return null;
end;
$$;

/**
 * Stores a recording as the caller's draft: its description and its audio together, or neither.
 * Runs with the caller's rights, so the insert policies decide (a blocked person records nothing).
 */
create function public.save_voice_draft(p_mime text, p_duration_ms int, p_bytes bytea)
returns uuid
language plpgsql security invoker set search_path = ''
as $$
declare
  new_id uuid;
begin
  insert into public.voice_messages (author_id, mime_type, byte_size, duration_ms)
  values ((select auth.uid()), p_mime, length(p_bytes), p_duration_ms)
  returning id into new_id;
  insert into public.voice_audio (voice_id, bytes) values (new_id, p_bytes);
  return new_id;
end;
$$;
grant execute on function public.save_voice_draft(text, int, bytea) to authenticated;

/**
 * Saves an item of a registered type (p_row: its columns as a JSON object) and, when p_voice_bytes
 * is given, a new recording for it, in one transaction: an item that is refused leaves no
 * recording behind. p_voice instead names a draft recorded before (the caller's own, as always). Runs with the caller's rights, so the item's own insert policies decide and
 * its trigger ties the recording as usual. Returns the item's id.
 */
create function public.insert_with_voice(
  p_type text, p_row jsonb, p_voice_mime text default null, p_voice_duration_ms int default null, p_voice_bytes bytea default null,
  p_voice uuid default null
)
returns uuid
language plpgsql security invoker set search_path = ''
as $$
declare
  t public.item_types;
  item jsonb := p_row;
  columns text;
  new_id uuid;
begin
  select * into t from public.item_types where type = p_type;
  if not found or t.voice_column is null or jsonb_typeof(p_row) is distinct from 'object' then
    raise exception 'This cannot be saved here.' using errcode = '22023';
  end if;
  if p_voice_bytes is not null then
    item := item || jsonb_build_object(t.voice_column, public.save_voice_draft(p_voice_mime, p_voice_duration_ms, p_voice_bytes));
  elsif p_voice is not null then
    item := item || jsonb_build_object(t.voice_column, p_voice);
  end if;
  select string_agg(format('%I', k), ', ') into columns from jsonb_object_keys(item) k;
  execute format('insert into %1$s (%2$s) select %2$s from jsonb_populate_record(null::%1$s, $1) returning id',
                 t.table_name::regclass, columns)
    into new_id using item;
  return new_id;
end;
$$;
grant execute on function public.insert_with_voice(text, jsonb, text, int, bytea, uuid) to authenticated;

-- PostgREST 12 sends raw bytes only for a function that returns this media-type domain.
create domain public."application/octet-stream" as bytea;

/**
 * The audio of one recording as raw bytes, for whoever may hear it (RLS decides).
 */
create function public.voice_audio_bytes(p_voice uuid)
returns public."application/octet-stream"
language sql stable security invoker set search_path = ''
as $$
  select a.bytes::public."application/octet-stream" from public.voice_audio a where a.voice_id = p_voice;
$$;
grant execute on function public.voice_audio_bytes(uuid) to authenticated;

/**
 * Part of the audio of one recording as raw bytes (an HTTP Range), for whoever may hear it.
 * p_from counts from 0.
 */
create function public.voice_audio_range(p_voice uuid, p_from int, p_length int)
returns public."application/octet-stream"
language sql stable security invoker set search_path = ''
as $$
  select substring(a.bytes from p_from + 1 for p_length)::public."application/octet-stream"
  from public.voice_audio a where a.voice_id = p_voice;
$$;
grant execute on function public.voice_audio_range(uuid, int, int) to authenticated;

/**
 * The retention rule, in one place: deletes the audio (never the item, its text or summary) of
 * items closed more than p_days ago, each type by its own closed_at_function, and drafts nobody
 * sent within a day. Only the server's job runs this (service_role). Returns how many went.
 */
create function public.delete_expired_audio(p_days int, p_now timestamptz default now())
returns int
language plpgsql security definer set search_path = ''
as $$
declare
  cutoff timestamptz := p_now - make_interval(days => p_days);
  t public.item_types;
  expired uuid[] := '{}';
  found_ids uuid[];
begin
  for t in select * from public.item_types where closed_at_function is not null loop
    execute format(
      'select coalesce(array_agg(v.id), ''{}'') from public.voice_messages v
       where v.subject_type = $1 and v.audio_deleted_at is null and %s(v.subject_id) < $2',
      t.closed_at_function::regproc)
    into found_ids using t.type, cutoff;
    expired := expired || found_ids;
  end loop;
  expired := expired || array(
    select v.id from public.voice_messages v
    where v.subject_id is null and v.audio_deleted_at is null and v.created_at < p_now - interval '1 day');
  delete from public.voice_audio a where a.voice_id = any (expired);
  update public.voice_messages v set audio_deleted_at = p_now where v.id = any (expired);
  return cardinality(expired);
end;
$$;
grant execute on function public.delete_expired_audio(int, timestamptz) to service_role;
