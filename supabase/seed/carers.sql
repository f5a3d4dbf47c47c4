-- Carers: a florist in town that hands out the flowers and takes the carers' vouchers. Its staff
-- signs in with bloemist@voorbeeld.nl and redeems codes at /partner.
insert into public.profiles (id, display_name, preferred_language, email, onboarded_at) values
  ('00000000-0000-4000-8000-000000000391', 'Bloemenwinkel De Roos', 'nl', 'bloemist@voorbeeld.nl', now());
insert into public.carer_partners (id, municipality_id, profile_id, name, accepts_vouchers, gifts) values
  ('00000000-0000-4000-8000-000000000392', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000391',
   'Bloemenwinkel De Roos', true, '{"Bos bloemen van de markt"}');
