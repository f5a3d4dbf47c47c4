// The schema as a whole keeps the house rules: RLS and a comment on every table, policies that
// name their roles, a fixed search_path on every security definer function, and nothing in
// public that anon may run unless this file says why.
import { describe, expect, it } from 'vitest';
import { sql } from './helpers';

/** Functions anon may run, and why. */
const ANON_MAY_EXECUTE: Record<string, string> = {
	initiative_figures: 'the public figures on how the municipality answers initiatives: counts per municipality and kind, no person or initiative',
	today_nl: 'date arithmetic for the state of a published initiative\'s asks (late, yes by silence)',
	working_days_between: 'date arithmetic for the same',
	is_working_day: 'date arithmetic for the same',
	is_dutch_holiday: 'date arithmetic for the same',
	easter_sunday: 'date arithmetic for the same',
	whoami: 'the smoke test of the JWT chain: answers null for anon',
	// The sociale kaart is public: searching it and saying an entry is wrong need no account.
	search_social_map: 'searches the public kaart; security invoker, so RLS decides what anon sees',
	report_map_outdated: '"Klopt dit niet meer?" from anyone: at most one open task per entry, a note of 300 characters',
	map_fold: 'lower case without accents, for search; reads no table',
	map_similarity: 'trigram similarity of two texts, for search; reads no table',
	map_freshness: 'checked, flagged or hidden from a date; reads no table',
	freshness: 'the same as a computed field on a service anon may already read',
	map_service_is_public: 'whether a service is on the public kaart, which anon may read anyway',
	carer_amount: 'the open page "Wat krijgt u?" shows what one carer gets when a budget is divided: one public number'
};

describe('the public schema', () => {
	it('every table has row-level security and a comment', async () => {
		const tables = await sql<{ name: string; rls: boolean; comment: string | null }>(
			`select c.relname as name, c.relrowsecurity as rls, obj_description(c.oid, 'pg_class') as comment
			 from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'test\\_%'`
		);
		expect(tables.length).toBeGreaterThan(20);
		expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
		expect(tables.filter((t) => !t.comment).map((t) => t.name)).toEqual([]);
	});

	it('every policy names the roles it is for', async () => {
		const policies = await sql<{ table: string; policy: string; roles: string[] }>(
			`select tablename as table, policyname as policy, roles::text[] as roles from pg_policies where schemaname = 'public'`
		);
		expect(policies.length).toBeGreaterThan(40);
		expect(policies.filter((p) => p.roles.includes('public')).map((p) => `${p.table}: ${p.policy}`)).toEqual([]);
	});

	it('every security definer function fixes its search_path', async () => {
		const loose = await sql<{ name: string }>(
			`select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname = 'public' and p.prosecdef
			   and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`
		);
		expect(loose).toEqual([]);
	});

	it('anon may run nothing in public but the listed functions', async () => {
		const runnable = await sql<{ name: string }>(
			`select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname = 'public' and has_function_privilege('anon', p.oid, 'execute')`
		);
		expect(runnable.map((r) => r.name).sort()).toEqual(Object.keys(ANON_MAY_EXECUTE).sort());
	});

	it('every function is defined once: no overloads left behind by a later migration', async () => {
		const twice = await sql<{ name: string }>(
			`select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname = 'public' group by p.proname having count(*) > 1`
		);
		expect(twice).toEqual([]);
	});
});
