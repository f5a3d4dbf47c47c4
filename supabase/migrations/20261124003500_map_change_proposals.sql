/*
 * ---------------------------------------------------------------------------------------------
 * Change proposals on the sociale kaart: the people of a provider (members of the organisation
 * a provider is linked to) propose new wording or contact details for its entries; an editor of
 * the entry approves or turns it down. An approved proposal is an ordinary edit of the entry, so
 * the change log keeps every field's old and new value, with the editor who approved it.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * True when the current user belongs to the organisation the service's provider is linked to.
 */
create function public.is_map_provider_of(service uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
    from public.map_services s
    join public.map_providers p on p.id = s.provider_id
    join public.memberships m on m.organisation_id = p.organisation_id
    where s.id = service and m.profile_id = (select auth.uid())
  );
$$;
revoke execute on function public.is_map_provider_of(uuid) from public;
grant execute on function public.is_map_provider_of(uuid) to authenticated;

create table public.map_change_proposals (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references public.map_services (id) on delete cascade,
  proposed_by uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  proposed_at timestamptz not null default now(),
  changes jsonb not null check (
    jsonb_typeof(changes) = 'object' and changes <> '{}'
    and (changes - array['name', 'summary', 'description', 'phone', 'email', 'url', 'cost_description', 'eligibility_description']) = '{}'
  ),
  note text not null default '' check (length(note) <= 500),
  status text not null default 'open' check (status in ('open', 'approved', 'rejected')),
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz
);
comment on table public.map_change_proposals is 'A provider proposes new values for some fields of its entry; an editor approves (applied, logged in map_changes) or turns it down.';
create index map_change_proposals_service_id_idx on public.map_change_proposals (service_id) where status = 'open';
create index map_change_proposals_proposed_by_idx on public.map_change_proposals (proposed_by);
create index map_change_proposals_decided_by_idx on public.map_change_proposals (decided_by);

alter table public.map_change_proposals enable row level security;
revoke all on public.map_change_proposals from anon;
revoke update, delete on public.map_change_proposals from authenticated;
create policy "Providers can propose changes to their own entries" on public.map_change_proposals
  for insert to authenticated
  with check (proposed_by = (select auth.uid()) and status = 'open' and decided_by is null and decided_at is null
              and public.is_map_provider_of(service_id));
create policy "Proposers can read their own proposals" on public.map_change_proposals
  for select to authenticated using (proposed_by = (select auth.uid()));
create policy "Editors can read the proposals for the entries they keep" on public.map_change_proposals
  for select to authenticated
  using (exists (select 1 from public.map_services s where s.id = service_id and public.is_map_editor(s.editor_organisation_id)));
grant select, insert on public.map_change_proposals to authenticated;

/**
 * An editor approves (the values are written to the entry; the change-log trigger records each
 * field's old and new value with the editor's id) or turns down an open proposal.
 */
create function public.decide_map_proposal(p_proposal uuid, p_approve boolean)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  p public.map_change_proposals;
  keeper uuid;
begin
  select * into p from public.map_change_proposals where id = p_proposal for update;
  if not found then
    raise exception 'No such proposal.' using errcode = 'P0002';
  end if;
  select s.editor_organisation_id into keeper from public.map_services s where s.id = p.service_id;
  if not public.is_map_editor(keeper) then
    raise exception 'Only an editor of this entry can decide.' using errcode = '42501';
  end if;
  if p.status <> 'open' then
    raise exception 'This proposal was decided already.' using errcode = 'P0001';
  end if;
  if p_approve then
    update public.map_services s set
      name = coalesce(p.changes ->> 'name', s.name),
      summary = coalesce(p.changes ->> 'summary', s.summary),
      description = coalesce(p.changes ->> 'description', s.description),
      phone = case when p.changes ? 'phone' then nullif(p.changes ->> 'phone', '') else s.phone end,
      email = case when p.changes ? 'email' then nullif(p.changes ->> 'email', '') else s.email end,
      url = case when p.changes ? 'url' then nullif(p.changes ->> 'url', '') else s.url end,
      cost_description = coalesce(p.changes ->> 'cost_description', s.cost_description),
      eligibility_description = coalesce(p.changes ->> 'eligibility_description', s.eligibility_description)
    where s.id = p.service_id;
  end if;
  update public.map_change_proposals
  set status = case when p_approve then 'approved' else 'rejected' end, decided_by = (select auth.uid()), decided_at = now()
  where id = p_proposal;
end;
$$;
revoke execute on function public.decide_map_proposal(uuid, boolean) from public;
grant execute on function public.decide_map_proposal(uuid, boolean) to authenticated;
