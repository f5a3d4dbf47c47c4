/*
 * ---------------------------------------------------------------------------------------------
 * Notifications: an in-app list, and per kind a choice: right away, a daily digest, or never.
 * Kinds, texts and links are registered by each domain in the server; the database keeps which
 * item a notification is about. Written only by the server (no insert policy).
 * ---------------------------------------------------------------------------------------------
 */

create type public.notification_frequency as enum ('immediately', 'daily', 'never');

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  profile_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z_]{1,40}$'),
  subject_type text not null references public.item_types (type),
  subject_id uuid not null,
  created_at timestamptz not null default now(),
  emailed_at timestamptz,
  read_at timestamptz
);
comment on table public.notifications is 'What happened that a person should know about, and about which item. Written by the server.';
create index notifications_profile_idx on public.notifications (profile_id, created_at desc);
create index notifications_unsent_idx on public.notifications (created_at) where emailed_at is null;
create index notifications_subject_idx on public.notifications (subject_type, subject_id);

create table public.notification_preferences (
  profile_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z_]{1,40}$'),
  frequency public.notification_frequency not null,
  primary key (profile_id, kind)
);
comment on table public.notification_preferences is 'Per kind of notification: e-mail right away, once a day, or never. Missing means right away.';

alter table public.notifications enable row level security;
alter table public.notification_preferences enable row level security;

create policy "People can read their own notifications" on public.notifications
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "People can mark their own notifications as read" on public.notifications
  for update to authenticated using (profile_id = (select auth.uid())) with check (profile_id = (select auth.uid()));
revoke update on public.notifications from anon, authenticated;
grant update (read_at) on public.notifications to authenticated;

create policy "People can read their own notification choices" on public.notification_preferences
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "People can set their own notification choices" on public.notification_preferences
  for insert to authenticated with check (profile_id = (select auth.uid()));
create policy "People can change their own notification choices" on public.notification_preferences
  for update to authenticated using (profile_id = (select auth.uid())) with check (profile_id = (select auth.uid()));
