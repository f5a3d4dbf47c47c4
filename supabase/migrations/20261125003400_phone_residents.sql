/*
 * ---------------------------------------------------------------------------------------------
 * People registered by phone, and what was done on their behalf, on the workspace.
 *
 * For the residents a coordinator (or a colleague) registered after a phone call who live in the
 * caller's own areas: who registered them and when, and the latest things done on their behalf
 * (audit_log rows with on_behalf_of: help asked, a carer's application made, details changed,
 * by whom). Security definer, limited to my_coordinator_areas(); a reader only.
 * ---------------------------------------------------------------------------------------------
 */

create function public.coordinator_phone_residents(p_actions int default 5)
returns table (
  id uuid, display_name text, phone text, area_name text, registered_at timestamptz, registered_by text,
  actions jsonb
)
language sql stable security definer set search_path = ''
as $$
  select p.id, p.display_name, p.phone, a.name, p.created_at, creator.display_name,
         coalesce((
           select jsonb_agg(jsonb_build_object('at', l.at, 'action', l.action, 'by', actor.display_name) order by l.at desc)
           from (
             select l.at, l.action, l.actor_id from public.audit_log l
             where l.on_behalf_of = p.id
             order by l.at desc
             limit least(greatest(p_actions, 1), 50)
           ) l
           left join public.profiles actor on actor.id = l.actor_id
         ), '[]'::jsonb)
  from public.profiles p
  join public.areas a on a.id = p.area_id
  left join public.profiles creator on creator.id = p.created_by
  where p.created_by is not null
    and p.area_id in (select public.my_coordinator_areas())
  order by p.created_at desc
  limit 200;
$$;
revoke execute on function public.coordinator_phone_residents(int) from public;
grant execute on function public.coordinator_phone_residents(int) to authenticated;
