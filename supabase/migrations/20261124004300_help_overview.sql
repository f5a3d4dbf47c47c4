/**
 * One round trip for /hulp (src/lib/server/help/requests.ts, readHelpOverview): the kinds of
 * help, the person's own requests (asked and helping), and for a volunteer whether they have a
 * profile, the open requests near them (browse_requests) and the thanks they received. The same
 * columns the separate queries read, security invoker: RLS decides as before.
 */
create function public.help_request_json(r public.help_requests)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object(
    'id', r.id, 'voice_id', r.voice_id, 'summary', r.summary, 'requester_id', r.requester_id,
    'created_by', r.created_by, 'helper_id', r.helper_id, 'category_id', r.category_id,
    'description', r.description, 'area_id', r.area_id, 'when_kind', r.when_kind,
    'when_date', r.when_date, 'when_note', r.when_note, 'status', r.status,
    'effective_status', public.effective_status(r), 'is_stuck', public.is_stuck(r),
    'done_marked_by', r.done_marked_by, 'created_at', r.created_at, 'opened_at', r.opened_at,
    'hidden_at', r.hidden_at,
    'areas', (select jsonb_build_object('name', a.name) from public.areas a where a.id = r.area_id),
    'help_categories', (select jsonb_build_object('icon', c.icon, 'requires_vog', c.requires_vog)
                        from public.help_categories c where c.id = r.category_id));
$$;
comment on function public.help_request_json(public.help_requests) is 'A request as the help pages show it (the columns of requestColumns in help/requests.ts).';
grant execute on function public.help_request_json(public.help_requests) to authenticated;

create function public.help_overview(p_volunteer boolean default false)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object(
    'categories', (
      select coalesce(jsonb_agg(to_jsonb(c) order by c.sort_order), '[]'::jsonb) from public.help_categories c),
    'mine', (
      select coalesce(jsonb_agg(public.help_request_json(r) order by r.created_at desc), '[]'::jsonb)
      from public.help_requests r
      where r.requester_id = (select auth.uid()) or r.helper_id = (select auth.uid())),
    'has_volunteer_profile', p_volunteer and exists (
      select 1 from public.volunteer_profiles v where v.profile_id = (select auth.uid())),
    'nearby', case when p_volunteer then (
      select coalesce(jsonb_agg(to_jsonb(b) - 'ordinality' order by b.ordinality), '[]'::jsonb)
      from public.browse_requests(50) with ordinality b) else '[]'::jsonb end,
    'thanks', case when p_volunteer then (
      select coalesce(jsonb_agg(jsonb_build_object(
               'id', t.id, 'from_id', t.from_id, 'body', t.body, 'voice_id', t.voice_id, 'created_at', t.created_at,
               'help_requests', (select jsonb_build_object('category_id', r.category_id) from public.help_requests r where r.id = t.request_id),
               'voice_messages', (select jsonb_build_object('transcript', v.transcript, 'transcript_source', v.transcript_source)
                                  from public.voice_messages v where v.id = t.voice_id))
             order by t.created_at desc), '[]'::jsonb)
      from public.thanks t where t.to_id = (select auth.uid())) else '[]'::jsonb end
  );
$$;
comment on function public.help_overview(boolean) is '/hulp in one call (help/requests.ts readHelpOverview): security invoker, so RLS decides.';
grant execute on function public.help_overview(boolean) to authenticated;
