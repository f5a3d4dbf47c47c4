/*
 * ---------------------------------------------------------------------------------------------
 * Voice for one-off offers and thank-you notes, and a list of open offers for everyone.
 * An offer is written for everyone in the municipality, so whoever may see the open offer may
 * also hear it. A spoken thank-you belongs to its request: the two people in it may hear it.
 * ---------------------------------------------------------------------------------------------
 */

alter type public.voice_purpose add value if not exists 'offer';

alter table public.voice_messages add column offer_id uuid references public.help_offers (id) on delete cascade;
alter table public.voice_messages add constraint voice_messages_one_item_check check (num_nonnulls(request_id, offer_id) <= 1);
create index voice_messages_offer_idx on public.voice_messages (offer_id) where offer_id is not null;
comment on column public.voice_messages.offer_id is 'The one-off offer this was spoken for.';

alter table public.help_offers add column voice_id uuid references public.voice_messages (id) on delete set null;
alter table public.help_offers drop constraint help_offers_description_check;
alter table public.help_offers add constraint help_offers_description_check
  check (length(description) <= 1000 and (length(description) > 0 or voice_id is not null));

alter table public.thanks add column voice_id uuid references public.voice_messages (id) on delete set null;
alter table public.thanks drop constraint thanks_body_check;
alter table public.thanks add constraint thanks_body_check
  check (length(body) <= 500 and (length(body) > 0 or voice_id is not null));

/** A voice message is the caller's own draft, not yet linked to anything. */
create function public.is_own_draft_voice(voice uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.voice_messages v
    where v.id = voice and v.author_id = (select auth.uid()) and v.request_id is null and v.offer_id is null
  );
$$;

/**
 * Who may listen: the author; for a request (and its messages and thanks) the matched other
 * side and coordinators of the area; for an open offer everyone who may see it.
 */
create or replace function public.can_listen(voice uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.voice_messages v
    where v.id = voice
      and (v.author_id = (select auth.uid())
           or (v.request_id is not null and (public.is_matched_party(v.request_id) or public.is_coordinator_for_request(v.request_id)))
           or (v.offer_id is not null and exists (
                 select 1 from public.help_offers o
                 where o.id = v.offer_id
                   and ((o.hidden_at is null and o.closed_at is null) or public.is_coordinator_for_area(o.area_id)))))
  );
$$;

drop policy "People who may post can record a voice message" on public.voice_messages;
create policy "People who may post can record a voice message" on public.voice_messages
  for insert to authenticated
  with check (author_id = (select auth.uid()) and public.can_post() and audio_deleted_at is null and offer_id is null
              and (request_id is null or public.is_party_to(request_id) or public.is_coordinator_for_request(request_id)));

drop policy "Volunteers who may post can make offers" on public.help_offers;
create policy "Volunteers who may post can make offers" on public.help_offers
  for insert to authenticated
  with check (volunteer_id = (select auth.uid()) and public.is_volunteer() and public.can_post() and hidden_at is null
              and (voice_id is null or public.is_own_draft_voice(voice_id)));

drop policy "After the help is done, each side can thank the other" on public.thanks;
create policy "After the help is done, each side can thank the other" on public.thanks
  for insert to authenticated
  with check (
    from_id = (select auth.uid()) and public.can_post()
    and exists (
      select 1 from public.help_requests r
      where r.id = request_id and public.effective_status(r) = 'done'
        and ((r.requester_id = from_id and r.helper_id = to_id) or (r.helper_id = from_id and r.requester_id = to_id))
    )
    and (voice_id is null or exists (
      select 1 from public.voice_messages v
      where v.id = voice_id and v.author_id = (select auth.uid()) and v.request_id = thanks.request_id))
  );

/**
 * Links the caller's draft voice message to the offer it was recorded for.
 */
create function public.attach_offer_voice(p_voice uuid, p_offer uuid)
returns void
language sql security definer set search_path = ''
as $$
  update public.voice_messages v set offer_id = p_offer
  where v.id = p_voice and v.author_id = (select auth.uid()) and v.request_id is null and v.offer_id is null
    and exists (select 1 from public.help_offers o where o.id = p_offer and o.volunteer_id = (select auth.uid()) and o.voice_id = p_voice);
$$;

/**
 * Open one-off offers for a signed-in person: nearest to their own area first. First name only.
 */
create function public.browse_offers(p_limit int default 50)
returns table (id uuid, category_id text, area_id uuid, area_name text, first_name text, description text,
               available_on date, voice_id uuid, created_at timestamptz, distance_m int)
language sql stable security invoker set search_path = ''
as $$
  with me as (
    select a.latitude, a.longitude from public.profiles p join public.areas a on a.id = p.area_id
    where p.id = (select auth.uid())
  )
  select o.id, o.category_id, o.area_id, a.name, public.first_name_of(o.volunteer_id), o.description,
         o.available_on, o.voice_id, o.created_at,
         round(coalesce(extensions.earth_distance(extensions.ll_to_earth(a.latitude, a.longitude),
                                                  (select extensions.ll_to_earth(me.latitude, me.longitude) from me)), 0))::int
  from public.help_offers o
  join public.areas a on a.id = o.area_id
  where o.hidden_at is null and o.closed_at is null
    and (o.available_on is null or o.available_on >= current_date)
  order by 10, o.created_at desc
  limit least(greatest(p_limit, 1), 200);
$$;

revoke execute on function public.is_own_draft_voice(uuid) from public, anon;
revoke execute on function public.attach_offer_voice(uuid, uuid) from public, anon;
revoke execute on function public.browse_offers(int) from public, anon;
grant execute on function public.is_own_draft_voice(uuid) to authenticated;
grant execute on function public.attach_offer_voice(uuid, uuid) to authenticated;
grant execute on function public.browse_offers(int) to authenticated;

/**
 * The retention rule, in one place: deletes the audio (never the item, its text or summary) of
 * requests and offers closed more than p_days ago, and drafts nobody sent within a day.
 * Only the server's job runs this (service_role). Returns how many recordings went.
 */
create function public.delete_expired_audio(p_days int, p_now timestamptz default now())
returns int
language plpgsql security definer set search_path = ''
as $$
declare
  cutoff timestamptz := p_now - make_interval(days => p_days);
  gone int;
begin
  with closed_requests as (
    select r.id from public.help_requests r
    where case
            when r.status in ('done', 'cancelled', 'expired') then r.status_changed_at
            when r.status = 'done_pending' then r.done_marked_at + interval '7 days'
            when r.status in ('open', 'offered') then
              least(r.opened_at + interval '30 days',
                    case when r.when_kind = 'on_date' then r.when_date + 1 end)
          end < cutoff
  ), closed_offers as (
    select o.id from public.help_offers o
    where least(o.closed_at, o.hidden_at, (o.available_on + 1)::timestamptz) < cutoff
  ), expired as (
    select v.id from public.voice_messages v
    where v.audio_deleted_at is null
      and (v.request_id in (select id from closed_requests)
           or v.offer_id in (select id from closed_offers)
           or (v.request_id is null and v.offer_id is null and v.created_at < p_now - interval '1 day'))
  ), deleted as (
    delete from public.voice_audio a where a.voice_id in (select id from expired) returning a.voice_id
  )
  update public.voice_messages v set audio_deleted_at = p_now
  from expired e where v.id = e.id;
  get diagnostics gone = row_count;
  return gone;
end;
$$;
revoke execute on function public.delete_expired_audio(int, timestamptz) from public, anon, authenticated;
grant execute on function public.delete_expired_audio(int, timestamptz) to service_role;

-- Audio is compressed already: store it uncompressed out of line, so a byte range reads only
-- the chunks it needs instead of the whole recording.
alter table public.voice_audio alter column bytes set storage external;

/**
 * Part of the audio of one voice message as raw bytes (an HTTP Range), for whoever may listen.
 * p_from counts from 0.
 */
create function public.voice_audio_range(p_voice uuid, p_from int, p_length int)
returns public."application/octet-stream"
language sql stable security invoker set search_path = ''
as $$
  select substring(a.bytes from p_from + 1 for p_length)::public."application/octet-stream"
  from public.voice_audio a where a.voice_id = p_voice;
$$;
revoke execute on function public.voice_audio_range(uuid, int, int) from public, anon;
grant execute on function public.voice_audio_range(uuid, int, int) to authenticated;
