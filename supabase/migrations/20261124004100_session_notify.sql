/**
 * Session cache, kept honest: every site instance keeps a validated session for a few seconds
 * (src/lib/server/auth/session-cache.ts) and LISTENs on channel 'omzien_sessions'. The database
 * says here what must be dropped at once, on every instance:
 *   's:<session id>'  a session ended (sign-out, sign out on all devices, expired);
 *   'u:<person id>'   something a session carries changed (roles, name, area, language, a block).
 * A notification is sent when the transaction commits; identical ones in one transaction are sent once.
 */

create function public.notify_session_ended()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  perform pg_notify('omzien_sessions', 's:' || old.id);
  return null;
end;
$$;

create trigger sessions_notify_ended
  after delete on public.sessions
  for each row execute function public.notify_session_ended();

create function public.notify_person_changed()
returns trigger
language plpgsql set search_path = ''
as $$
declare
  person uuid;
begin
  if tg_table_name = 'memberships' then
    person := coalesce(new.profile_id, old.profile_id);
    if tg_op = 'UPDATE' and new.profile_id is distinct from old.profile_id then
      perform pg_notify('omzien_sessions', 'u:' || old.profile_id);
    end if;
  else
    person := coalesce(new.id, old.id);
  end if;
  perform pg_notify('omzien_sessions', 'u:' || person);
  return null;
end;
$$;

create trigger memberships_notify_changed
  after insert or update or delete on public.memberships
  for each row execute function public.notify_person_changed();

create trigger profiles_notify_changed
  after update or delete on public.profiles
  for each row execute function public.notify_person_changed();
