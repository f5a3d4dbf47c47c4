/*
 * ---------------------------------------------------------------------------------------------
 * Items: the shared rooms (notifications, moderation, voice) work on any item of any domain.
 * A domain registers each item type once here, with the table it lives in and the columns the
 * rooms need; from then on an item is (subject_type, subject_id) everywhere.
 * ---------------------------------------------------------------------------------------------
 */

create table public.item_types (
  type text primary key check (type ~ '^[a-z][a-z_]{1,40}$'),
  table_name regclass not null unique,
  area_function regprocedure not null,
  hidden_column text,
  voice_column text,
  closed_at_function regprocedure
);
comment on table public.item_types is 'Item types the shared rooms know. Each domain''s migration registers its own.';
comment on column public.item_types.area_function is 'f(id uuid) returns uuid: the item''s area (null: no such item). Reports go to the coordinators of that area.';
comment on column public.item_types.hidden_column is 'A timestamptz column moderate() sets to hide the item; empty when it cannot be hidden.';
comment on column public.item_types.voice_column is 'The column that points at the item''s recording; empty when it has none.';
comment on column public.item_types.closed_at_function is 'f(id uuid) returns timestamptz: when the item closed (null while open). Audio is deleted a set time after.';

alter table public.item_types enable row level security;
create policy "Anyone signed in can read the item types" on public.item_types
  for select to authenticated using (true);
revoke insert, update, delete on public.item_types from anon, authenticated;

/**
 * The area an item belongs to, or null when there is no such item.
 */
create function public.item_area(p_type text, p_id uuid)
returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  t public.item_types;
  area uuid;
begin
  select * into t from public.item_types where type = p_type;
  if not found then
    return null;
  end if;
  execute format('select %s($1)', t.area_function::regproc) into area using p_id;
  return area;
end;
$$;
grant execute on function public.item_area(text, uuid) to authenticated;

/*
 * A person is an item too: they can be reported and blocked.
 */
create function public.person_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select p.area_id from public.profiles p where p.id = p_id;
$$;
insert into public.item_types (type, table_name, area_function) values ('person', 'public.profiles', 'public.person_area(uuid)');
