/*
 * The public figures (initiative_figures(), all time) without reading every ask on each call.
 *
 * At 100,000 asks the function aggregated all of them per call (p95 1.75 s in the bench). An
 * answered ask's place in the figures changes only when the ask changes (its first answer, a newer
 * decision), so answered asks are counted once, by a trigger, into initiative_figures_kept: per
 * municipality, kind, on time or not, refused now or not, and working days to the first answer.
 * The median is read from those counts. Unanswered asks stay counted live (the partial index of
 * 20261124001400 holds only those), because "yes by silence" and "late" depend on today.
 *
 * An initiative deleted with its asks (a profile deleted) deletes its asks first, so the trigger
 * still finds the initiative's municipality.
 */

create table public.initiative_figures_kept (
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  kind public.ask_kind not null,
  on_time boolean not null,
  refused boolean not null,
  working_days int,
  n int not null check (n >= 0),
  unique nulls not distinct (municipality_id, kind, on_time, refused, working_days)
);
comment on table public.initiative_figures_kept is 'How many answered asks per municipality, kind, on time, refused now and working days to the first answer. Kept by keep_initiative_figures(); read by initiative_figures().';
alter table public.initiative_figures_kept enable row level security;
revoke all on public.initiative_figures_kept from anon, authenticated;
-- No policies, no grants: written by the trigger, read by initiative_figures() (security definer).

create function public.count_answered_ask(p_initiative uuid, p_kind public.ask_kind, p_on_time boolean,
                                          p_refused boolean, p_working_days int, p_step int)
returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.initiative_figures_kept as k (municipality_id, kind, on_time, refused, working_days, n)
  select i.municipality_id, p_kind, p_on_time, p_refused, p_working_days, greatest(p_step, 0)
  from public.initiatives i where i.id = p_initiative
  on conflict (municipality_id, kind, on_time, refused, working_days) do update set n = k.n + p_step;
$$;
revoke execute on function public.count_answered_ask(uuid, public.ask_kind, boolean, boolean, int, int) from public, anon, authenticated;

create function public.keep_initiative_figures()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.sent_on is not null and old.answered_at is not null then
    perform public.count_answered_ask(old.initiative_id, old.kind,
      coalesce((old.answered_at at time zone 'Europe/Amsterdam')::date <= old.due_on, false),
      old.decision_now is not distinct from 'no_because', old.answered_working_days, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.sent_on is not null and new.answered_at is not null then
    perform public.count_answered_ask(new.initiative_id, new.kind,
      coalesce((new.answered_at at time zone 'Europe/Amsterdam')::date <= new.due_on, false),
      new.decision_now is not distinct from 'no_because', new.answered_working_days, 1);
  end if;
  return null;
end;
$$;
revoke execute on function public.keep_initiative_figures() from public, anon, authenticated;

create trigger initiative_asks_keep_figures
  after insert or delete or update of initiative_id, kind, sent_on, due_on, answered_at, answered_working_days, decision_now
  on public.initiative_asks
  for each row execute function public.keep_initiative_figures();

create function public.delete_asks_before_initiative()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.initiative_asks where initiative_id = old.id;
  return old;
end;
$$;
revoke execute on function public.delete_asks_before_initiative() from public, anon, authenticated;

create trigger initiatives_delete_asks_first
  before delete on public.initiatives
  for each row execute function public.delete_asks_before_initiative();

insert into public.initiative_figures_kept (municipality_id, kind, on_time, refused, working_days, n)
select i.municipality_id, a.kind,
       coalesce((a.answered_at at time zone 'Europe/Amsterdam')::date <= a.due_on, false),
       a.decision_now is not distinct from 'no_because', a.answered_working_days, count(*)
from public.initiative_asks a join public.initiatives i on i.id = a.initiative_id
where a.sent_on is not null and a.answered_at is not null
group by 1, 2, 3, 4, 5;

create or replace function public.initiative_figures()
returns table (
  municipality_id uuid, municipality text, kind public.ask_kind, asks_sent int, answered int,
  answered_on_time int, refused int, yes_by_silence int, late_open int, median_working_days numeric
)
language sql stable security definer set search_path = ''
as $$
  with today as materialized (
    select public.today_nl() as d
  ), answered as (
    select k.municipality_id, k.kind, sum(k.n)::int as answered,
           coalesce(sum(k.n) filter (where k.on_time), 0)::int as on_time,
           coalesce(sum(k.n) filter (where k.refused), 0)::int as refused
    from public.initiative_figures_kept k where k.n > 0
    group by grouping sets ((k.municipality_id), (k.municipality_id, k.kind))
  ), waiting as (
    select i.municipality_id, a.kind, count(*)::int as open,
           count(*) filter (where a.on_timeout = 'yes' and t.d > a.due_on)::int as silence,
           count(*) filter (where a.on_timeout = 'escalate' and t.d > a.due_on)::int as late
    from public.initiative_asks a
    join public.initiatives i on i.id = a.initiative_id
    cross join today t
    where a.sent_on is not null and a.answered_at is null
    group by grouping sets ((i.municipality_id), (i.municipality_id, a.kind))
  ), days as (
    -- working days to the first answer, counted per municipality and kind, and per municipality
    select k.municipality_id, k.kind, k.working_days as d, sum(k.n) as n
    from public.initiative_figures_kept k where k.n > 0 and k.working_days is not null
    group by grouping sets ((k.municipality_id, k.working_days), (k.municipality_id, k.kind, k.working_days))
  ), running as (
    select x.*, sum(x.n) over (partition by x.municipality_id, x.kind order by x.d) as upto,
           sum(x.n) over (partition by x.municipality_id, x.kind) as total
    from days x
  ), median as (
    -- percentile_cont(0.5): the middle value, or the mean of the two middle values
    select r.municipality_id, r.kind,
           trim_scale(((min(r.d) filter (where r.upto >= floor((r.total + 1) / 2.0)))
            + (min(r.d) filter (where r.upto >= ceil((r.total + 1) / 2.0))))::numeric / 2) as value
    from running r group by r.municipality_id, r.kind
  ), keys as (
    select x.municipality_id, x.kind from answered x
    union
    select w.municipality_id, w.kind from waiting w
  )
  select k.municipality_id, mu.name, k.kind,
         coalesce(x.answered, 0) + coalesce(w.open, 0),
         coalesce(x.answered, 0),
         coalesce(x.on_time, 0),
         coalesce(x.refused, 0),
         coalesce(w.silence, 0),
         coalesce(w.late, 0),
         m.value
  from keys k
  join public.municipalities mu on mu.id = k.municipality_id
  left join answered x on x.municipality_id = k.municipality_id and x.kind is not distinct from k.kind
  left join waiting w on w.municipality_id = k.municipality_id and w.kind is not distinct from k.kind
  left join median m on m.municipality_id = k.municipality_id and m.kind is not distinct from k.kind;
$$;
