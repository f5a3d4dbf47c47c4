/*
 * ---------------------------------------------------------------------------------------------
 * A budget divided over all approved carers is divided once, when everyone is decided.
 *
 * With a budget (instead of a fixed amount), a voucher got the share of the moment it was
 * approved, and the payment list the share of the moment it was downloaded: the first carers got
 * more than the last, and the budget could be spent twice over. Now:
 * - while the budget is not yet divided, an approved voucher has no amount yet; a shop cannot
 *   take it ('not_yet'), and the payment list has no lines;
 * - after the window has closed and no application waits for a decision, the officer divides the
 *   budget (carer_divide_budget): every carer's share is fixed, vouchers get it, payments use it;
 * - after that nobody more is approved that year (there is nothing left to divide).
 * ---------------------------------------------------------------------------------------------
 */

alter table public.carer_settings
  add column divided_at timestamptz,
  add column divided_cents int check (divided_cents > 0),
  add constraint carer_settings_divided_check check ((divided_at is null) = (divided_cents is null) and (divided_at is null or budget_cents is not null));
comment on column public.carer_settings.divided_cents is 'Each approved carer''s share of the budget, fixed by carer_divide_budget(). Empty while not divided (and for a fixed amount).';

/**
 * What one carer gets this year in cents: the fixed amount; the share fixed when the budget was
 * divided; or, before that, what the share would be now (for the start page: at least one, so the
 * first approval shows the whole budget). (Replaces the version of 20261123000200.)
 */
create or replace function public.carer_amount(p_municipality uuid, p_year int)
returns int
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select coalesce(s.amount_cents, s.divided_cents, (s.budget_cents / greatest(1, (
      select count(*) from public.carer_applications a
      where a.municipality_id = s.municipality_id and a.year = s.year and a.status = 'approved'
    )))::int)
    from public.carer_settings s where s.municipality_id = p_municipality and s.year = p_year);
end;
$$;

alter table public.carer_vouchers drop constraint carer_vouchers_check;
alter table public.carer_vouchers add constraint carer_vouchers_check check (amount_cents is null or gift is null);
comment on column public.carer_vouchers.amount_cents is 'What a voucher is worth; empty for a gift, and for a voucher from a budget not yet divided.';

/** On approval of a voucher or a gift: its code; a voucher's worth now, or once the budget is divided. */
create or replace function public.make_carer_voucher()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  c text := public.carer_random_code(12);
  s public.carer_settings;
begin
  select * into s from public.carer_settings where municipality_id = new.municipality_id and year = new.year;
  insert into public.carer_vouchers (application_id, municipality_id, code, amount_cents, gift)
  values (new.id, new.municipality_id, substr(c, 1, 4) || '-' || substr(c, 5, 4) || '-' || substr(c, 9, 4),
          case when new.payout = 'voucher' then coalesce(s.amount_cents, s.divided_cents) end,
          case when new.payout = 'gift' then new.gift end)
  on conflict (application_id) do nothing;
  return new;
end;
$$;

/** No approval after the budget of the year was divided: there is nothing left to give. */
create function public.carer_guard_divided()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select 1 from public.carer_settings s
             where s.municipality_id = new.municipality_id and s.year = new.year and s.divided_at is not null) then
    raise exception 'carers.errors.budget_divided' using errcode = 'P0001';
  end if;
  return new;
end;
$$;
create trigger carer_applications_guard_divided before update of status on public.carer_applications
  for each row when (new.status = 'approved' and old.status <> 'approved')
  execute function public.carer_guard_divided();

/**
 * The officer divides the year's budget over every approved carer, once: after the window has
 * closed, with no application waiting for a decision or an answer. Fixes the share, gives every
 * voucher its amount, logged. Returns the share in cents.
 */
create function public.carer_divide_budget(p_municipality uuid, p_year int)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.carer_settings;
  approved int;
  share int;
begin
  if not public.is_carer_officer(p_municipality) then
    raise exception 'carers.errors.not_allowed' using errcode = '42501';
  end if;
  select * into s from public.carer_settings where municipality_id = p_municipality and year = p_year for update;
  if not found or s.budget_cents is null then
    raise exception 'carers.errors.no_budget' using errcode = 'P0001';
  end if;
  if s.divided_at is not null then
    raise exception 'carers.errors.budget_divided' using errcode = 'P0001';
  end if;
  if public.today_nl() <= s.closes_on then
    raise exception 'carers.errors.window_still_open' using errcode = 'P0001';
  end if;
  if exists (select 1 from public.carer_applications a
             where a.municipality_id = p_municipality and a.year = p_year and a.status in ('submitted', 'question')) then
    raise exception 'carers.errors.still_deciding' using errcode = 'P0001';
  end if;
  select count(*)::int into approved from public.carer_applications a
  where a.municipality_id = p_municipality and a.year = p_year and a.status = 'approved';
  if approved = 0 then
    raise exception 'carers.errors.nobody_approved' using errcode = 'P0001';
  end if;
  share := s.budget_cents / approved;
  update public.carer_settings set divided_at = now(), divided_cents = share
  where municipality_id = p_municipality and year = p_year;
  update public.carer_vouchers v set amount_cents = share
  from public.carer_applications a
  where a.id = v.application_id and a.municipality_id = p_municipality and a.year = p_year
    and a.payout = 'voucher' and v.amount_cents is null;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'carer.budget_divided', jsonb_build_object('municipality', p_municipality, 'year', p_year, 'carers', approved, 'share_cents', share));
  return share;
end;
$$;
revoke execute on function public.carer_divide_budget(uuid, int) from public, anon;
grant execute on function public.carer_divide_budget(uuid, int) to authenticated;

/**
 * A partner checks a code, as in 20261124002100, and a voucher from a budget not yet divided is
 * 'not_yet': it cannot be used before it has its amount.
 */
create or replace function public.carer_voucher_check(p_code text)
returns table (state text, amount_cents int, gift text, redeemed_at timestamptz)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me public.carer_partners := public.my_carer_partner();
  v public.carer_vouchers;
  client text;
begin
  if me.id is null then
    raise exception 'carers.errors.only_partners' using errcode = '42501';
  end if;
  client := 'partner:' || me.id;
  if public.carer_confirm_blocked(client) then
    return query select 'too_many'::text, null::int, null::text, null::timestamptz;
    return;
  end if;
  select * into v from public.carer_vouchers x
  where replace(x.code, '-', '') = upper(regexp_replace(coalesce(p_code, ''), '[^A-Za-z0-9]', '', 'g'));
  if not found then
    insert into public.carer_confirm_tries (client) values (client);
    return query select 'wrong'::text, null::int, null::text, null::timestamptz;
    return;
  end if;
  if v.municipality_id <> me.municipality_id
     or (v.gift is not null and not (v.gift = any (me.gifts)))
     or (v.gift is null and not me.accepts_vouchers) then
    return query select 'elsewhere'::text, null::int, null::text, null::timestamptz;
    return;
  end if;
  if v.redeemed_at is not null then
    return query select 'used'::text, null::int, null::text, v.redeemed_at;
    return;
  end if;
  if v.gift is null and v.amount_cents is null then
    return query select 'not_yet'::text, null::int, null::text, null::timestamptz;
    return;
  end if;
  return query select 'valid'::text, v.amount_cents, v.gift, null::timestamptz;
end;
$$;
