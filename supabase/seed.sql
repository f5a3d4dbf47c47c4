-- Demo data for the local stack: one municipality, its areas, a volunteer centre, a welfare
-- organisation, a municipal team and the people in them. Every address is @voorbeeld.nl; sign in
-- with one and read the code at /dev/mail.

insert into public.municipalities (id, name) values
  ('00000000-0000-4000-8000-000000000001', 'Gemeente Heuvelrijk');

insert into public.areas (id, municipality_id, name, kind, latitude, longitude) values
  ('00000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000001', 'Centrum', 'wijk', 50.8514, 5.6910),
  ('00000000-0000-4000-8000-000000000102', '00000000-0000-4000-8000-000000000001', 'Noord', 'wijk', 50.8650, 5.6950),
  ('00000000-0000-4000-8000-000000000103', '00000000-0000-4000-8000-000000000001', 'Oost', 'wijk', 50.8530, 5.7150),
  ('00000000-0000-4000-8000-000000000104', '00000000-0000-4000-8000-000000000001', 'Beekdal', 'kern', 50.8300, 5.7400),
  ('00000000-0000-4000-8000-000000000105', '00000000-0000-4000-8000-000000000001', 'Heide', 'dorp', 50.8100, 5.7800),
  ('00000000-0000-4000-8000-000000000106', '00000000-0000-4000-8000-000000000001', 'Molenbroek', 'dorp', 50.7950, 5.8100);

insert into public.organisations (id, municipality_id, name, kind, phone, opening_hours) values
  ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000001', 'Vrijwilligerscentrale Heuvelrijk', 'volunteer_centre',
   '043 123 40 00', '[{"day":1,"opens":"09:00","closes":"12:00"},{"day":2,"opens":"09:00","closes":"12:00"},{"day":3,"opens":"09:00","closes":"12:00"},{"day":4,"opens":"09:00","closes":"12:00"},{"day":4,"opens":"13:30","closes":"16:00"},{"day":5,"opens":"09:00","closes":"12:00"}]'),
  ('00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000001', 'Welzijn Beekdal', 'welfare',
   '043 765 00 11', '[{"day":2,"opens":"10:00","closes":"12:00"},{"day":4,"opens":"10:00","closes":"12:00"}]'),
  ('00000000-0000-4000-8000-000000000203', '00000000-0000-4000-8000-000000000001', 'Gemeente Heuvelrijk, team Samenleving', 'municipal_team', '14 043', '[]');

-- The volunteer centre works in the town; the welfare organisation in the villages.
insert into public.organisation_areas (organisation_id, area_id) values
  ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000101'),
  ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000102'),
  ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000103'),
  ('00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000104'),
  ('00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000105'),
  ('00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000106');

insert into public.profiles (id, display_name, area_id, preferred_language, email, phone, onboarded_at) values
  ('00000000-0000-4000-8000-000000000301', 'Sanne de Vries', '00000000-0000-4000-8000-000000000101', 'nl', 'sanne@voorbeeld.nl', '043 123 45 67', now()),
  ('00000000-0000-4000-8000-000000000302', 'Kees Janssen', '00000000-0000-4000-8000-000000000104', 'nl', 'kees@voorbeeld.nl', null, now()),
  ('00000000-0000-4000-8000-000000000303', 'Ahmed El Amrani', '00000000-0000-4000-8000-000000000101', 'nl', 'ahmed@voorbeeld.nl', null, now()),
  ('00000000-0000-4000-8000-000000000304', 'Truus Peters', '00000000-0000-4000-8000-000000000102', 'nl', 'truus@voorbeeld.nl', '06 12 34 56 78', now()),
  ('00000000-0000-4000-8000-000000000305', 'Jan Smeets', '00000000-0000-4000-8000-000000000105', 'nl', 'jan@voorbeeld.nl', null, now()),
  ('00000000-0000-4000-8000-000000000306', 'Fatima Bakker', '00000000-0000-4000-8000-000000000102', 'nl', 'fatima@voorbeeld.nl', '06 98 76 54 32', now()),
  ('00000000-0000-4000-8000-000000000307', 'Pieter Hendriks', '00000000-0000-4000-8000-000000000103', 'nl', 'pieter@voorbeeld.nl', null, now());

insert into public.memberships (organisation_id, profile_id, role) values
  ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000301', 'coordinator'),
  ('00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000302', 'coordinator'),
  ('00000000-0000-4000-8000-000000000203', '00000000-0000-4000-8000-000000000303', 'officer'),
  ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000306', 'volunteer'),
  ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000307', 'volunteer');

-- Mevrouw Willems phoned the volunteer centre; Sanne registered her (no e-mail).
insert into public.profiles (id, display_name, area_id, phone, created_by, onboarded_at) values
  ('00000000-0000-4000-8000-000000000308', 'Mevrouw Willems', '00000000-0000-4000-8000-000000000101', '043 765 43 21',
   '00000000-0000-4000-8000-000000000301', now());
insert into public.audit_log (actor_id, on_behalf_of, action, details) values
  ('00000000-0000-4000-8000-000000000301', '00000000-0000-4000-8000-000000000308', 'resident.registered_by_phone', '{}');

-- Volunteers: Fatima (Noord, has a VOG, so she can be a buddy) and Pieter (Oost).
insert into public.volunteer_profiles (profile_id, area_id, latitude, longitude, max_distance_km, availability, skills, vog_date) values
  ('00000000-0000-4000-8000-000000000306', '00000000-0000-4000-8000-000000000102', 50.8650, 5.6950, 5, 1755, 'Boodschappen doen en een praatje maken.', current_date - 200),
  ('00000000-0000-4000-8000-000000000307', '00000000-0000-4000-8000-000000000103', 50.8530, 5.7150, 8, 299592, 'Klussen in huis en in de tuin. Ik heb een auto.', null);
insert into public.volunteer_categories (volunteer_id, category_id) values
  ('00000000-0000-4000-8000-000000000306', 'groceries'),
  ('00000000-0000-4000-8000-000000000306', 'buddy'),
  ('00000000-0000-4000-8000-000000000306', 'paperwork'),
  ('00000000-0000-4000-8000-000000000307', 'odd_jobs'),
  ('00000000-0000-4000-8000-000000000307', 'garden'),
  ('00000000-0000-4000-8000-000000000307', 'ride');

-- Two open requests and a one-off offer.
insert into public.help_requests (id, submission_id, requester_id, created_by, category_id, description, area_id, when_kind, when_note) values
  ('00000000-0000-4000-8000-000000000401', '00000000-0000-4000-8000-000000000501', '00000000-0000-4000-8000-000000000304',
   '00000000-0000-4000-8000-000000000304', 'groceries', 'Ik kan niet goed lopen. Wie doet op vrijdag boodschappen voor mij?',
   '00000000-0000-4000-8000-000000000102', 'regularly', 'elke vrijdag'),
  ('00000000-0000-4000-8000-000000000402', '00000000-0000-4000-8000-000000000502', '00000000-0000-4000-8000-000000000308',
   '00000000-0000-4000-8000-000000000301', 'odd_jobs', 'De lamp in de gang is kapot. Ik kan niet op een trap staan.',
   '00000000-0000-4000-8000-000000000101', 'asap', null);
insert into public.help_request_private (request_id, address) values
  ('00000000-0000-4000-8000-000000000401', 'Lindelaan 12'),
  ('00000000-0000-4000-8000-000000000402', 'Markt 3');
insert into public.help_offers (volunteer_id, category_id, area_id, description, available_on) values
  ('00000000-0000-4000-8000-000000000307', 'garden', '00000000-0000-4000-8000-000000000103',
   'Zaterdag kan ik helpen in de tuin.', current_date + 5);

-- Initiatives: how Gemeente Heuvelrijk answers each kind of ask, and two initiatives that were
-- sent. Truus's street party waits for answers (one has a condition); Jan's vegetable garden is
-- public, got a no with another way, and its budget ask is late.
insert into public.initiative_ask_settings (municipality_id, kind, team_id, working_days, on_timeout, max_amount) values
  ('00000000-0000-4000-8000-000000000001', 'permit', '00000000-0000-4000-8000-000000000203', 10, 'escalate', null),
  ('00000000-0000-4000-8000-000000000001', 'space', '00000000-0000-4000-8000-000000000203', 10, 'yes', null),
  ('00000000-0000-4000-8000-000000000001', 'green', '00000000-0000-4000-8000-000000000203', 15, 'escalate', null),
  ('00000000-0000-4000-8000-000000000001', 'budget', '00000000-0000-4000-8000-000000000203', 15, 'escalate', 2500),
  ('00000000-0000-4000-8000-000000000001', 'materials', '00000000-0000-4000-8000-000000000203', 5, 'yes', null),
  ('00000000-0000-4000-8000-000000000001', 'contact', '00000000-0000-4000-8000-000000000203', 5, 'escalate', null),
  ('00000000-0000-4000-8000-000000000001', 'task', '00000000-0000-4000-8000-000000000203', 20, 'escalate', null);

insert into public.initiatives (id, founder_id, municipality_id, area_id, name, description, place, when_text, status, published, sent_at) values
  ('00000000-0000-4000-8000-000000000601', '00000000-0000-4000-8000-000000000304', '00000000-0000-4000-8000-000000000001',
   '00000000-0000-4000-8000-000000000102', 'Straatfeest Lindelaan', 'Een feest voor de hele straat. Zo leren we de nieuwe buren kennen.',
   'Lindelaan, tussen nummer 1 en 40', 'Zaterdag 20 juni, van 14 tot 22 uur', 'sent', false, now() - interval '3 days'),
  ('00000000-0000-4000-8000-000000000602', '00000000-0000-4000-8000-000000000305', '00000000-0000-4000-8000-000000000001',
   '00000000-0000-4000-8000-000000000105', 'Moestuin Heide', 'Samen groente kweken op het veldje bij de kerk. Iedereen mag meedoen.',
   'Het veldje naast de kerk', 'Elke zaterdagochtend, van maart tot oktober', 'sent', true, now() - interval '30 days');

insert into public.initiative_asks (id, initiative_id, kind, details, note, sent_on, due_on, on_timeout) values
  ('00000000-0000-4000-8000-000000000611', '00000000-0000-4000-8000-000000000601', 'permit',
   jsonb_build_object('date', to_char(current_date + 60, 'YYYY-MM-DD'), 'from', '14:00', 'until', '22:00', 'visitors', '120'),
   'We willen de straat afsluiten voor auto''s.', current_date - 3, public.add_working_days(current_date - 3, 10), 'escalate'),
  ('00000000-0000-4000-8000-000000000612', '00000000-0000-4000-8000-000000000601', 'materials',
   jsonb_build_object('items', jsonb_build_array('tables', 'tent'), 'date', to_char(current_date + 60, 'YYYY-MM-DD')),
   null, current_date - 3, public.add_working_days(current_date - 3, 5), 'yes'),
  ('00000000-0000-4000-8000-000000000621', '00000000-0000-4000-8000-000000000602', 'green',
   jsonb_build_object('place', 'Het veldje naast de kerk', 'use', 'Een moestuin met zes bakken'),
   null, current_date - 30, public.add_working_days(current_date - 30, 15), 'escalate'),
  ('00000000-0000-4000-8000-000000000622', '00000000-0000-4000-8000-000000000602', 'budget',
   jsonb_build_object('amount', '400', 'costs', 'Hout voor de bakken: 250 euro. Zaad en potgrond: 150 euro.'),
   null, current_date - 30, public.add_working_days(current_date - 30, 15), 'escalate');

insert into public.initiative_answers (ask_id, officer_id, decision, info, conditions, created_at) values
  ('00000000-0000-4000-8000-000000000611', '00000000-0000-4000-8000-000000000303', 'yes_if',
   'U mag de straat afsluiten.', array['Zet hekken aan het begin en het eind van de straat.', 'Houd de weg vrij voor de brandweer.'],
   now() - interval '1 day');
insert into public.initiative_answers (ask_id, officer_id, decision, reason, explanation, alternative, created_at) values
  ('00000000-0000-4000-8000-000000000621', '00000000-0000-4000-8000-000000000303', 'no_because', 'conflicting_use',
   'Op het veldje naast de kerk staat de kermis in september.',
   'U kunt het veldje aan de Beekstraat gebruiken. Bel Ahmed El Amrani op 14 043 om het samen te bekijken.',
   now() - interval '20 days');
-- Carers: this year's rules for the appreciation (the window covers the whole year, so the demo
-- always shows an open window): 150 euro to a bank account or as a voucher, or a gift.
insert into public.carer_settings (municipality_id, year, opens_on, closes_on, payout_options, amount_cents, gift_choices,
                                   max_carers_per_person, one_per_address, min_hours_per_week, min_months, who_may_apply, young_wording) values
  ('00000000-0000-4000-8000-000000000001', extract(year from now())::int,
   make_date(extract(year from now())::int, 1, 1), make_date(extract(year from now())::int, 12, 31),
   '{money,voucher,gift}', 15000, '{"Bos bloemen van de markt","Twee kaartjes voor de bioscoop"}',
   6, false, 8, 3, 'either',
   'Ben jij tussen 6 en 25 jaar? Zorg jij thuis voor iemand? Dan krijg jij ook een cadeau. Vraag het samen met een volwassene.');

-- Ahmed leads team Samenleving: reconsiderations and the daily list of late asks go to him.
insert into public.team_leads (organisation_id, profile_id) values
  ('00000000-0000-4000-8000-000000000203', '00000000-0000-4000-8000-000000000303');
