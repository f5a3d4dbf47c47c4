/*
 * ---------------------------------------------------------------------------------------------
 * Worry signals, pages: a signal may be spoken instead of typed (the voice room), the contact
 * persons are told when one comes in, the due date skips Dutch public holidays, and the contact
 * person's list says who picked each signal up and when, and whether that was late.
 * ---------------------------------------------------------------------------------------------
 */

-- Text or voice: a recording alone is enough; typed text still needs a few words.
alter table public.worry_signals add column voice_id uuid references public.voice_messages (id) on delete set null;
alter table public.worry_signals alter column body drop not null;
alter table public.worry_signals drop constraint worry_signals_body_check;
alter table public.worry_signals add constraint worry_signals_text_or_voice check (
  (body is null or length(btrim(body)) between 5 and 2000) and (body is not null or voice_id is not null)
);
comment on column public.worry_signals.voice_id is 'The spoken signal, when it was spoken. Heard only by whoever may read the signal.';
create index worry_signals_voice_id_idx on public.worry_signals (voice_id);

drop policy "People can send a worry signal as themselves" on public.worry_signals;
create policy "People can send a worry signal as themselves" on public.worry_signals
  for insert to authenticated
  with check (sender_id = (select auth.uid()) and public.can_post() and acknowledged_at is null and acknowledged_by is null
              and (voice_id is null or public.is_own_draft_voice(voice_id)));

/**
 * The area of a worry signal (for the shared rooms: reports go to its coordinators).
 */
create function public.worry_signal_area(p_id uuid)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select s.area_id from public.worry_signals s where s.id = p_id;
$$;

/**
 * When a worry signal is done with, for the retention of its recording: when it was picked up.
 */
create function public.worry_signal_closed_at(p_id uuid)
returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select s.acknowledged_at from public.worry_signals s where s.id = p_id;
$$;

insert into public.item_types (type, table_name, area_function, voice_column, closed_at_function) values
  ('worry_signal', 'public.worry_signals', 'public.worry_signal_area(uuid)', 'voice_id', 'public.worry_signal_closed_at(uuid)');

create trigger worry_signals_tie_voice after insert on public.worry_signals
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('worry_signal');

create policy "Whoever may read a worry signal may hear its recording" on public.voice_messages
  for select to authenticated
  using (subject_type = 'worry_signal' and exists (select 1 from public.worry_signals s where s.id = subject_id));

/**
 * When a worry signal should have been picked up: three working days after it came in, at the
 * same time of day; weekends and Dutch public holidays do not count (add_working_days()).
 */
create or replace function public.worry_signal_due(received timestamptz)
returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select (public.add_working_days((received at time zone 'Europe/Amsterdam')::date, 3)
          + (received at time zone 'Europe/Amsterdam')::time) at time zone 'Europe/Amsterdam';
$$;

/**
 * The contact persons to tell about a new signal. Only its sender may ask (right after sending);
 * they get ids, never names.
 */
create function public.worry_signal_recipients(signal uuid)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.profile_id
  from public.worry_signals s
  join public.area_contact_persons c on c.area_id = s.area_id
  where s.id = signal and s.sender_id = (select auth.uid());
$$;
revoke execute on function public.worry_signal_recipients(uuid) from public;
grant execute on function public.worry_signal_recipients(uuid) to authenticated;

/**
 * The worry signals of the caller's areas as a contact person, open ones first, oldest first:
 * who sent it (name), when it is due and whether it is late, who picked it up and when. Only
 * signals of areas the caller is a contact person of; names are read here because a contact
 * person need not be allowed to read every profile.
 */
create function public.worry_signals_to_follow_up()
returns table (
  id uuid, area_id uuid, area_name text, body text, voice_id uuid, created_at timestamptz, sender_name text,
  due_at timestamptz, late boolean, acknowledged_at timestamptz, picked_up_by text
)
language sql stable security definer set search_path = ''
as $$
  select s.id, s.area_id, a.name, s.body, s.voice_id, s.created_at, sender.display_name,
         public.worry_signal_due(s.created_at),
         coalesce(s.acknowledged_at, now()) > public.worry_signal_due(s.created_at),
         s.acknowledged_at, picker.display_name
  from public.worry_signals s
  join public.area_contact_persons c on c.area_id = s.area_id and c.profile_id = (select auth.uid())
  join public.areas a on a.id = s.area_id
  left join public.profiles sender on sender.id = s.sender_id
  left join public.profiles picker on picker.id = s.acknowledged_by
  order by s.acknowledged_at is not null, s.created_at;
$$;
revoke execute on function public.worry_signals_to_follow_up() from public;
grant execute on function public.worry_signals_to_follow_up() to authenticated;
