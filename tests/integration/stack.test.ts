import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { SignJWT } from 'jose';
import { env, sql, asAnon, asUser, withToken, people } from './helpers';
import { assertPortFree, startStack, findFreePort, generateEs256Jwk, readSupabaseConfig } from '../../supabase/local/stack.js';
import pg from 'pg';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The demo municipality's own areas: other test files add areas of other municipalities meanwhile.
const HEUVELRIJK = '00000000-0000-4000-8000-000000000001';

describe('the local Supabase', () => {
	it('serves PostgREST at /rest/v1 on one URL, as Supabase does', async () => {
		const res = await fetch(`${env.SUPABASE_URL}/rest/v1/areas?select=name&municipality_id=eq.${HEUVELRIJK}&order=name`, {
			headers: { apikey: env.SUPABASE_ANON_KEY, authorization: `Bearer ${env.SUPABASE_ANON_KEY}` }
		});
		expect(res.status).toBe(200);
		const names = (await res.json()).map((a: { name: string }) => a.name);
		expect(names).toEqual(['Beekdal', 'Centrum', 'Heide', 'Molenbroek', 'Noord', 'Oost']);
	});

	it('has row-level security enabled on every table in public', async () => {
		const rows = await sql<{ relname: string; relrowsecurity: boolean }>(
			`select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`
		);
		expect(rows.length).toBeGreaterThanOrEqual(9);
		expect(rows.filter((r) => !r.relrowsecurity).map((r) => r.relname)).toEqual([]);
	});

	it('remembers which migrations ran', async () => {
		const rows = await sql<{ version: string }>('select version from supabase_migrations.schema_migrations');
		expect(rows.map((r) => r.version)).toContain('20261122000100');
	});

	it('says plainly which port is taken', async () => {
		const server = net.createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as net.AddressInfo).port;
		await expect(assertPortFree(port, 'Postgres', 'OMZIEN_PG_PORT')).rejects.toThrow(
			`Port ${port} (Postgres) is already in use by another program`
		);
		server.close();
	});
});

describe('whoami(): the JWT chain from server to RLS', () => {
	it('is null for anon', async () => {
		const db = await asAnon();
		const { data, error } = await db.rpc('whoami');
		expect(error).toBeNull();
		expect(data).toBeNull();
	});

	it('is the user for a signed-in person', async () => {
		const db = await asUser(people.truus);
		const { data, error } = await db.rpc('whoami');
		expect(error).toBeNull();
		expect(data).toBe(people.truus);
	});

	it('refuses a token signed with another secret', async () => {
		const forged = await new SignJWT({ role: 'authenticated', sub: people.sanne })
			.setProtectedHeader({ alg: 'HS256' })
			.setExpirationTime('5m')
			.sign(new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'));
		const { data, error } = await withToken(forged).rpc('whoami');
		expect(data).toBeNull();
		expect(error?.code).toBe('PGRST301');
	});

	it('refuses an expired token', async () => {
		const expired = await new SignJWT({ role: 'authenticated', sub: people.sanne })
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuedAt(Math.floor(Date.now() / 1000) - 600)
			.setExpirationTime(Math.floor(Date.now() / 1000) - 300)
			.sign(new TextEncoder().encode(env.SUPABASE_JWT_SECRET));
		const { data, error } = await withToken(expired).rpc('whoami');
		expect(data).toBeNull();
		expect(error?.message).toBe('JWT expired');
	});
});

// Each test here starts a whole stack of its own (a new cluster, migrations, seed): slow on a busy machine.
describe('starting again on the same data', { timeout: 90_000 }, () => {
	it('keeps the data and applies no migration twice', async () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'omzien-restart-'));
		const options = async (log: (m: string) => void) => ({
			dataDir,
			pgPort: await findFreePort(),
			restPort: await findFreePort(),
			apiPort: await findFreePort(),
			pgPassword: 'restart-test',
			jwtKey: { secret: 'restart-test-secret-restart-test-secret' },
			log
		});
		const first: string[] = [];
		const a = await startStack(await options((m) => first.push(m)));
		expect(a.isNew).toBe(true);
		await a.stop();
		const second: string[] = [];
		const b = await startStack(await options((m) => second.push(m)));
		try {
			expect(first.some((m) => m.startsWith('applied migration'))).toBe(true);
			expect(second.filter((m) => m.startsWith('applied migration') || m.includes('seed'))).toEqual([]);
			expect(b.isNew).toBe(false);
		} finally {
			await b.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});

// Each test here starts a whole stack of its own (a new cluster, migrations, seed): slow on a busy machine.
describe('an ES256 signing key instead of the HS256 secret', { timeout: 90_000 }, () => {
	it('lets PostgREST verify our tokens with the public key', async () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'omzien-es256-'));
		const jwk = await generateEs256Jwk();
		const stack = await startStack({
			dataDir,
			pgPort: await findFreePort(),
			restPort: await findFreePort(),
			apiPort: await findFreePort(),
			pgPassword: 'es256-test',
			jwtKey: { jwk },
			seed: false,
			log: () => {}
		});
		const saved = { ...process.env };
		try {
			Object.assign(process.env, { SUPABASE_URL: stack.apiUrl, POSTGREST_URL: stack.restUrl, SUPABASE_ANON_KEY: stack.anonKey, SUPABASE_JWT_SIGNING_KEY: jwk });
			delete process.env.SUPABASE_JWT_SECRET;
			const { vi } = await import('vitest');
			vi.resetModules();
			const { createUserClient } = await import('../../src/lib/server/db/clients');
			const { data, error } = await createUserClient(people.jan).rpc('whoami');
			expect(error).toBeNull();
			expect(data).toBe(people.jan);
		} finally {
			process.env = saved;
			const { vi } = await import('vitest');
			vi.resetModules();
			await stack.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});

// Each test here starts a whole stack of its own (a new cluster, migrations, seed): slow on a busy machine.
describe('a migration that fails', { timeout: 90_000 }, () => {
	it('names the file, the line and the statement, applies nothing of that file, and runs once fixed', async () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'omzien-broken-'));
		const migrationsDir = mkdtempSync(path.join(tmpdir(), 'omzien-migrations-'));
		writeFileSync(path.join(migrationsDir, '20300101000100_first.sql'), 'create table public.first_table (id int primary key);\n');
		const broken =
			'create table public.half_table (id int primary key);\n' +
			'alter table public.half_table enable row level security;\n' +
			'insert into public.no_such_table (id)\n  values (1);\n';
		writeFileSync(path.join(migrationsDir, '20300101000200_second.sql'), broken);
		const options = async () => ({
			dataDir,
			migrationsDir,
			pgPort: await findFreePort(),
			restPort: await findFreePort(),
			apiPort: await findFreePort(),
			pgPassword: 'broken-test',
			jwtKey: { secret: 'broken-test-secret-broken-test-secret' },
			seed: false,
			log: () => {}
		});
		try {
			const failure = await startStack(await options()).then(
				() => null,
				(err: Error) => err
			);
			expect(failure?.message).toContain('20300101000200_second.sql failed at line 3');
			expect(failure?.message).toContain('relation "public.no_such_table" does not exist');
			expect(failure?.message).toContain('insert into public.no_such_table (id)\n  values (1);');
			expect(failure?.message).toContain('Nothing of this file was applied.');

			// The stack stopped cleanly: a second start on the same data works once the file is fixed.
			writeFileSync(path.join(migrationsDir, '20300101000200_second.sql'), broken.replace('no_such_table', 'half_table'));
			const applied: string[] = [];
			const stack = await startStack({ ...(await options()), log: (m: string) => applied.push(m) });
			try {
				expect(applied).toEqual(['applied migration 20300101000200_second.sql']);
				const client = new pg.Client({ connectionString: stack.dbUrl });
				await client.connect();
				const { rows } = await client.query('select version from supabase_migrations.schema_migrations order by version');
				const { rows: half } = await client.query('select id from public.half_table');
				await client.end();
				expect(rows.map((r) => r.version)).toEqual(['20300101000100', '20300101000200']);
				expect(half).toEqual([{ id: 1 }]);
			} finally {
				await stack.stop();
			}
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
			rmSync(migrationsDir, { recursive: true, force: true });
		}
	});
});

describe('supabase/config.toml', () => {
	it('is what the local stack reads: the API and database ports, schemas and seed files', async () => {
		const config = readSupabaseConfig();
		expect(config.apiPort).toBe(54321);
		expect(config.dbPort).toBe(54322);
		expect(config.schemas).toEqual(['public']);
		expect(config.seedFiles.map((f) => path.relative(process.cwd(), f))).toEqual(['supabase/seed.sql', 'supabase/seed/social_map.sql', 'supabase/seed/carers.sql']);
		// What a new hosted project gets, and what this run is on (postgres-version.test.ts checks each supported one).
		expect(config.majorVersion).toBe(17);
		expect(readdirSync('supabase/migrations').every((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))).toBe(true);
	});
});
