/*
 * ---------------------------------------------------------------------------------------------
 * Carers: an officer removes a partner (a shop that stops taking part). The row stays, so the
 * codes it redeemed keep their history, but from then on its staff can no longer check or redeem
 * any code: my_carer_partner() no longer finds it, and the partner page says so plainly. Adding
 * the same address again brings it back.
 * ---------------------------------------------------------------------------------------------
 */

alter table public.carer_partners add column removed_at timestamptz;
comment on column public.carer_partners.removed_at is 'When an officer removed the partner; from then on it cannot check or redeem codes. Empty while it takes part.';

/** The partner entry of the signed-in person, if it still takes part. */
create or replace function public.my_carer_partner()
returns public.carer_partners
language sql stable security definer set search_path = ''
as $$
  select * from public.carer_partners where profile_id = (select auth.uid()) and removed_at is null;
$$;

/** An officer of the partner's municipality removes it. Logged. */
create function public.carer_remove_partner(p_partner uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  p public.carer_partners;
begin
  select * into p from public.carer_partners where id = p_partner for update;
  if not found or not public.is_carer_officer(p.municipality_id) then
    raise exception 'carers.errors.partner_not_found' using errcode = 'P0002';
  end if;
  update public.carer_partners set removed_at = coalesce(removed_at, now()) where id = p_partner;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'carer.partner_removed', jsonb_build_object('partner', p_partner));
end;
$$;
grant execute on function public.carer_remove_partner(uuid) to authenticated;

/**
 * Adds a partner of the municipality, or changes the one with this address (as before), and
 * brings a removed partner back.
 */
create or replace function public.carer_add_partner(p_municipality uuid, p_name text, p_email text, p_accepts_vouchers boolean, p_gifts text[])
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  person uuid;
  partner uuid;
  address text := lower(trim(p_email));
begin
  if not public.is_carer_officer(p_municipality) then
    raise exception 'carers.errors.not_allowed' using errcode = '42501';
  end if;
  if exists (
    select 1 from unnest(coalesce(p_gifts, '{}')) g
    where not exists (
      select 1 from public.carer_settings s
      where s.municipality_id = p_municipality and g = any (s.gift_choices)
    )
  ) then
    raise exception 'carers.errors.gift_unknown' using errcode = '22023';
  end if;
  select id into person from public.profiles where email = address;
  if person is null then
    insert into public.profiles (display_name, email, onboarded_at) values (trim(p_name), address, now()) returning id into person;
  end if;
  if exists (select 1 from public.carer_partners where profile_id = person and municipality_id <> p_municipality and removed_at is null) then
    raise exception 'carers.errors.partner_elsewhere' using errcode = 'P0001';
  end if;
  insert into public.carer_partners (municipality_id, profile_id, name, accepts_vouchers, gifts)
  values (p_municipality, person, trim(p_name), p_accepts_vouchers, coalesce(p_gifts, '{}'))
  on conflict (profile_id) do update
    set municipality_id = excluded.municipality_id, name = excluded.name, accepts_vouchers = excluded.accepts_vouchers,
        gifts = excluded.gifts, removed_at = null
  returning id into partner;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'carer.partner_saved', jsonb_build_object('partner', partner));
  return partner;
end;
$$;
