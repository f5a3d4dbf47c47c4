/*
 * ---------------------------------------------------------------------------------------------
 * Call-back tasks on the coordinator's workspace.
 *
 * A carer's "Bel mij terug" makes a row in carer_call_backs (the carers' domain). Coordinators
 * see the call-backs of carers who live in their own areas, who picked each one up and when, pick
 * one up, and mark it done with a short note. What the coordinator did is kept here, in
 * call_back_pickups (coordination's own table): the carers' table is only read, never written.
 * Everything goes through the security definer functions below, limited to
 * my_coordinator_areas(): a coordinator of another organisation sees and changes nothing.
 * ---------------------------------------------------------------------------------------------
 */

create table public.call_back_pickups (
  call_back_id uuid primary key references public.carer_call_backs (id) on delete cascade,
  picked_up_by uuid references public.profiles (id) on delete set null,
  picked_up_at timestamptz not null default now(),
  done_by uuid references public.profiles (id) on delete set null,
  done_at timestamptz,
  note text check (note is null or length(btrim(note)) between 2 and 300),
  check ((done_at is null) = (note is null))
);
comment on table public.call_back_pickups is 'Who on the workspace picked up a carer''s call-back and when, and when it was done with what note. Written only by coordinator_pick_up_call_back() and coordinator_finish_call_back().';
create index call_back_pickups_picked_up_by_idx on public.call_back_pickups (picked_up_by);
create index call_back_pickups_done_by_idx on public.call_back_pickups (done_by);
alter table public.call_back_pickups enable row level security;
revoke all on public.call_back_pickups from anon, authenticated;
-- No policies, no grants: read and written only through the functions below.

/** The call-back if it belongs to a carer in one of the caller's areas; else null. */
create function public.my_call_back(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select b.id
  from public.carer_call_backs b
  join public.profiles p on p.id = b.carer_id
  where b.id = p_id and p.area_id in (select public.my_coordinator_areas());
$$;
revoke execute on function public.my_call_back(uuid) from public;

/**
 * The call-backs of carers in the caller's areas: open ones (oldest first), then those done in
 * the last fourteen days; with the carer's name and how to reach them, and who picked it up.
 */
create function public.coordinator_call_backs()
returns table (
  id uuid, asked_at timestamptz, carer_name text, phone text, email text, area_name text,
  picked_up_by text, picked_up_at timestamptz, mine boolean, done_by text, done_at timestamptz, note text
)
language sql stable security definer set search_path = ''
as $$
  select b.id, b.created_at, p.display_name, p.phone, p.email, a.name,
         picker.display_name, k.picked_up_at, k.picked_up_by = (select auth.uid()),
         finisher.display_name, k.done_at, k.note
  from public.carer_call_backs b
  join public.profiles p on p.id = b.carer_id
  join public.areas a on a.id = p.area_id
  left join public.call_back_pickups k on k.call_back_id = b.id
  left join public.profiles picker on picker.id = k.picked_up_by
  left join public.profiles finisher on finisher.id = k.done_by
  where p.area_id in (select public.my_coordinator_areas())
    and (k.done_at is null or k.done_at > now() - interval '14 days')
  order by k.done_at is not null, b.created_at;
$$;
revoke execute on function public.coordinator_call_backs() from public;
grant execute on function public.coordinator_call_backs() to authenticated;

/** "Ik pak dit op": the caller takes the call-back. Not theirs: 42501; already taken: 23505. */
create function public.coordinator_pick_up_call_back(p_id uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if public.my_call_back(p_id) is null then
    raise exception 'coordination.callBacks.notYours' using errcode = '42501';
  end if;
  insert into public.call_back_pickups (call_back_id, picked_up_by) values (p_id, (select auth.uid()))
  on conflict (call_back_id) do nothing;
  if not found then
    raise exception 'coordination.callBacks.alreadyPicked' using errcode = '23505';
  end if;
end;
$$;
revoke execute on function public.coordinator_pick_up_call_back(uuid) from public;
grant execute on function public.coordinator_pick_up_call_back(uuid) to authenticated;

/**
 * "Klaar": the call-back is done, with a short note of what was agreed. Picks it up first when
 * nobody had. Not theirs: 42501; already done: 23505.
 */
create function public.coordinator_finish_call_back(p_id uuid, p_note text)
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
  insert into public.call_back_pickups (call_back_id, picked_up_by, done_by, done_at, note)
  values (p_id, (select auth.uid()), (select auth.uid()), now(), btrim(p_note))
  on conflict (call_back_id) do update
    set done_by = excluded.done_by, done_at = excluded.done_at, note = excluded.note
    where public.call_back_pickups.done_at is null;
  if not found then
    raise exception 'coordination.callBacks.alreadyDone' using errcode = '23505';
  end if;
end;
$$;
revoke execute on function public.coordinator_finish_call_back(uuid, text) from public;
grant execute on function public.coordinator_finish_call_back(uuid, text) to authenticated;
