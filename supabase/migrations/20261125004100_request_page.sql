/**
 * One round trip for the request page /hulp/<id> (help/lifecycle.ts readRequestPage): it made
 * three rounds of calls (the request; then whether the person coordinates its area; then nine
 * reads at once). The same reads in one function, security invoker: RLS decides as it did for
 * the separate queries, and what the page shows whom is decided as the page decided it:
 * - contact details and messages only to the requester and the helper once matched (and the
 *   messages to coordinators of the area);
 * - the address to the requester and coordinators of the area;
 * - thanks to the requester and the helper; suggestions to coordinators while it is open.
 * Null when the person may not read the request.
 */
create function public.request_page(p_id uuid)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  with r as (
    select r.*, public.effective_status(r) as status_now from public.help_requests r where r.id = p_id
  ), who as (
    select r.*,
           public.is_coordinator_for_area(r.area_id) as coordinates_area,
           (select auth.uid()) in (r.requester_id, r.helper_id) as mine,
           r.status_now in ('matched', 'done_pending', 'done') as matched,
           (select auth.uid()) = r.requester_id as requester
    from r
  )
  select jsonb_build_object(
    'request', (select public.help_request_json(x) from public.help_requests x where x.id = w.id),
    'coordinates_area', w.coordinates_area,
    'requester_name', coalesce(public.first_name_of(w.requester_id), ''),
    'helper_name', case when w.helper_id is null then '' else coalesce(public.first_name_of(w.helper_id), '') end,
    'contact', case when w.mine and w.matched then (select to_jsonb(c) from public.contact_details(w.id) c limit 1) end,
    'address', case when w.requester or w.coordinates_area then (select p.address from public.help_request_private p where p.request_id = w.id) end,
    'messages', case when (w.mine and w.matched) or w.coordinates_area then (
      select coalesce(jsonb_agg(jsonb_build_object(
               'id', m.id, 'sender_id', m.sender_id, 'body', m.body, 'voice_id', m.voice_id, 'created_at', m.created_at,
               'voice_messages', (select jsonb_build_object('transcript', v.transcript, 'transcript_source', v.transcript_source)
                                  from public.voice_messages v where v.id = m.voice_id))
             order by m.created_at), '[]'::jsonb)
      from public.help_messages m where m.request_id = w.id) else '[]'::jsonb end,
    'thanks', case when w.mine then (
      select coalesce(jsonb_agg(jsonb_build_object(
               'id', t.id, 'from_id', t.from_id, 'to_id', t.to_id, 'body', t.body, 'voice_id', t.voice_id, 'created_at', t.created_at,
               'voice_messages', (select jsonb_build_object('transcript', v.transcript, 'transcript_source', v.transcript_source)
                                  from public.voice_messages v where v.id = t.voice_id))), '[]'::jsonb)
      from public.thanks t where t.request_id = w.id) else '[]'::jsonb end,
    'suggestions', case when w.coordinates_area and w.status_now = 'open' then (
      select coalesce(jsonb_agg(to_jsonb(s) - 'ordinality' order by s.ordinality), '[]'::jsonb)
      from public.suggest_helpers(w.id, 10) with ordinality s) else '[]'::jsonb end,
    'voice', case when w.voice_id is not null then (
      select jsonb_build_object('id', v.id, 'author_id', v.author_id, 'subject_type', v.subject_type, 'subject_id', v.subject_id,
                                'mime_type', v.mime_type, 'byte_size', v.byte_size, 'duration_ms', v.duration_ms,
                                'transcript', v.transcript, 'transcript_source', v.transcript_source, 'audio_deleted_at', v.audio_deleted_at)
      from public.voice_messages v where v.id = w.voice_id) end,
    'categories', (select coalesce(jsonb_agg(to_jsonb(c) order by c.sort_order), '[]'::jsonb) from public.help_categories c)
  )
  from who w;
$$;
comment on function public.request_page(uuid) is '/hulp/<id> in one call (help/lifecycle.ts readRequestPage): security invoker, so RLS decides; null when the request cannot be read.';
revoke execute on function public.request_page(uuid) from public, anon;
grant execute on function public.request_page(uuid) to authenticated;
