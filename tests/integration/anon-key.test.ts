// On a hosted project the anon key is public. What it can learn about the database is only what a
// signed-out visitor needs: the public tables, and whoami() (see schema.test.ts).
import { describe, expect, it } from 'vitest';
import { env, sql } from './helpers';
import { ANON_HIDDEN_COLUMNS, anonFunctions, anonTables } from './public-surface';

const PUBLIC_TABLES = anonTables();

const asAnonKey = { apikey: env.SUPABASE_ANON_KEY, authorization: `Bearer ${env.SUPABASE_ANON_KEY}` };

describe('the anon key', () => {
	it('the OpenAPI root lists only the public tables, and no column of any other', async () => {
		const res = await fetch(`${env.SUPABASE_URL}/rest/v1/`, { headers: { ...asAnonKey, accept: 'application/openapi+json' } });
		expect(res.status).toBe(200);
		const api = (await res.json()) as { definitions?: Record<string, unknown>; paths: Record<string, unknown> };
		expect(Object.keys(api.definitions ?? {}).sort()).toEqual(PUBLIC_TABLES);
		const tablePaths = Object.keys(api.paths).filter((p) => p !== '/' && !p.startsWith('/rpc/'));
		expect(tablePaths.map((p) => p.slice(1)).sort()).toEqual(PUBLIC_TABLES);
		expect(Object.keys(api.paths).filter((p) => p.startsWith('/rpc/')).sort()).toEqual(anonFunctions().map((f) => `/rpc/${f}`).sort());
		const text = JSON.stringify(api);
		// (profiles may be named: a public table's foreign key note says which table a profile id points to)
		for (const secret of ['sessions', 'sign_in_codes', 'display_name', 'help_requests', 'addresses', 'voice_audio', 'secret_hash']) {
			expect(text, secret).not.toContain(secret);
		}
	});

	it('anon holds privileges on the public tables only; signed-in people keep theirs', async () => {
		const anon = await sql<{ table: string }>(
			`select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
			  where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p')
			    and (has_any_column_privilege('anon', c.oid, 'select') or has_table_privilege('anon', c.oid, 'insert')
			      or has_table_privilege('anon', c.oid, 'update') or has_table_privilege('anon', c.oid, 'delete'))
			  order by 1`
		);
		expect(anon.map((r) => r.table).sort()).toEqual(PUBLIC_TABLES);
		// Who founded or answered a published initiative is not public: no grant on those columns.
		for (const column of ANON_HIDDEN_COLUMNS) {
			const [table, name] = column.split('.');
			const [hidden] = await sql<{ ok: boolean }>(`select has_column_privilege('anon', $1::regclass, $2, 'select') as ok`, [`public.${table}`, name]);
			expect(hidden.ok, column).toBe(false);
		}
		const [granted] = await sql<{ ok: boolean }>(`select has_table_privilege('authenticated', 'public.help_requests', 'select') as ok`);
		expect(granted.ok).toBe(true);
	});

	it('a table anon may not see answers as if it did not exist', async () => {
		const res = await fetch(`${env.SUPABASE_URL}/rest/v1/profiles?select=*`, { headers: asAnonKey });
		expect(res.status).toBeGreaterThanOrEqual(400);
		expect(await res.text()).not.toContain('@voorbeeld.nl');
	});

	// PostgREST 12 suggests a near name from its schema cache whatever the caller's privileges
	// (PostgREST/postgrest#3980), and has no setting to stop it; hiding those names would mean
	// moving every function out of the exposed schema. What holds: a suggested name is no way in.
	it('an unknown function at most suggests a name anon is then refused', async () => {
		const call = (name: string) =>
			fetch(`${env.SUPABASE_URL}/rest/v1/rpc/${name}`, { method: 'POST', headers: { ...asAnonKey, 'content-type': 'application/json' }, body: '{}' });
		const res = await call('help_ac');
		expect(res.status).toBe(404);
		const { hint } = (await res.json()) as { hint: string | null };
		const suggested = /function public\.(\w+)/.exec(hint ?? '')?.[1];
		if (suggested && suggested !== 'whoami') {
			const refused = await call(suggested);
			expect([401, 403, 404]).toContain(refused.status);
			expect(((await refused.json()) as { code: string }).code).toMatch(/^(42501|PGRST202)$/);
		}
	});
});
