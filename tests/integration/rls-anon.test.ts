// Issue 12, "What held": with the public anon key alone, no table gives personal data, no insert
// lands, no function but whoami() runs; and tokens we did not sign are refused. Every table in
// public is tried, so a new table is covered the day it is added.
import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { asAnon, env, people, sql, withToken } from './helpers';
import { anonFunctions, anonTables } from './public-surface';

/** Tables anyone may read (public-surface.ts says why), plus reference data signed-in people read. */
const PUBLIC_TABLES = [...anonTables(), 'item_types', 'organisation_areas'];

/** Columns on public tables whose names sound personal, and why they are not a person's data. */
const NOT_A_PERSON: Record<string, string> = {
	'carer_settings.max_carers_per_person': 'a rule of the municipality',
	'carer_settings.one_per_address': 'a rule of the municipality',
	'carer_settings.updated_by': 'an officer’s opaque id, no name (which officer changed the rules)',
	'map_locations.address_1': 'the address of a service, not of a person',
	'map_providers.email': 'an organisation’s public e-mail address',
	'map_services.email': 'a service’s public e-mail address',
	'map_services.assured_by': 'an editor’s opaque id, no name; the page shows the organisation',
	'initiatives.founder_id': 'anon holds no grant on this column (public-surface.ts: ANON_HIDDEN_COLUMNS)',
	'initiative_answers.officer_id': 'anon holds no grant on this column (public-surface.ts: ANON_HIDDEN_COLUMNS)',
	'initiative_ask_states.waiting_for_founder': 'a yes or no: the clock waits for a reply; names nobody'
};

const tables = async () =>
	(await sql<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1")).map((t) => t.tablename);

const rowCount = async (table: string) => Number((await sql<{ n: string }>(`select count(*) as n from public.${table}`))[0].n);

describe('the public anon key', () => {
	it('reads rows only from the public reference tables; every other table gives nothing', async () => {
		const anon = await asAnon();
		const readable: string[] = [];
		for (const table of await tables()) {
			const { data, error } = await anon.from(table as never).select('*').limit(3);
			if (error) {
				// no grant at all is as good as no rows (PostgREST: 42501 permission denied)
				expect(error.code, table).toBe('42501');
				continue;
			}
			if ((data ?? []).length > 0) readable.push(table);
		}
		expect(readable.filter((t) => !PUBLIC_TABLES.includes(t))).toEqual([]);
		expect(readable).toContain('areas'); // the check reads what it should
		// The tables that hold people have rows, so "nothing" above is RLS at work, not an empty database.
		for (const table of ['profiles', 'help_requests', 'help_request_private', 'memberships', 'audit_log']) {
			expect(await rowCount(table), table).toBeGreaterThan(0);
		}
	});

	it('the public tables carry no personal columns', async () => {
		const columns = await sql<{ table_name: string; column_name: string }>(
			'select table_name, column_name from information_schema.columns where table_schema = $1 and table_name = any ($2) order by 1, 2',
			['public', PUBLIC_TABLES]
		);
		const personal = columns
			.filter((c) => /email|display_name|address|profile|person|user|_by$|founder|officer|reporter|author/.test(c.column_name))
			.map((c) => `${c.table_name}.${c.column_name}`);
		expect(personal.filter((c) => !(c in NOT_A_PERSON))).toEqual([]);
	});

	it('cannot insert into any table', async () => {
		const anon = await asAnon();
		for (const table of await tables()) {
			const before = await rowCount(table);
			const { error } = await anon.from(table as never).insert({} as never);
			expect(error, table).not.toBeNull();
			expect(await rowCount(table), table).toBe(before);
		}
	});

	it('may run no function in public but those listed with a reason (public-surface.ts)', async () => {
		const runnable = await sql<{ proname: string }>(
			`select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname = 'public' and has_function_privilege('anon', p.oid, 'execute') order by 1`
		);
		expect(runnable.map((f) => f.proname).sort()).toEqual(anonFunctions());
		const anon = await asAnon();
		for (const fn of ['contact_details', 'browse_requests', 'suggest_helpers', 'first_name_of', 'insert_with_voice', 'save_volunteer_profile']) {
			const { error } = await anon.rpc(fn as never, {} as never);
			expect(error, fn).not.toBeNull();
		}
	});
});

describe('tokens we did not sign', () => {
	const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const exp = () => Math.floor(Date.now() / 1000) + 300;

	async function refused(token: string) {
		const db = withToken(token);
		const who = await db.rpc('whoami');
		expect(who.data).toBeNull();
		expect(who.error).not.toBeNull();
		const profiles = await db.from('profiles').select('id');
		expect(profiles.data ?? []).toEqual([]);
	}

	it('refuses an unsigned token (alg "none")', async () => {
		await refused(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ role: 'authenticated', sub: people.sanne, exp: exp() })}.`);
	});

	it('refuses a real token whose payload was changed to another person', async () => {
		const { mintAccessToken } = await import('../../src/lib/server/db/jwt');
		const [header, , signature] = (await mintAccessToken(people.truus)).split('.');
		await refused(`${header}.${base64url({ role: 'authenticated', sub: people.sanne, exp: exp() })}.${signature}`);
	});

	it('refuses a token signed with the public anon key as its secret, even one claiming service_role', async () => {
		const forged = await new SignJWT({ role: 'service_role' })
			.setProtectedHeader({ alg: 'HS256' })
			.setExpirationTime('5m')
			.sign(new TextEncoder().encode(env.SUPABASE_ANON_KEY));
		await refused(forged);
		const sessions = await withToken(forged).from('sessions').select('id');
		expect(sessions.data ?? []).toEqual([]);
	});

	it('still accepts what the server signs (the check above is not refusing everything)', async () => {
		const { mintAccessToken } = await import('../../src/lib/server/db/jwt');
		const token = await mintAccessToken(people.truus);
		expect((await withToken(token).rpc('whoami')).data).toBe(people.truus);
	});
});
