/*
 * ---------------------------------------------------------------------------------------------
 * Initiatives: text or voice on every screen that asks for text, and a help need with a place.
 *
 * - "Waar is het?" and "Wanneer is het?" take a spoken message too (place_voice_id,
 *   when_voice_id), tied to the initiative like its "what and why" recording, so whoever may read
 *   the initiative may hear them. The shared voice room's trigger now takes the column to read as
 *   an optional second argument; an item type keeps one main voice column.
 * - A sent initiative keeps these as it was sent, like the rest.
 * - A help need of the plan may be spoken, and says where: the plan's place unless the founder
 *   writes another. The address goes into the request's private part, as for any help request.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * Ties a recording to the item that was just saved: the item type's voice column, or the column
 * named as the trigger's second argument. Only the author's own draft can be tied; anything else
 * refuses the whole statement. (Replaces the version of 20261122000500.)
 */
create or replace function public.tie_voice_to_item()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  item_type text := tg_argv[0];
  voice uuid;
begin
  select (to_jsonb(new) ->> coalesce(tg_argv[1], t.voice_column))::uuid into voice from public.item_types t where t.type = item_type;
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

alter table public.initiatives
  add column place_voice_id uuid references public.voice_messages (id) on delete set null,
  add column when_voice_id uuid references public.voice_messages (id) on delete set null;
comment on column public.initiatives.place_voice_id is 'Where, spoken (besides or instead of place).';
comment on column public.initiatives.when_voice_id is 'When, spoken (besides or instead of when_text).';
create index initiatives_place_voice_idx on public.initiatives (place_voice_id) where place_voice_id is not null;
create index initiatives_when_voice_idx on public.initiatives (when_voice_id) where when_voice_id is not null;
grant update (place_voice_id, when_voice_id) on public.initiatives to authenticated;
-- anon reads published initiatives through column grants (20261124001000), as with voice_id.
grant select (place_voice_id, when_voice_id) on public.initiatives to anon;

create trigger initiatives_tie_place_voice after update of place_voice_id on public.initiatives
  for each row when (new.place_voice_id is not null and new.place_voice_id is distinct from old.place_voice_id)
  execute function public.tie_voice_to_item('initiative', 'place_voice_id');
create trigger initiatives_tie_when_voice after update of when_voice_id on public.initiatives
  for each row when (new.when_voice_id is not null and new.when_voice_id is distinct from old.when_voice_id)
  execute function public.tie_voice_to_item('initiative', 'when_voice_id');

/**
 * Keeps the municipality in step with the area, and keeps a sent initiative as it was sent:
 * only published may change then. (Replaces the version of 20261123000100.)
 */
create or replace function public.guard_initiative()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.status = 'sent' and current_setting('omzien.sending', true) is distinct from 'on'
     and (new.name, new.description, new.voice_id, new.place, new.place_voice_id, new.when_text, new.when_voice_id, new.area_id)
         is distinct from (old.name, old.description, old.voice_id, old.place, old.place_voice_id, old.when_text, old.when_voice_id, old.area_id) then
    raise exception 'A sent initiative cannot be changed.' using errcode = '42501';
  end if;
  new.municipality_id := coalesce(
    (select a.municipality_id from public.areas a where a.id = new.area_id),
    (select a.municipality_id from public.profiles p join public.areas a on a.id = p.area_id where p.id = new.founder_id),
    new.municipality_id);
  return new;
end;
$$;

drop function public.initiative_help_request(uuid, uuid, text, text, date);

/**
 * A founder asks neighbours for help with the plan: a help request in the plan's area, typed or
 * spoken (p_voice: the founder's own draft recording), for a day or as soon as possible, with
 * where to come (p_address, kept private as for any request). One per form (p_submission).
 */
create function public.initiative_help_request(p_initiative uuid, p_submission uuid, p_category text, p_description text,
                                               p_when_date date default null, p_voice uuid default null, p_address text default null)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  i public.initiatives;
  request uuid;
begin
  select * into i from public.initiatives where id = p_initiative;
  if not found or not public.is_initiative_founder(p_initiative) or not public.can_post() then
    raise exception 'Only a founder can ask for help for this initiative.' using errcode = '42501';
  end if;
  if i.area_id is null then
    raise exception 'Choose where the initiative is first.' using errcode = '22023';
  end if;
  if (length(trim(coalesce(p_description, ''))) = 0 and p_voice is null) or length(trim(coalesce(p_description, ''))) > 1000 then
    raise exception 'Say what help is needed.' using errcode = '22023';
  end if;
  if length(trim(coalesce(p_address, ''))) > 200 then
    raise exception 'Say where in at most 200 characters.' using errcode = '22023';
  end if;
  if not exists (select 1 from public.help_categories c where c.id = p_category) then
    raise exception 'Choose a kind of help from the list.' using errcode = '22023';
  end if;
  if p_when_date is not null and p_when_date < public.today_nl() then
    raise exception 'Choose a day from today on.' using errcode = '22023';
  end if;
  insert into public.help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, when_date, when_note, voice_id)
  values (p_submission, (select auth.uid()), (select auth.uid()), p_category, trim(coalesce(p_description, '')), i.area_id,
          case when p_when_date is null then 'asap' else 'on_date' end::public.help_when, p_when_date,
          left('Voor het plan: ' || i.name, 200), p_voice)
  on conflict (submission_id) do nothing
  returning id into request;
  if request is null then
    select r.id into request from public.help_requests r
    join public.initiative_help_requests l on l.request_id = r.id and l.initiative_id = p_initiative
    where r.submission_id = p_submission and r.created_by = (select auth.uid());
    if request is null then
      raise exception 'This form was sent for another request.' using errcode = '23505';
    end if;
    return request;
  end if;
  if nullif(trim(coalesce(p_address, i.place, '')), '') is not null then
    insert into public.help_request_private (request_id, address) values (request, left(trim(coalesce(p_address, i.place)), 200));
  end if;
  insert into public.initiative_help_requests (request_id, initiative_id) values (request, p_initiative);
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.help_requested', jsonb_build_object('initiative', p_initiative, 'request', request));
  return request;
end;
$$;
revoke execute on function public.initiative_help_request(uuid, uuid, text, text, date, uuid, text) from public, anon;
grant execute on function public.initiative_help_request(uuid, uuid, text, text, date, uuid, text) to authenticated;
