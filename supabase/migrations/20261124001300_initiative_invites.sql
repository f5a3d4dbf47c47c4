/*
 * ---------------------------------------------------------------------------------------------
 * Co-founders invited by e-mail, also people without an account: the founder's invitation keeps
 * the address and the SHA-256 of a secret token (the token itself travels only in the e-mail).
 * Whoever signs in with that address and opens the link joins the initiative. 30 days, once.
 * ---------------------------------------------------------------------------------------------
 */

create table public.initiative_invites (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references public.initiatives (id) on delete cascade,
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  accepted_at timestamptz,
  accepted_by uuid references public.profiles (id) on delete set null
);
comment on table public.initiative_invites is 'An invitation to organise an initiative, sent by e-mail to someone who may not have an account yet. Only the SHA-256 of the link''s token is kept.';
create index initiative_invites_initiative_idx on public.initiative_invites (initiative_id);
create index initiative_invites_email_idx on public.initiative_invites (email) where accepted_at is null;

alter table public.initiative_invites enable row level security;
create policy "The founders see who was invited" on public.initiative_invites
  for select to authenticated using (public.is_initiative_founder(initiative_id));
revoke all on public.initiative_invites from anon;
-- Column grants: the founders read the address and whether it was accepted, never the token's hash.
revoke all on public.initiative_invites from authenticated;
grant select (id, initiative_id, email, created_at, accepted_at) on public.initiative_invites to authenticated;

/**
 * The founder invites an e-mail address (p_token_hash: the SHA-256, in hex, of the link's token).
 */
create function public.invite_cofounder(p_initiative uuid, p_email text, p_token_hash text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  invite uuid;
begin
  if not exists (select 1 from public.initiatives i where i.id = p_initiative and i.founder_id = (select auth.uid())) or not public.can_post() then
    raise exception 'Only the founder can invite someone.' using errcode = '42501';
  end if;
  insert into public.initiative_invites (initiative_id, email, token_hash)
  values (p_initiative, lower(trim(p_email)), p_token_hash)
  returning id into invite;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'initiative.cofounder_invited', jsonb_build_object('initiative', p_initiative, 'invite', invite));
  return invite;
end;
$$;
revoke execute on function public.invite_cofounder(uuid, text, text) from public, anon;
grant execute on function public.invite_cofounder(uuid, text, text) to authenticated;

/**
 * The invitation behind a link, for the person signed in: the initiative's id and name, and
 * whether it is theirs (the same e-mail address), still open and at most 30 days old.
 */
create function public.read_initiative_invite(p_token_hash text)
returns table (initiative_id uuid, initiative_name text, for_me boolean, open boolean)
language sql stable security definer set search_path = ''
as $$
  select v.initiative_id, i.name,
         v.email = (select p.email from public.profiles p where p.id = (select auth.uid())),
         v.accepted_at is null and v.created_at > now() - interval '30 days'
  from public.initiative_invites v join public.initiatives i on i.id = v.initiative_id
  where v.token_hash = p_token_hash;
$$;
revoke execute on function public.read_initiative_invite(text) from public, anon;
grant execute on function public.read_initiative_invite(text) to authenticated;

/**
 * Accepts an invitation: the person signed in with the invited address joins as co-founder.
 */
create function public.accept_initiative_invite(p_token_hash text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v public.initiative_invites;
  me public.profiles;
begin
  select * into v from public.initiative_invites where token_hash = p_token_hash for update;
  if not found or v.accepted_at is not null or v.created_at <= now() - interval '30 days' then
    raise exception 'This invitation is not valid (any more).' using errcode = 'P0002';
  end if;
  select * into me from public.profiles where id = (select auth.uid());
  if me.id is null or me.email is distinct from v.email or me.blocked_at is not null then
    raise exception 'This invitation is for someone else.' using errcode = '42501';
  end if;
  insert into public.initiative_cofounders (initiative_id, profile_id)
  select v.initiative_id, me.id
  where not exists (select 1 from public.initiatives i where i.id = v.initiative_id and i.founder_id = me.id)
  on conflict do nothing;
  update public.initiative_invites set accepted_at = now(), accepted_by = me.id where id = v.id;
  insert into public.audit_log (actor_id, action, details)
  values (me.id, 'initiative.cofounder_joined', jsonb_build_object('initiative', v.initiative_id, 'invite', v.id));
  return v.initiative_id;
end;
$$;
revoke execute on function public.accept_initiative_invite(text) from public, anon;
grant execute on function public.accept_initiative_invite(text) to authenticated;
