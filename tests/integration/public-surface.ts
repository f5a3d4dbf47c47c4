// What the public anon key may reach on a hosted project, and why: one list for every test that
// checks it (schema.test.ts, rls-anon.test.ts, anon-key.test.ts). A new public table or function
// is added here with its reason, or the tests fail.

/** Tables and views anon holds a privilege on (select only), and why. RLS still decides the rows. */
export const ANON_TABLES: Record<string, string> = {
	municipalities: 'reference data: the municipalities Omzien serves',
	areas: 'reference data: the areas a visitor chooses from',
	organisations: 'the volunteer centre’s phone line and opening hours on the front door',
	help_categories: 'the kinds of help, shown before signing in',
	map_providers: 'the sociale kaart is public',
	map_topics: 'the sociale kaart is public',
	map_services: 'the sociale kaart is public (RLS: checked, not hidden)',
	map_service_topics: 'the sociale kaart is public',
	map_locations: 'the sociale kaart is public',
	map_service_at_location: 'the sociale kaart is public',
	map_schedules: 'the sociale kaart is public (opening times)',
	initiatives: 'published initiatives are public (RLS: published and sent, not hidden); column grants leave out founder_id',
	initiative_asks: 'the asks of a published initiative',
	initiative_answers: 'the municipality’s answers to a published initiative: "ja, tenzij" in the open; column grants leave out officer_id',
	initiative_ask_settings: 'how many working days the municipality takes per kind of ask',
	initiative_ask_states: 'the answer clock of a published initiative’s asks (a view with the caller’s rights)',
	carer_settings: 'the rules for carers of the year: the open page "Wat krijgt u?"'
};

/** Functions anon may run, and why. */
export const ANON_MAY_EXECUTE: Record<string, string> = {
	whoami: 'the smoke test of the JWT chain: answers null for anon',
	initiative_figures: 'the public figures on how the municipality answers initiatives: counts per municipality and kind, no person or initiative',
	today_nl: "date arithmetic for the state of a published initiative's asks (late, yes by silence)",
	working_days_between: 'date arithmetic for the same',
	working_days_between_in: "the same with the municipality's own days off (Good Friday, 5 May); reads only those two settings",
	is_working_day: 'date arithmetic for the same',
	is_dutch_holiday: 'date arithmetic for the same',
	easter_sunday: 'date arithmetic for the same',
	ask_waits_for_founder: "a yes or no for the state of a published initiative's ask (the clock stands still while the officer waits for a reply); shows no question",
	initiative_accountability: 'the public accountability page: counts per municipality, team, kind and quarter, no person or initiative',
	initiative_support_counts: 'how many neighbours support or join a published initiative: two numbers, no names',
	// The sociale kaart is public: searching it and saying an entry is wrong need no account.
	search_social_map: 'searches the public kaart; security invoker, so RLS decides what anon sees',
	report_map_outdated: '"Klopt dit niet meer?" from anyone: at most one open task per entry, a note of 300 characters',
	map_search_hits: 'the ids and scores behind search_social_map: only entries the caller may read anyway (the read policies, repeated inside)',
	map_fold: 'lower case without accents, for search; reads no table',
	map_similarity: 'trigram similarity of two texts, for search; reads no table',
	map_freshness: 'checked, flagged or hidden from a date; reads no table',
	map_service_distances: '"Dichtbij eerst": metres from an area centre to where public entries are given (at most 200 ids); public places only',
	freshness: 'the same as a computed field on a service anon may already read',
	map_service_is_public: 'whether a service is on the public kaart, which anon may read anyway',
	carer_amount: 'the open page "Wat krijgt u?" shows what one carer gets when a budget is divided: one public number',
	carer_confirmation_lookup: 'the person cared for, mostly without an account, sees what a confirmation code is for (carer\'s name, year, relationship, hours): the code is the key; wrong codes are counted and limited per client and in total',
	carer_confirm_with_secret: 'the person cared for confirms with the code or link, once, without an account; same guessing limits'
};

/** Columns of public tables anon may not read (column grants): who founded or answered is not public. */
export const ANON_HIDDEN_COLUMNS = ['initiatives.founder_id', 'initiative_answers.officer_id'];

export const anonTables = () => Object.keys(ANON_TABLES).sort();
export const anonFunctions = () => Object.keys(ANON_MAY_EXECUTE).sort();
