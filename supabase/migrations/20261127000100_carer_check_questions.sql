/*
 * ---------------------------------------------------------------------------------------------
 * "Hoe gaat het met u?" with the municipality's own questions, and an optional voice note.
 *
 * The questions were fixed in the site's code. Now a municipality's carer-support officer sets
 * them (so it can use a validated scale such as the EDIZ), with the average from which the answers
 * count as a heavy burden. Every change is a new version: a check keeps the questions it was
 * answered with. A municipality without its own questions uses the usual five (municipality_id
 * empty).
 *
 * Whether a check is heavy is worked out once, by the database, when the check is saved (heavy):
 * the carer's page, the team's counts and the monitor all read that one column.
 *
 * The voice note belongs to the check, so only the carer hears it; when the carer asks to be
 * called back, whoever sees that call-back (the carer-support officers, the coordinators of the
 * carer's area) hears it too. The page says so.
 * ---------------------------------------------------------------------------------------------
 */

/** Two to twelve questions, each 5 to 200 characters (a check constraint cannot hold a subquery). */
create function public.carer_check_questions_fit(p_questions text[])
returns boolean
language sql immutable set search_path = ''
as $$
  select cardinality(p_questions) between 2 and 12
     and array_position(p_questions, null) is null
     and (select bool_and(length(btrim(q)) between 5 and 200) from unnest(p_questions) q);
$$;
grant execute on function public.carer_check_questions_fit(text[]) to authenticated;

create table public.carer_check_scales (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid references public.municipalities (id) on delete cascade,
  questions text[] not null check (public.carer_check_questions_fit(questions)),
  heavy_from numeric(2, 1) not null default 3.5 check (heavy_from between 1 and 5),
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.carer_check_scales is 'The questions of "Hoe gaat het met u?" per municipality, each change a new version (the newest counts). municipality_id empty: the usual questions, for a municipality without its own.';
comment on column public.carer_check_scales.heavy_from is 'Answers 1 (never) to 5 (very often): a check is heavy when the average is at least this, or any answer is 5.';
create index carer_check_scales_current_idx on public.carer_check_scales (municipality_id, created_at desc);

insert into public.carer_check_scales (id, municipality_id, questions, heavy_from) values
  ('00000000-0000-4000-8000-00000000c4ec', null, array[
    'Ik ben moe door de zorg.',
    'Ik heb te weinig tijd voor mezelf.',
    'Ik denk ook in mijn vrije tijd aan de zorg.',
    'Ik zie minder vaak mijn familie of vrienden.',
    'Ik sta er alleen voor.'
  ], 3.5);

alter table public.carer_check_scales enable row level security;
create policy "Anyone signed in can read the questions" on public.carer_check_scales
  for select to authenticated using (true);
create policy "Carer-support officers can set their municipality's questions" on public.carer_check_scales
  for insert to authenticated
  with check (municipality_id is not null and public.is_carer_officer(municipality_id) and created_by = (select auth.uid()));
revoke update, delete on public.carer_check_scales from anon, authenticated;

/** The questions that count now for a municipality: its newest version, or the usual ones. */
create function public.carer_current_check_scale(p_municipality uuid)
returns uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return coalesce(
    (select s.id from public.carer_check_scales s where s.municipality_id = p_municipality order by s.created_at desc, s.id limit 1),
    '00000000-0000-4000-8000-00000000c4ec'::uuid);
end;
$$;
grant execute on function public.carer_current_check_scale(uuid) to authenticated;

/** The questions for the signed-in carer: those of the municipality they live in. */
create function public.carer_my_check_scale()
returns table (id uuid, questions text[], heavy_from numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select s.id, s.questions, s.heavy_from
  from public.carer_check_scales s
  where s.id = public.carer_current_check_scale(
    (select a.municipality_id from public.profiles p join public.areas a on a.id = p.area_id where p.id = (select auth.uid())));
end;
$$;
grant execute on function public.carer_my_check_scale() to authenticated;

-- The checks: which questions, whether heavy, and a voice note.
alter table public.carer_checks
  add column scale_id uuid references public.carer_check_scales (id),
  add column heavy boolean not null default false,
  add column voice_id uuid references public.voice_messages (id) on delete set null;
update public.carer_checks set scale_id = '00000000-0000-4000-8000-00000000c4ec',
  heavy = (answers[1] + answers[2] + answers[3] + answers[4] + answers[5]) >= 17.5 or 5 = any (answers);
alter table public.carer_checks alter column scale_id set not null;
alter table public.carer_checks drop constraint carer_checks_answers_check;
alter table public.carer_checks add constraint carer_checks_answers_check
  check (cardinality(answers) between 2 and 12 and 1 <= all (answers) and 5 >= all (answers));
create index carer_checks_scale_id_idx on public.carer_checks (scale_id);
create index carer_checks_voice_id_idx on public.carer_checks (voice_id) where voice_id is not null;
comment on column public.carer_checks.heavy is 'Set by the database when the check is saved (carer_check_prepare), from the questions'' heavy_from.';

/**
 * Before a check is saved: the questions are the carer's municipality's (the current ones when
 * none are named; an older version of the same municipality is fine, for a form opened before a
 * change), one answer per question, and heavy worked out here, whatever the caller sent.
 */
create function public.carer_check_prepare()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  place uuid;
  scale public.carer_check_scales;
begin
  select a.municipality_id into place from public.profiles p join public.areas a on a.id = p.area_id where p.id = new.carer_id;
  select * into scale from public.carer_check_scales s where s.id = coalesce(new.scale_id, public.carer_current_check_scale(place));
  if scale.id is null or (scale.municipality_id is not null and scale.municipality_id is distinct from place) then
    raise exception 'carers.errors.check_questions_changed' using errcode = '22023';
  end if;
  if cardinality(new.answers) is distinct from cardinality(scale.questions) then
    raise exception 'carers.errors.check_missing' using errcode = '22023';
  end if;
  new.scale_id := scale.id;
  new.heavy := (select avg(a) from unnest(new.answers) a) >= scale.heavy_from or 5 = any (new.answers);
  return new;
end;
$$;
create trigger carer_checks_prepare before insert on public.carer_checks
  for each row execute function public.carer_check_prepare();

-- One rule for heavy: the column. The team's counts and the monitor read it.
create or replace function public.carer_check_counts(p_municipality uuid, p_year int)
returns table (checks int, heavy int, call_backs int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not public.is_carer_officer(p_municipality) then
    raise exception 'carers.errors.not_allowed' using errcode = '42501';
  end if;
  return query
  with mine as (
    select c.id, c.heavy from public.carer_checks c
    join public.profiles p on p.id = c.carer_id
    join public.areas a on a.id = p.area_id
    where a.municipality_id = p_municipality and extract(year from c.created_at at time zone 'Europe/Amsterdam') = p_year
  ), counted as (
    select count(*)::int as n_checks,
           count(*) filter (where m.heavy)::int as n_heavy,
           (select count(*)::int from public.carer_call_backs b where b.check_id in (select m2.id from mine m2)) as n_call_backs
    from mine m
  )
  select case when n.n_checks >= 5 then n.n_checks end,
         case when n.n_heavy >= 5 then n.n_heavy end,
         case when n.n_call_backs >= 5 then n.n_call_backs end
  from counted n;
end;
$$;
drop function public.carer_check_is_heavy(smallint[]);

create or replace function public.carer_monitor_checks_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    delete from public.carer_monitor_facts f where f.source_id in (select o.id from old_rows o);
  elsif tg_table_name = 'carer_checks' then
    insert into public.carer_monitor_facts (source_id, kind, municipality_id, year, area_id, heavy)
    select n.id, 'check', ar.municipality_id, extract(year from n.created_at at time zone 'Europe/Amsterdam')::int, ar.id, n.heavy
    from new_rows n join public.profiles p on p.id = n.carer_id join public.areas ar on ar.id = p.area_id
    on conflict (source_id) do nothing;
  else
    insert into public.carer_monitor_facts (source_id, kind, municipality_id, year, area_id)
    select n.id, 'call_back', n.municipality_id, extract(year from n.created_at at time zone 'Europe/Amsterdam')::int, p.area_id
    from new_rows n left join public.profiles p on p.id = n.carer_id
    on conflict (source_id) do nothing;
  end if;
  return null;
end;
$$;

/*
 * The check as an item of the shared rooms, for its voice note. Its audio may go once the check
 * is done with: at once when nobody was asked to call back, else when the call-back is done.
 */
create function public.carer_check_area(p_id uuid)
returns uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select p.area_id from public.carer_checks c join public.profiles p on p.id = c.carer_id where c.id = p_id);
end;
$$;

create function public.carer_check_closed_at(p_id uuid)
returns timestamptz
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select case when b.id is null then c.created_at else b.done_at end
          from public.carer_checks c left join public.carer_call_backs b on b.check_id = c.id
          where c.id = p_id);
end;
$$;

insert into public.item_types (type, table_name, area_function, hidden_column, voice_column, closed_at_function) values
  ('carer_check', 'public.carer_checks', 'public.carer_check_area(uuid)', null, 'voice_id', 'public.carer_check_closed_at(uuid)');

create trigger carer_checks_tie_voice after insert on public.carer_checks
  for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('carer_check');

/**
 * True when the signed-in person sees the call-back of this check: a carer-support officer of its
 * municipality, or a coordinator of the carer's area. For hearing the check's voice note.
 */
create function public.sees_call_back_of_check(p_check uuid)
returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.carer_call_backs b join public.profiles p on p.id = b.carer_id
    where b.check_id = p_check
      and (public.is_carer_officer(b.municipality_id) or p.area_id in (select public.my_coordinator_areas())));
end;
$$;
grant execute on function public.sees_call_back_of_check(uuid) to authenticated;

create policy "The carer, and who sees the call-back, may hear a check's voice note" on public.voice_messages
  for select to authenticated
  using (subject_type = 'carer_check'
         and (exists (select 1 from public.carer_checks c where c.id = subject_id) or public.sees_call_back_of_check(subject_id)));

/** A check that goes (deleted by the carer, or by the keeping-time job) takes its voice note along. */
create function public.carer_checks_take_voice_along()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.voice_messages v
  where v.subject_type = 'carer_check' and v.subject_id in (select o.id from old_rows o);
  return null;
end;
$$;
create trigger carer_checks_take_voice_along after delete on public.carer_checks
  referencing old table as old_rows for each statement execute function public.carer_checks_take_voice_along();

-- The call-back lists show the voice note beside the name.
drop function public.carer_call_back_list(uuid);
create function public.carer_call_back_list(p_municipality uuid)
returns table (id uuid, created_at timestamptz, display_name text, phone text, email text, voice_id uuid)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not public.is_carer_officer(p_municipality) then
    raise exception 'carers.errors.not_allowed' using errcode = '42501';
  end if;
  return query
  select b.id, b.created_at, p.display_name, p.phone, p.email, c.voice_id
  from public.carer_call_backs b
  join public.profiles p on p.id = b.carer_id
  join public.carer_checks c on c.id = b.check_id
  where b.municipality_id = p_municipality and b.done_at is null
  order by b.created_at;
end;
$$;
grant execute on function public.carer_call_back_list(uuid) to authenticated;

drop function public.coordinator_call_backs();
create function public.coordinator_call_backs()
returns table (
  id uuid, asked_at timestamptz, carer_name text, phone text, email text, area_name text,
  picked_up_by text, picked_up_at timestamptz, mine boolean, done_by text, done_at timestamptz, note text, voice_id uuid
)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select b.id, b.created_at, p.display_name, p.phone, p.email, a.name,
         picker.display_name, k.picked_up_at, k.picked_up_by = (select auth.uid()),
         finisher.display_name, coalesce(k.done_at, b.done_at), k.note, c.voice_id
  from public.carer_call_backs b
  join public.carer_checks c on c.id = b.check_id
  join public.profiles p on p.id = b.carer_id
  join public.areas a on a.id = p.area_id
  left join public.call_back_pickups k on k.call_back_id = b.id
  left join public.profiles picker on picker.id = k.picked_up_by
  left join public.profiles finisher on finisher.id = k.done_by
  where p.area_id in (select public.my_coordinator_areas())
    and coalesce(k.done_at, b.done_at, 'infinity') > now() - interval '14 days'
  order by coalesce(k.done_at, b.done_at) is not null, b.created_at;
end;
$$;
grant execute on function public.coordinator_call_backs() to authenticated;
