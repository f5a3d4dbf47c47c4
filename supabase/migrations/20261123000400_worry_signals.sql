/*
 * ---------------------------------------------------------------------------------------------
 * Worry signals: a resident tells the contact persons of an area privately "ik maak me zorgen
 * om …", without having to name anyone. A contact person picks it up and writes down what was
 * done; the sender sees only that it was picked up, never the notes. Only the sender and the
 * area's contact persons see a signal.
 * ---------------------------------------------------------------------------------------------
 */

-- A surrogate key, not (area_id, profile_id): PostgREST takes a table whose primary key holds
-- foreign keys to two tables for a many-to-many link, and a second path from profiles to areas
-- would make every existing profiles→areas embed ambiguous.
create table public.area_contact_persons (
  id uuid primary key default gen_random_uuid(),
  area_id uuid not null references public.areas (id) on delete cascade,
  profile_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now()
);
comment on table public.area_contact_persons is 'The contact persons of an area: the people who receive its worry signals. Set by the coordinators of the area.';
create unique index area_contact_persons_area_id_profile_id_idx on public.area_contact_persons (area_id, profile_id);
create index area_contact_persons_profile_id_idx on public.area_contact_persons (profile_id);

/**
 * True when the current user is a contact person of the area.
 */
create function public.is_contact_person_for_area(area uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.area_contact_persons c
    where c.area_id = area and c.profile_id = (select auth.uid())
  );
$$;
grant execute on function public.is_contact_person_for_area(uuid) to authenticated;

alter table public.area_contact_persons enable row level security;
create policy "Contact persons can read their own areas" on public.area_contact_persons
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "Coordinators can read the contact persons of their areas" on public.area_contact_persons
  for select to authenticated using (public.is_coordinator_for_area(area_id));
create policy "Coordinators can name contact persons in their areas" on public.area_contact_persons
  for insert to authenticated with check (public.is_coordinator_for_area(area_id));
create policy "Coordinators can remove contact persons in their areas" on public.area_contact_persons
  for delete to authenticated using (public.is_coordinator_for_area(area_id));
revoke update on public.area_contact_persons from anon, authenticated;
revoke all on public.area_contact_persons from anon;

create table public.worry_signals (
  id uuid primary key default gen_random_uuid(),
  sender_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  area_id uuid not null references public.areas (id) on delete restrict,
  body text not null check (length(btrim(body)) between 5 and 2000),
  created_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  acknowledged_by uuid references public.profiles (id) on delete set null
);
comment on table public.worry_signals is 'A worry a resident tells the contact persons of an area. Private: the sender and those contact persons only.';
comment on column public.worry_signals.acknowledged_at is 'When a contact person picked it up; all the sender learns.';
create index worry_signals_sender_id_idx on public.worry_signals (sender_id, created_at desc);
create index worry_signals_area_id_idx on public.worry_signals (area_id, created_at desc);
create index worry_signals_acknowledged_by_idx on public.worry_signals (acknowledged_by);

alter table public.worry_signals enable row level security;
revoke all on public.worry_signals from anon;
revoke update, delete on public.worry_signals from authenticated;
create policy "People can send a worry signal as themselves" on public.worry_signals
  for insert to authenticated
  with check (sender_id = (select auth.uid()) and public.can_post() and acknowledged_at is null and acknowledged_by is null);
create policy "Senders can read their own worry signals" on public.worry_signals
  for select to authenticated using (sender_id = (select auth.uid()));
create policy "Contact persons can read the worry signals of their areas" on public.worry_signals
  for select to authenticated using (public.is_contact_person_for_area(area_id));

create table public.worry_signal_notes (
  id bigint generated always as identity primary key,
  signal_id uuid not null references public.worry_signals (id) on delete cascade,
  written_by uuid references public.profiles (id) on delete set null,
  written_at timestamptz not null default now(),
  note text not null check (length(btrim(note)) between 2 and 2000)
);
comment on table public.worry_signal_notes is 'What a contact person did with a worry signal. Never shown to the sender.';
create index worry_signal_notes_signal_id_idx on public.worry_signal_notes (signal_id);
create index worry_signal_notes_written_by_idx on public.worry_signal_notes (written_by);

alter table public.worry_signal_notes enable row level security;
revoke all on public.worry_signal_notes from anon;
revoke insert, update, delete on public.worry_signal_notes from authenticated;
create policy "Contact persons can read the notes on the worry signals of their areas" on public.worry_signal_notes
  for select to authenticated
  using (exists (select 1 from public.worry_signals s where s.id = signal_id and public.is_contact_person_for_area(s.area_id)));

/**
 * When a worry signal should have been picked up: three working days (Monday to Friday) after
 * it came in. Public holidays are not counted out yet.
 */
create function public.worry_signal_due(received timestamptz)
returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select received + make_interval(days => (
    select d from generate_series(3, 7) d
    where (select count(*) from generate_series(1, d) i
           where extract(isodow from (received at time zone 'Europe/Amsterdam')::date + i) < 6) = 3
    order by d limit 1));
$$;
grant execute on function public.worry_signal_due(timestamptz) to authenticated;

/**
 * A contact person picks a signal up and writes down what was done. The first note
 * acknowledges it; later notes add to the record.
 */
create function public.acknowledge_worry_signal(signal uuid, note text)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  area uuid;
begin
  select s.area_id into area from public.worry_signals s where s.id = signal;
  if area is null or not public.is_contact_person_for_area(area) then
    raise exception 'Only a contact person of this area can pick this up.' using errcode = '42501';
  end if;
  insert into public.worry_signal_notes (signal_id, written_by, note) values (signal, (select auth.uid()), btrim(note));
  update public.worry_signals
  set acknowledged_at = now(), acknowledged_by = (select auth.uid())
  where id = signal and acknowledged_at is null;
end;
$$;
grant execute on function public.acknowledge_worry_signal(uuid, text) to authenticated;
