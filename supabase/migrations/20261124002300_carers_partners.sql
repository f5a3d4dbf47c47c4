/*
 * ---------------------------------------------------------------------------------------------
 * Carers: an officer adds a partner (a shop, cinema or florist) by the e-mail address its staff
 * signs in with. The account is made if it does not exist yet (the staff signs in with a code
 * by e-mail, as everyone does); the address of someone who already is a partner elsewhere is
 * refused.
 * ---------------------------------------------------------------------------------------------
 */

/**
 * Adds a partner of the municipality, or changes the one with this address. Only carer-support
 * officers of the municipality. The gifts must be among this year's gift choices. Logged.
 */
create function public.carer_add_partner(p_municipality uuid, p_name text, p_email text, p_accepts_vouchers boolean, p_gifts text[])
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
  if exists (select 1 from public.carer_partners where profile_id = person and municipality_id <> p_municipality) then
    raise exception 'carers.errors.partner_elsewhere' using errcode = 'P0001';
  end if;
  insert into public.carer_partners (municipality_id, profile_id, name, accepts_vouchers, gifts)
  values (p_municipality, person, trim(p_name), p_accepts_vouchers, coalesce(p_gifts, '{}'))
  on conflict (profile_id) do update set name = excluded.name, accepts_vouchers = excluded.accepts_vouchers, gifts = excluded.gifts
  returning id into partner;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'carer.partner_saved', jsonb_build_object('partner', partner));
  return partner;
end;
$$;
grant execute on function public.carer_add_partner(uuid, text, text, boolean, text[]) to authenticated;
