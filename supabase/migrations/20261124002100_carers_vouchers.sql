/*
 * ---------------------------------------------------------------------------------------------
 * Carers: a voucher or a gift. When an officer approves an application for a voucher or a gift,
 * the database gives it a unique code (twelve characters, about 59 bits, from the strong random
 * source). The carer shows it at a partner of the municipality (a shop, a cinema, a florist),
 * who signs in as usual and checks and redeems it on a simple page. Redeemed once: the database
 * refuses a second time, whoever asks. A partner sees only whether a code is valid and what it
 * is worth, never who the carer is. A gift can be redeemed only at a partner that hands it out.
 * ---------------------------------------------------------------------------------------------
 */

create table public.carer_partners (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  profile_id uuid not null unique references public.profiles (id) on delete cascade,
  name text not null check (length(name) between 2 and 80),
  accepts_vouchers boolean not null default true,
  gifts text[] not null default '{}' check (cardinality(gifts) <= 10),
  created_at timestamptz not null default now()
);
comment on table public.carer_partners is 'A shop, cinema or florist that takes the carers'' vouchers or hands out a gift, with the account its staff signs in with. Set by the municipality''s carer-support officers.';
comment on column public.carer_partners.gifts is 'The gifts of carer_settings.gift_choices this partner hands out (the same words).';
create index carer_partners_municipality_id_idx on public.carer_partners (municipality_id);

alter table public.carer_partners enable row level security;
create policy "Partners can read their own entry" on public.carer_partners
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "Carer-support officers can read the partners of their municipality" on public.carer_partners
  for select to authenticated using (public.is_carer_officer(municipality_id));
create policy "Carer-support officers can add partners of their municipality" on public.carer_partners
  for insert to authenticated with check (public.is_carer_officer(municipality_id));
create policy "Carer-support officers can change partners of their municipality" on public.carer_partners
  for update to authenticated
  using (public.is_carer_officer(municipality_id)) with check (public.is_carer_officer(municipality_id));
create policy "Carer-support officers can remove partners of their municipality" on public.carer_partners
  for delete to authenticated using (public.is_carer_officer(municipality_id));
revoke all on public.carer_partners from anon;

create table public.carer_vouchers (
  application_id uuid primary key references public.carer_applications (id) on delete cascade,
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  code text not null unique check (code ~ '^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$'),
  amount_cents int check (amount_cents > 0),
  gift text check (length(gift) <= 80),
  created_at timestamptz not null default now(),
  redeemed_at timestamptz,
  redeemed_by uuid references public.carer_partners (id) on delete set null,
  check ((amount_cents is null) <> (gift is null))
);
comment on table public.carer_vouchers is 'The code of an approved voucher or gift. The carer (and whoever applied) read it; a partner only checks and redeems it through carer_voucher_check() and carer_voucher_redeem(); redeemed once.';
comment on column public.carer_vouchers.amount_cents is 'What a voucher is worth; empty for a gift.';
create index carer_vouchers_redeemed_by_idx on public.carer_vouchers (redeemed_by);
create index carer_vouchers_municipality_idx on public.carer_vouchers (municipality_id, redeemed_at);

alter table public.carer_vouchers enable row level security;
create policy "Carers can read the voucher of their own application" on public.carer_vouchers
  for select to authenticated
  using (exists (
    select 1 from public.carer_applications a
    where a.id = application_id and (select auth.uid()) in (a.carer_id, a.applied_by)
  ));
revoke all on public.carer_vouchers from anon, authenticated;
grant select on public.carer_vouchers to authenticated;

/** Once redeemed, always redeemed: nobody changes redeemed_at or the code afterwards. */
create function public.protect_carer_voucher()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if old.redeemed_at is not null then
    raise exception 'carers.errors.voucher_used' using errcode = 'P0001';
  end if;
  if new.code <> old.code or new.application_id <> old.application_id then
    raise exception 'carers.errors.voucher_fixed' using errcode = '42501';
  end if;
  return new;
end;
$$;

create trigger carer_vouchers_protect before update on public.carer_vouchers
  for each row execute function public.protect_carer_voucher();

/** On approval of a voucher or a gift: its code, worth what one carer gets at that moment. */
create function public.make_carer_voucher()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  c text := public.carer_random_code(12);
begin
  insert into public.carer_vouchers (application_id, municipality_id, code, amount_cents, gift)
  values (new.id, new.municipality_id, substr(c, 1, 4) || '-' || substr(c, 5, 4) || '-' || substr(c, 9, 4),
          case when new.payout = 'voucher' then public.carer_amount(new.municipality_id, new.year) end,
          case when new.payout = 'gift' then new.gift end)
  on conflict (application_id) do nothing;
  return new;
end;
$$;

create trigger carer_applications_voucher after update of status on public.carer_applications
  for each row when (new.status = 'approved' and old.status <> 'approved' and new.payout in ('voucher', 'gift'))
  execute function public.make_carer_voucher();

/** The partner entry of the signed-in person, if any. */
create function public.my_carer_partner()
returns public.carer_partners
language sql stable security definer set search_path = ''
as $$
  select * from public.carer_partners where profile_id = (select auth.uid());
$$;

/**
 * A partner checks a code: 'valid' (with what it is worth or which gift), 'used' (with when),
 * 'wrong', 'elsewhere' (a gift this partner does not hand out, or a voucher it does not take,
 * or another municipality's), or 'too_many' (too many wrong codes this hour). Only partners;
 * a wrong code counts as a try.
 */
create function public.carer_voucher_check(p_code text)
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
  return query select 'valid'::text, v.amount_cents, v.gift, null::timestamptz;
end;
$$;
grant execute on function public.carer_voucher_check(text) to authenticated;

/**
 * A partner redeems a code: 'redeemed' when it worked, else the state of carer_voucher_check().
 * The update claims the row only while it is not redeemed, so two tills at once cannot both
 * succeed. Logged.
 */
create function public.carer_voucher_redeem(p_code text)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me public.carer_partners := public.my_carer_partner();
  checked text;
  done_id uuid;
begin
  select c.state into checked from public.carer_voucher_check(p_code) c;
  if checked <> 'valid' then
    return checked;
  end if;
  update public.carer_vouchers x set redeemed_at = now(), redeemed_by = me.id
  where replace(x.code, '-', '') = upper(regexp_replace(p_code, '[^A-Za-z0-9]', '', 'g')) and x.redeemed_at is null
  returning x.application_id into done_id;
  if done_id is null then
    return 'used';
  end if;
  insert into public.audit_log (actor_id, action, details)
  values ((select auth.uid()), 'carer.voucher_redeemed', jsonb_build_object('application', done_id, 'partner', me.id));
  return 'redeemed';
end;
$$;
grant execute on function public.carer_voucher_redeem(text) to authenticated;

-- Partners find a code by its letters without the dashes.
create unique index carer_vouchers_bare_code_idx on public.carer_vouchers ((replace(code, '-', '')));
