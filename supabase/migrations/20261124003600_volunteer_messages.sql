/*
 * ---------------------------------------------------------------------------------------------
 * A coordinator's message to the volunteers of an area (and optionally one kind of help). Each
 * volunteer is told through the notifications room, which follows their own choice per kind
 * (right away, once a day, never by e-mail). Only the coordinators of the area and the volunteers
 * it went to read it.
 * ---------------------------------------------------------------------------------------------
 */

create table public.volunteer_messages (
  id uuid primary key default gen_random_uuid(),
  area_id uuid not null references public.areas (id) on delete cascade,
  category_id text references public.help_categories (id) on delete cascade,
  body text not null check (length(btrim(body)) between 5 and 1000),
  sent_by uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  sent_at timestamptz not null default now()
);
comment on table public.volunteer_messages is 'A coordinator''s message to the volunteers of an area, all of them or those who do one kind of help (category_id).';
create index volunteer_messages_area_id_idx on public.volunteer_messages (area_id, sent_at desc);
create index volunteer_messages_category_id_idx on public.volunteer_messages (category_id);
create index volunteer_messages_sent_by_idx on public.volunteer_messages (sent_by);

/**
 * True when the current user is an active volunteer the message is for.
 */
create function public.is_volunteer_message_recipient(message uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.volunteer_messages m
    join public.volunteer_profiles v on v.area_id = m.area_id and v.active
    where m.id = message and v.profile_id = (select auth.uid())
      and (m.category_id is null or m.category_id = any (v.categories))
  );
$$;
revoke execute on function public.is_volunteer_message_recipient(uuid) from public;
grant execute on function public.is_volunteer_message_recipient(uuid) to authenticated;

alter table public.volunteer_messages enable row level security;
revoke all on public.volunteer_messages from anon;
revoke update, delete on public.volunteer_messages from authenticated;
grant select, insert on public.volunteer_messages to authenticated;
create policy "Coordinators can write to the volunteers of their areas" on public.volunteer_messages
  for insert to authenticated
  with check (sent_by = (select auth.uid()) and public.is_coordinator_for_area(area_id));
create policy "Coordinators can read the messages of their areas" on public.volunteer_messages
  for select to authenticated using (public.is_coordinator_for_area(area_id));
create policy "Volunteers can read the messages meant for them" on public.volunteer_messages
  for select to authenticated using (public.is_volunteer_message_recipient(id));

/**
 * Whom a message goes to: the active volunteers of its area (who do its kind of help). Only a
 * coordinator of the area may ask.
 */
create function public.volunteer_message_recipients(message uuid)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select v.profile_id
  from public.volunteer_messages m
  join public.volunteer_profiles v on v.area_id = m.area_id and v.active
  where m.id = message and public.is_coordinator_for_area(m.area_id)
    and (m.category_id is null or m.category_id = any (v.categories));
$$;
revoke execute on function public.volunteer_message_recipients(uuid) from public;
grant execute on function public.volunteer_message_recipients(uuid) to authenticated;

create function public.volunteer_message_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select m.area_id from public.volunteer_messages m where m.id = p_id;
$$;
insert into public.item_types (type, table_name, area_function) values
  ('volunteer_message', 'public.volunteer_messages', 'public.volunteer_message_area(uuid)');
