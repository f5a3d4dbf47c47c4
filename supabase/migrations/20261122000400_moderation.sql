/*
 * ---------------------------------------------------------------------------------------------
 * Moderation: anyone signed in reports any registered item; coordinators of the item's area see
 * the report and hide or unhide the item, block or unblock a person, or dismiss the report.
 * Everything they do is logged.
 * ---------------------------------------------------------------------------------------------
 */

create table public.reports (
  id uuid primary key default gen_random_uuid(),
  reporter_id uuid not null references public.profiles (id) on delete cascade,
  subject_type text not null references public.item_types (type),
  subject_id uuid not null,
  area_id uuid not null references public.areas (id),
  reason text not null check (length(reason) between 1 and 1000),
  created_at timestamptz not null default now(),
  handled_at timestamptz,
  handled_by uuid references public.profiles (id) on delete set null
);
comment on table public.reports is 'Someone reports an item (a request, an offer, a person, …). Coordinators of the item''s area see it.';
create index reports_area_idx on public.reports (area_id) where handled_at is null;
create index reports_subject_idx on public.reports (subject_type, subject_id);

alter table public.reports enable row level security;
create policy "People can read their own reports" on public.reports
  for select to authenticated using (reporter_id = (select auth.uid()));
create policy "Coordinators can read reports in their areas" on public.reports
  for select to authenticated using (public.is_coordinator_for_area(area_id));
create policy "Signed-in people who may post can report" on public.reports
  for insert to authenticated
  with check (reporter_id = (select auth.uid()) and handled_at is null and public.can_post());
revoke update, delete on public.reports from anon, authenticated;

/**
 * A report goes to the coordinators of the item's own area, whatever area the caller sends; a
 * report about an item that does not exist is refused.
 */
create function public.report_area_from_item()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.area_id := public.item_area(new.subject_type, new.subject_id);
  if new.area_id is null then
    raise exception 'There is nothing to report here.' using errcode = 'P0002';
  end if;
  return new;
end;
$$;
create trigger reports_area_from_item
  before insert on public.reports
  for each row execute function public.report_area_from_item();

/**
 * A coordinator of the item's area acts on it: hide or unhide an item, block or unblock a
 * person, or dismiss a report. With p_report the report is closed too. Logged.
 */
create function public.moderate(p_action text, p_subject_type text, p_subject_id uuid, p_report uuid default null)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  t public.item_types;
  target_area uuid;
begin
  if p_action not in ('hide', 'unhide', 'block', 'unblock', 'dismiss') then
    raise exception 'Unknown action %.', p_action using errcode = '22023';
  end if;
  select * into t from public.item_types where type = p_subject_type;
  if not found then
    raise exception 'Unknown item type %.', p_subject_type using errcode = '22023';
  end if;
  -- Block and unblock are for people, hide and unhide for items that can be hidden; any report
  -- (a person's too) can be dismissed.
  if (p_action in ('block', 'unblock') and p_subject_type <> 'person')
     or (p_action in ('hide', 'unhide') and (p_subject_type = 'person' or t.hidden_column is null))
     or (p_action = 'dismiss' and p_report is null) then
    raise exception 'This cannot be done to this item.' using errcode = '22023';
  end if;
  target_area := public.item_area(p_subject_type, p_subject_id);
  if target_area is null or not public.is_coordinator_for_area(target_area) then
    raise exception 'Only a coordinator of this area can do this.' using errcode = '42501';
  end if;
  -- The report must be about this very item, and in the caller's own areas (an item can move to
  -- another area after it was reported; the report stays with the coordinators it went to).
  if p_report is not null and not exists (
    select 1 from public.reports r
    where r.id = p_report and r.subject_type = p_subject_type and r.subject_id = p_subject_id
      and public.is_coordinator_for_area(r.area_id)
  ) then
    raise exception 'This report is about something else.' using errcode = '22023';
  end if;

  -- Tells the profile guard that this change of blocked_at is a coordinator's, through here.
  perform set_config('omzien.moderating', 'on', true);
  if p_action in ('hide', 'unhide') then
    execute format('update %s set %I = $2 where id = $1', t.table_name, t.hidden_column)
      using p_subject_id, case when p_action = 'hide' then now() end;
  elsif p_action = 'block' then
    update public.profiles set blocked_at = now(), blocked_by = me where id = p_subject_id;
  elsif p_action = 'unblock' then
    update public.profiles set blocked_at = null, blocked_by = null where id = p_subject_id;
  end if;
  perform set_config('omzien.moderating', 'off', true);

  update public.reports set handled_at = now(), handled_by = me where id = p_report and handled_at is null;
  insert into public.audit_log (actor_id, on_behalf_of, action, details)
  values (me, case when p_subject_type = 'person' then p_subject_id end, 'moderation.' || p_action,
          jsonb_build_object('subject_type', p_subject_type, 'subject_id', p_subject_id, 'report', p_report));
end;
$$;
grant execute on function public.moderate(text, text, uuid, uuid) to authenticated;
