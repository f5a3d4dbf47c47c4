-- Demo data for the sociale kaart ("Waar kan ik terecht?"): providers, topics, services on the
-- four routes, places and opening times. Dates are relative to today, so one entry is always
-- "not checked for a year" (flagged) and one is old enough to be hidden.

insert into public.map_topics (id, name_nl, name_en, icon, position) values
  ('food', 'Eten en boodschappen', 'Food and shopping', 'tools-kitchen-2', 1),
  ('money', 'Geld en post', 'Money and paperwork', 'coin-euro', 2),
  ('company', 'Contact en samen iets doen', 'Company and activities', 'users-group', 3),
  ('transport', 'Vervoer', 'Getting around', 'bus', 4),
  ('health', 'Gezondheid', 'Health', 'stethoscope', 5),
  ('carers', 'Zorgen voor een ander', 'Caring for someone', 'heart-handshake', 6),
  ('home', 'Wonen en klussen', 'Home and odd jobs', 'home', 7),
  ('language', 'Taal en lezen', 'Language and reading', 'language', 8),
  ('children', 'Kinderen en gezin', 'Children and family', 'baby-carriage', 9);

insert into public.map_providers (id, municipality_id, organisation_id, name, description, website, email, phone) values
  ('00000000-0000-4000-8000-000000000901', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000201', 'Vrijwilligerscentrale Heuvelrijk', 'Brengt vrijwilligers en mensen die hulp zoeken bij elkaar.', 'https://vrijwilligers.heuvelrijk.example', 'info@vrijwilligers.heuvelrijk.example', '043 123 40 00'),
  ('00000000-0000-4000-8000-000000000902', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000202', 'Welzijn Beekdal', 'Welzijnswerk in de dorpen: ouderen, mantelzorg en ontmoeting.', 'https://welzijnbeekdal.example', 'info@welzijnbeekdal.example', '043 765 00 11'),
  ('00000000-0000-4000-8000-000000000903', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000203', 'Gemeente Heuvelrijk', 'Het Sociaal Loket van de gemeente.', 'https://heuvelrijk.example', 'loket@heuvelrijk.example', '14 043'),
  ('00000000-0000-4000-8000-000000000904', '00000000-0000-4000-8000-000000000001', null, 'Voedselbank Heuvelland', 'Geeft wekelijks een pakket met eten aan mensen met weinig geld.', 'https://voedselbank-heuvelland.example', null, '043 300 20 10'),
  ('00000000-0000-4000-8000-000000000905', '00000000-0000-4000-8000-000000000001', null, 'Bibliotheek Heuvelrijk', 'De bibliotheek, met het Taalhuis en het Digitaal Café.', 'https://bieb-heuvelrijk.example', 'info@bieb-heuvelrijk.example', '043 300 40 40'),
  ('00000000-0000-4000-8000-000000000906', '00000000-0000-4000-8000-000000000001', null, 'Huisartsenpraktijk De Linde', 'Huisartsen en praktijkondersteuners in Centrum.', 'https://delinde.example', null, '043 300 50 50');

insert into public.map_locations (id, provider_id, area_id, name, address_1, postal_code, city, province, latitude, longitude, wheelchair_accessible, accessibility_description) values
  ('00000000-0000-4000-8000-000000000921', '00000000-0000-4000-8000-000000000901', '00000000-0000-4000-8000-000000000101', 'Huis van de Wijk Centrum', 'Markt 12', '6211 CK', 'Heuvelrijk', 'Limburg', 50.8512, 5.6905, true, 'Ingang zonder drempel, lift naar de eerste verdieping.'),
  ('00000000-0000-4000-8000-000000000922', '00000000-0000-4000-8000-000000000902', '00000000-0000-4000-8000-000000000104', 'Gemeenschapshuis De Beek', 'Beekstraat 3', '6243 AB', 'Beekdal', 'Limburg', 50.8302, 5.7398, true, 'Alles op de begane grond.'),
  ('00000000-0000-4000-8000-000000000923', '00000000-0000-4000-8000-000000000904', '00000000-0000-4000-8000-000000000103', 'Uitgiftepunt Oost', 'Molenweg 40', '6222 BD', 'Heuvelrijk', 'Limburg', 50.8531, 5.7148, false, 'Drie treden bij de ingang.'),
  ('00000000-0000-4000-8000-000000000924', '00000000-0000-4000-8000-000000000905', '00000000-0000-4000-8000-000000000101', 'Bibliotheek Centrum', 'Kerkplein 1', '6211 AA', 'Heuvelrijk', 'Limburg', 50.8518, 5.6915, true, 'Lift en invalidentoilet.'),
  ('00000000-0000-4000-8000-000000000925', '00000000-0000-4000-8000-000000000903', '00000000-0000-4000-8000-000000000101', 'Stadhuis', 'Stadhuisplein 1', '6211 AB', 'Heuvelrijk', 'Limburg', 50.8515, 5.6912, true, 'Ingang met automatische deur.'),
  ('00000000-0000-4000-8000-000000000926', '00000000-0000-4000-8000-000000000906', '00000000-0000-4000-8000-000000000101', 'Praktijk De Linde', 'Lindelaan 8', '6211 LL', 'Heuvelrijk', 'Limburg', 50.8509, 5.6899, true, '');

-- Editors: the volunteer centre (Sanne) keeps the town's entries, Welzijn Beekdal (Kees) the villages'.
insert into public.map_services (id, provider_id, editor_organisation_id, area_id, name, summary, description, keywords, route, free, cost_description, minimum_age, maximum_age, eligibility_description, languages, wheelchair_accessible, accessibility_description, phone, email, url, assured_date, assured_by) values
  ('00000000-0000-4000-8000-000000000951', '00000000-0000-4000-8000-000000000904', '00000000-0000-4000-8000-000000000201', null,
   'Voedselbank', 'Een gratis pakket met eten als u weinig geld hebt.', 'Elke week haalt u een pakket op. Eerst kijkt iemand samen met u of u een pakket kunt krijgen.', 'eten boodschappen voedselpakket honger',
   'blue', true, '', 18, null, 'Voor mensen met weinig geld. Een hulpverlener verwijst u door.', '{nl,en,ar}', false, 'Drie treden bij de ingang.', '043 300 20 10', null, 'https://voedselbank-heuvelland.example', current_date - 40, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000952', '00000000-0000-4000-8000-000000000901', '00000000-0000-4000-8000-000000000201', null,
   'Klussendienst', 'Een vrijwilliger helpt u met een kleine klus in huis.', 'Een lamp ophangen, een kraan die lekt, een kastje in elkaar zetten. U betaalt alleen de spullen.', 'klus klussen lamp kraan reparatie',
   'yellow', true, '', null, null, 'Voor iedereen die een klus niet zelf kan doen.', '{nl}', false, '', '043 123 40 00', null, null, current_date - 20, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000953', '00000000-0000-4000-8000-000000000901', '00000000-0000-4000-8000-000000000201', null,
   'Buurtbus Heuvelrijk', 'Vrijwilligers rijden u naar de dokter of de winkel.', 'De buurtbus rijdt op werkdagen. Bel een dag van tevoren.', 'vervoer rit auto taxi dokter ziekenhuis',
   'yellow', false, 'Een rit kost 2 euro.', null, null, '', '{nl}', true, 'De bus heeft een lift voor een rolstoel.', '043 123 40 10', null, null, current_date - 100, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000954', '00000000-0000-4000-8000-000000000901', '00000000-0000-4000-8000-000000000201', null,
   'Maatjesproject', 'Een vaste vrijwilliger komt bij u op bezoek.', 'Samen koffie drinken, een wandeling maken of naar de markt. Eén keer per week of per twee weken.', 'eenzaam alleen bezoek praten maatje',
   'yellow', true, '', 18, null, '', '{nl,en}', false, '', '043 123 40 00', null, null, current_date - 60, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000955', '00000000-0000-4000-8000-000000000901', '00000000-0000-4000-8000-000000000201', null,
   'Schuldhulpmaatje', 'Een vrijwilliger helpt u met uw post en rekeningen.', 'Samen ordenen we uw post. We zoeken met u een oplossing voor schulden.', 'schulden geld rekeningen post administratie',
   'yellow', true, '', 18, null, '', '{nl}', false, '', '043 123 40 00', null, null, current_date - 90, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000956', '00000000-0000-4000-8000-000000000905', '00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000101',
   'Taalcafé', 'Oefen Nederlands praten met andere mensen.', 'Elke dinsdagmiddag in de bibliotheek. U hoeft zich niet aan te melden.', 'taal nederlands leren praten inburgeren',
   'orange', true, '', 16, null, '', '{nl,en,ar,tr,uk}', true, 'Lift en invalidentoilet.', '043 300 40 40', null, 'https://bieb-heuvelrijk.example', current_date - 30, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000957', '00000000-0000-4000-8000-000000000905', '00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000101',
   'Digitaal Café', 'Hulp bij uw telefoon, tablet of computer.', 'Vrijwilligers helpen u met DigiD, e-mail en apps. Neem uw eigen telefoon mee.', 'computer telefoon digid internet tablet',
   'orange', true, '', null, null, '', '{nl}', true, 'Lift en invalidentoilet.', '043 300 40 40', null, null, current_date - 15, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000958', '00000000-0000-4000-8000-000000000903', '00000000-0000-4000-8000-000000000201', null,
   'Sociaal Loket', 'Vragen over zorg, hulp in huis of geld? Wij denken met u mee.', 'U kunt bellen of langskomen. Samen kijken we wat u nodig hebt.', 'loket gemeente wmo hulp thuis zorg',
   'orange', true, '', null, null, '', '{nl,en}', true, 'Ingang met automatische deur.', '14 043', 'loket@heuvelrijk.example', 'https://heuvelrijk.example', current_date - 10, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000959', '00000000-0000-4000-8000-000000000903', '00000000-0000-4000-8000-000000000201', null,
   'Hulp bij het huishouden', 'Iemand helpt u met schoonmaken als dat zelf niet meer gaat.', 'Eerst praat iemand van de gemeente met u. Daarna besluit de gemeente of u deze hulp krijgt.', 'schoonmaken huishouden huishoudelijke hulp poetsen',
   'blue', false, 'U betaalt een eigen bijdrage van ten hoogste 21 euro per maand.', 18, null, 'Alleen met toestemming van de gemeente.', '{nl}', false, '', '14 043', null, null, current_date - 200, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000960', '00000000-0000-4000-8000-000000000906', '00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000101',
   'Praktijkondersteuner bij de huisarts', 'Praat over stress, somberheid of slecht slapen.', 'U maakt een afspraak via de huisarts. De huisarts verwijst u door.', 'huisarts dokter stress somber psychisch slapen',
   'blue', true, '', 12, null, 'U hebt een verwijzing van de huisarts nodig.', '{nl}', true, '', '043 300 50 50', null, null, current_date - 120, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000961', '00000000-0000-4000-8000-000000000902', '00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000104',
   'Mantelzorgcafé', 'Praat met andere mensen die voor iemand zorgen.', 'Eén keer per maand op woensdagavond. Er is koffie en soms een spreker.', 'mantelzorg zorgen ouder partner praten',
   'orange', true, '', null, null, 'Voor iedereen die zorgt voor een ander.', '{nl}', true, 'Alles op de begane grond.', '043 765 00 11', null, null, current_date - 50, '00000000-0000-4000-8000-000000000302'),
  ('00000000-0000-4000-8000-000000000962', '00000000-0000-4000-8000-000000000902', '00000000-0000-4000-8000-000000000202', null,
   'Iemand neemt de zorg even over', 'Een vrijwilliger past een dagdeel op, zodat u even vrij bent.', 'U zorgt voor iemand thuis. Een vrijwilliger komt een ochtend of middag, zodat u iets voor uzelf kunt doen.', 'respijtzorg mantelzorg oppas vrij rust',
   'yellow', true, '', null, null, 'Voor mensen die thuis voor iemand zorgen.', '{nl}', false, '', '043 765 00 11', null, null, current_date - 75, '00000000-0000-4000-8000-000000000302'),
  ('00000000-0000-4000-8000-000000000963', '00000000-0000-4000-8000-000000000902', '00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000104',
   'Koffieochtend De Beek', 'Drink koffie met dorpsgenoten in het gemeenschapshuis.', 'Elke donderdagochtend. Kom gewoon binnen.', 'koffie ontmoeten eenzaam gezellig ouderen',
   'orange', false, 'Koffie kost 1 euro.', null, null, '', '{nl}', true, 'Alles op de begane grond.', '043 765 00 11', null, null, current_date - 25, '00000000-0000-4000-8000-000000000302'),
  ('00000000-0000-4000-8000-000000000964', '00000000-0000-4000-8000-000000000902', '00000000-0000-4000-8000-000000000202', null,
   'Boodschappenservice', 'Een vrijwilliger doet boodschappen voor u.', 'Geef uw lijstje door. Een vrijwilliger brengt de boodschappen thuis. U betaalt de boodschappen.', 'boodschappen winkel supermarkt eten',
   'yellow', true, '', null, null, '', '{nl}', false, '', '043 765 00 11', null, null, current_date - 400, '00000000-0000-4000-8000-000000000302'),
  ('00000000-0000-4000-8000-000000000965', '00000000-0000-4000-8000-000000000902', '00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000105',
   'Rolstoelpool Heide', 'Leen een rolstoel voor een dag of een week.', 'De rolstoelen staan in het dorpshuis van Heide.', 'rolstoel lenen rollator scootmobiel',
   'orange', true, '', null, null, '', '{nl}', true, '', '043 765 00 11', null, null, current_date - 700, '00000000-0000-4000-8000-000000000302'),
  ('00000000-0000-4000-8000-000000000966', '00000000-0000-4000-8000-000000000902', '00000000-0000-4000-8000-000000000202', null,
   'Ouderenadviseur', 'Iemand die met u meedenkt over wonen, zorg en geld.', 'De ouderenadviseur komt bij u thuis. Het gesprek is gratis.', 'ouderen advies wonen zorg meedenken',
   'orange', true, '', 65, null, 'Voor mensen van 65 jaar en ouder.', '{nl}', false, '', '043 765 00 11', null, null, current_date - 35, '00000000-0000-4000-8000-000000000302'),
  ('00000000-0000-4000-8000-000000000967', '00000000-0000-4000-8000-000000000903', '00000000-0000-4000-8000-000000000201', null,
   'Jeugd- en gezinscoach', 'Hulp bij opvoeden of zorgen om uw kind.', 'Een coach praat met u en uw kind. U hebt geen verwijzing nodig.', 'opvoeden kind kinderen gezin jeugd ruzie',
   'orange', true, '', 0, 23, 'Voor gezinnen met kinderen tot 23 jaar.', '{nl,en,tr}', true, '', '14 043', null, null, current_date - 45, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000968', '00000000-0000-4000-8000-000000000903', '00000000-0000-4000-8000-000000000201', null,
   'Dagbesteding', 'Overdag een vaste plek om iets te doen met anderen.', 'Bijvoorbeeld tuinieren, koken of knutselen. De gemeente besluit of u deze hulp krijgt.', 'dagbesteding overdag bezigheid dementie',
   'blue', false, 'U betaalt een eigen bijdrage.', 18, null, 'Alleen met toestemming van de gemeente.', '{nl}', true, '', '14 043', null, null, current_date - 150, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000969', '00000000-0000-4000-8000-000000000901', '00000000-0000-4000-8000-000000000201', null,
   'Vraag het uw buren', 'Vraag eerst mensen die u kent: familie, vrienden of buren.', 'Vaak helpen mensen graag. Op Omzien kunt u ook een vraag stellen aan mensen in uw wijk.', 'familie vrienden buren netwerk omzien',
   'green', true, '', null, null, '', '{nl}', false, '', null, null, null, current_date - 5, '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000970', '00000000-0000-4000-8000-000000000905', '00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000101',
   'Taalhuis: beter leren lezen en schrijven', 'Leer beter lezen, schrijven of rekenen, in een kleine groep.', 'Voor mensen die Nederlands spreken maar moeite hebben met lezen. Samen met een vrijwilliger.', 'lezen schrijven rekenen laaggeletterd taal',
   'orange', true, '', 16, null, '', '{nl}', true, 'Lift en invalidentoilet.', '043 300 40 40', null, null, current_date - 80, '00000000-0000-4000-8000-000000000301');

insert into public.map_service_topics (service_id, topic_id) values
  ('00000000-0000-4000-8000-000000000951', 'food'), ('00000000-0000-4000-8000-000000000951', 'money'),
  ('00000000-0000-4000-8000-000000000952', 'home'),
  ('00000000-0000-4000-8000-000000000953', 'transport'),
  ('00000000-0000-4000-8000-000000000954', 'company'),
  ('00000000-0000-4000-8000-000000000955', 'money'),
  ('00000000-0000-4000-8000-000000000956', 'language'), ('00000000-0000-4000-8000-000000000956', 'company'),
  ('00000000-0000-4000-8000-000000000957', 'language'),
  ('00000000-0000-4000-8000-000000000958', 'health'), ('00000000-0000-4000-8000-000000000958', 'money'), ('00000000-0000-4000-8000-000000000958', 'home'),
  ('00000000-0000-4000-8000-000000000959', 'home'),
  ('00000000-0000-4000-8000-000000000960', 'health'),
  ('00000000-0000-4000-8000-000000000961', 'carers'), ('00000000-0000-4000-8000-000000000961', 'company'),
  ('00000000-0000-4000-8000-000000000962', 'carers'),
  ('00000000-0000-4000-8000-000000000963', 'company'), ('00000000-0000-4000-8000-000000000963', 'food'),
  ('00000000-0000-4000-8000-000000000964', 'food'),
  ('00000000-0000-4000-8000-000000000965', 'transport'), ('00000000-0000-4000-8000-000000000965', 'health'),
  ('00000000-0000-4000-8000-000000000966', 'home'), ('00000000-0000-4000-8000-000000000966', 'money'),
  ('00000000-0000-4000-8000-000000000967', 'children'),
  ('00000000-0000-4000-8000-000000000968', 'company'), ('00000000-0000-4000-8000-000000000968', 'health'),
  ('00000000-0000-4000-8000-000000000969', 'company'),
  ('00000000-0000-4000-8000-000000000970', 'language');

insert into public.map_service_at_location (service_id, location_id) values
  ('00000000-0000-4000-8000-000000000951', '00000000-0000-4000-8000-000000000923'),
  ('00000000-0000-4000-8000-000000000954', '00000000-0000-4000-8000-000000000921'),
  ('00000000-0000-4000-8000-000000000955', '00000000-0000-4000-8000-000000000921'),
  ('00000000-0000-4000-8000-000000000956', '00000000-0000-4000-8000-000000000924'),
  ('00000000-0000-4000-8000-000000000957', '00000000-0000-4000-8000-000000000924'),
  ('00000000-0000-4000-8000-000000000958', '00000000-0000-4000-8000-000000000925'),
  ('00000000-0000-4000-8000-000000000960', '00000000-0000-4000-8000-000000000926'),
  ('00000000-0000-4000-8000-000000000961', '00000000-0000-4000-8000-000000000922'),
  ('00000000-0000-4000-8000-000000000963', '00000000-0000-4000-8000-000000000922'),
  ('00000000-0000-4000-8000-000000000970', '00000000-0000-4000-8000-000000000924');

-- Opening times (1 = Monday). The Sociaal Loket is open every day of the week, so "open now"
-- has something to show in the demo at office hours.
insert into public.map_schedules (service_id, day, opens, closes) values
  ('00000000-0000-4000-8000-000000000951', 5, '13:00', '16:00'),
  ('00000000-0000-4000-8000-000000000956', 2, '14:00', '16:00'),
  ('00000000-0000-4000-8000-000000000957', 3, '10:00', '12:00'),
  ('00000000-0000-4000-8000-000000000958', 1, '09:00', '17:00'), ('00000000-0000-4000-8000-000000000958', 2, '09:00', '17:00'),
  ('00000000-0000-4000-8000-000000000958', 3, '09:00', '17:00'), ('00000000-0000-4000-8000-000000000958', 4, '09:00', '17:00'),
  ('00000000-0000-4000-8000-000000000958', 5, '09:00', '17:00'),
  ('00000000-0000-4000-8000-000000000961', 3, '19:30', '21:30'),
  ('00000000-0000-4000-8000-000000000963', 4, '09:30', '11:30'),
  ('00000000-0000-4000-8000-000000000970', 1, '13:30', '15:30'), ('00000000-0000-4000-8000-000000000970', 4, '13:30', '15:30');

-- Worry signals: the coordinators are the contact persons of their areas.
insert into public.area_contact_persons (area_id, profile_id) values
  ('00000000-0000-4000-8000-000000000101', '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000102', '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000103', '00000000-0000-4000-8000-000000000301'),
  ('00000000-0000-4000-8000-000000000104', '00000000-0000-4000-8000-000000000302'),
  ('00000000-0000-4000-8000-000000000105', '00000000-0000-4000-8000-000000000302'),
  ('00000000-0000-4000-8000-000000000106', '00000000-0000-4000-8000-000000000302');
