import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { SignJWT } from 'jose';
import { env, sql, asAnon, asUser, withToken, people } from './helpers';
import { assertPortFree, startStack, findFreePort, generateEs256Jwk } from '../../supabase/local/stack.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('the local Supabase', () => {
	it('serves PostgREST at /rest/v1 on one URL, as Supabase does', async () => {
		const res = await fetch(`${env.SUPABASE_URL}/rest/v1/areas?select=name&order=name`, {
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

describe('starting again on the same data', () => {
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

describe('an ES256 signing key instead of the HS256 secret', () => {
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
			Object.assign(process.env, { SUPABASE_URL: stack.apiUrl, SUPABASE_ANON_KEY: stack.anonKey, SUPABASE_JWT_SIGNING_KEY: jwk });
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
