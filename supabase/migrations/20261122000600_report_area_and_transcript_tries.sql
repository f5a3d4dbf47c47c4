/*
 * ---------------------------------------------------------------------------------------------
 * Two small safety nets.
 * - A report goes to the coordinators of the item's own area, whatever area the caller sends.
 * - A recording the transcription server keeps refusing is tried three times, then left alone,
 *   so it cannot hold up newer ones.
 * ---------------------------------------------------------------------------------------------
 */

create function public.report_area_from_item()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.area_id := coalesce(
    (select r.area_id from public.help_requests r where r.id = new.request_id),
    (select o.area_id from public.help_offers o where o.id = new.offer_id),
    (select p.area_id from public.profiles p where p.id = new.person_id),
    new.area_id);
  return new;
end;
$$;
create trigger reports_area_from_item
  before insert on public.reports
  for each row execute function public.report_area_from_item();
revoke execute on function public.report_area_from_item() from public, anon, authenticated;

alter table public.voice_messages add column transcript_attempts smallint not null default 0;
comment on column public.voice_messages.transcript_attempts is 'How often the transcription server failed on this recording; after three it is not tried again.';
revoke update on public.voice_messages from anon, authenticated;
grant update (transcript, transcript_source) on public.voice_messages to authenticated;
