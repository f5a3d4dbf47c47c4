/**
 * A recording being written down is claimed first (src/lib/server/voice/jobs.ts): two transcription
 * runs at once (two site instances) then send it to the speech server once. A claim older than
 * five minutes (a run that died halfway) may be taken again.
 */
alter table public.voice_messages add column transcript_claimed_at timestamptz;
comment on column public.voice_messages.transcript_claimed_at is 'When a transcription run took this recording; set by the server''s job only.';

/** Takes a recording for one transcription run: true when this run may send it (it was free and unchanged). */
create function public.claim_voice_transcription(p_voice uuid, p_attempts int)
returns boolean
language sql volatile security definer set search_path = ''
as $$
  with claimed as (
    update public.voice_messages v
       set transcript_attempts = v.transcript_attempts + 1, transcript_claimed_at = now()
     where v.id = p_voice and v.transcript_attempts = p_attempts and v.transcript is null
       and (v.transcript_claimed_at is null or v.transcript_claimed_at < now() - interval '5 minutes')
    returning v.id)
  select exists (select 1 from claimed);
$$;
comment on function public.claim_voice_transcription(uuid, int) is 'The transcription job takes a recording before sending it; only the server (service_role).';
revoke execute on function public.claim_voice_transcription(uuid, int) from public, anon, authenticated;
grant execute on function public.claim_voice_transcription(uuid, int) to service_role;

/** Gives a recording back after a failed try (the try was counted when it was claimed). */
create function public.release_voice_transcription(p_voice uuid)
returns void
language sql volatile security definer set search_path = ''
as $$
  update public.voice_messages set transcript_claimed_at = null where id = p_voice;
$$;
comment on function public.release_voice_transcription(uuid) is 'After a failed transcription try; only the server (service_role).';
revoke execute on function public.release_voice_transcription(uuid) from public, anon, authenticated;
grant execute on function public.release_voice_transcription(uuid) to service_role;
