/**
 * One round trip for the home page of a signed-in person: what src/lib/server/home/ shows a
 * resident (kinds of help, their own running requests, unread notifications) and, for a
 * volunteer, whether they have a profile and the first open requests near them. Security invoker:
 * RLS decides as it does for the separate queries this replaces (browse_requests decides for
 * itself, as before). The coordinator's part is read beside it, only for coordinators.
 */
create function public.front_door(p_volunteer boolean default false)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object(
    'categories', (
      select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'icon', c.icon) order by c.sort_order), '[]'::jsonb)
      from public.help_categories c),
    'requests', (
      select coalesce(jsonb_agg(to_jsonb(x) - 'created_at' order by x.created_at desc), '[]'::jsonb)
      from (
        select r.id, r.category_id, coalesce(a.name, '') as area, r.when_kind, r.when_date, r.when_note,
               public.effective_status(r) as status, r.created_at
        from public.help_requests r
        left join public.areas a on a.id = r.area_id
        where r.requester_id = (select auth.uid())
          and public.effective_status(r) in ('open', 'offered', 'matched', 'done_pending')
        order by r.created_at desc
        limit 10
      ) x),
    'unread_count', (
      select count(*) from public.notifications n
      where n.profile_id = (select auth.uid()) and n.read_at is null),
    'unread', (
      select coalesce(jsonb_agg(to_jsonb(x) order by x.created_at desc), '[]'::jsonb)
      from (
        select n.id, n.kind, n.created_at from public.notifications n
        where n.profile_id = (select auth.uid()) and n.read_at is null
        order by n.created_at desc
        limit 3
      ) x),
    'volunteer', case when p_volunteer then jsonb_build_object(
      'has_profile', exists (select 1 from public.volunteer_profiles v where v.profile_id = (select auth.uid())),
      'nearby', (
        select coalesce(jsonb_agg(jsonb_build_object(
                 'id', b.id, 'category_id', b.category_id, 'area', coalesce(b.area_name, ''),
                 'when_kind', coalesce(b.when_kind, 'asap'), 'when_date', b.when_date, 'when_note', b.when_note,
                 'first_name', coalesce(b.first_name, ''), 'description', coalesce(b.description, ''),
                 'spoken', coalesce(b.spoken, false)) order by b.ordinality), '[]'::jsonb)
        from public.browse_requests(5) with ordinality b
        where b.id is not null and b.category_id is not null))
    end
  );
$$;
comment on function public.front_door(boolean) is 'The home page of a signed-in person in one call (src/lib/server/home): security invoker, so RLS decides.';
grant execute on function public.front_door(boolean) to authenticated;
