/*
 * One state for a carer's call-back, wherever it is handled. The carer-support team marks
 * carer_call_backs.done_at; the coordinator's workspace kept its own done_at in call_back_pickups.
 * So a call-back done on the workspace stayed open on the team's list, and the other way round.
 * Now a call-back done on the workspace is done for the team too, one done by the team shows as
 * done on the workspace, and such a call-back can no longer be picked up there.
 */

create or replace function public.coordinator_call_backs()
returns table (
  id uuid, asked_at timestamptz, carer_name text, phone text, email text, area_name text,
  picked_up_by text, picked_up_at timestamptz, mine boolean, done_by text, done_at timestamptz, note text
)
language sql stable security definer set search_path = ''
as $$
  select b.id, b.created_at, p.display_name, p.phone, p.email, a.name,
         picker.display_name, k.picked_up_at, k.picked_up_by = (select auth.uid()),
         finisher.display_name, coalesce(k.done_at, b.done_at), k.note
  from public.carer_call_backs b
  join public.profiles p on p.id = b.carer_id
  join public.areas a on a.id = p.area_id
  left join public.call_back_pickups k on k.call_back_id = b.id
  left join public.profiles picker on picker.id = k.picked_up_by
  left join public.profiles finisher on finisher.id = k.done_by
  where p.area_id in (select public.my_coordinator_areas())
    and coalesce(k.done_at, b.done_at, 'infinity') > now() - interval '14 days'
  order by coalesce(k.done_at, b.done_at) is not null, b.created_at;
$$;

create or replace function public.coordinator_pick_up_call_back(p_id uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if public.my_call_back(p_id) is null then
    raise exception 'coordination.callBacks.notYours' using errcode = '42501';
  end if;
  if exists (select 1 from public.carer_call_backs where id = p_id and done_at is not null) then
    raise exception 'coordination.callBacks.alreadyDone' using errcode = '23505';
  end if;
  insert into public.call_back_pickups (call_back_id, picked_up_by) values (p_id, (select auth.uid()))
  on conflict (call_back_id) do nothing;
  if not found then
    raise exception 'coordination.callBacks.alreadyPicked' using errcode = '23505';
  end if;
end;
$$;

create or replace function public.coordinator_finish_call_back(p_id uuid, p_note text)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if public.my_call_back(p_id) is null then
    raise exception 'coordination.callBacks.notYours' using errcode = '42501';
  end if;
  if length(btrim(coalesce(p_note, ''))) not between 2 and 300 then
    raise exception 'coordination.callBacks.noteMissing' using errcode = '23514';
  end if;
  if exists (select 1 from public.carer_call_backs where id = p_id and done_at is not null) then
    raise exception 'coordination.callBacks.alreadyDone' using errcode = '23505';
  end if;
  insert into public.call_back_pickups (call_back_id, picked_up_by, done_by, done_at, note)
  values (p_id, (select auth.uid()), (select auth.uid()), now(), btrim(p_note))
  on conflict (call_back_id) do update
    set done_by = excluded.done_by, done_at = excluded.done_at, note = excluded.note
    where public.call_back_pickups.done_at is null;
  if not found then
    raise exception 'coordination.callBacks.alreadyDone' using errcode = '23505';
  end if;
  update public.carer_call_backs set done_at = now() where id = p_id;
end;
$$;
