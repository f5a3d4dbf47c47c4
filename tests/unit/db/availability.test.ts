// Every call to PostgREST ends within the timeout, without postgrest-js's retries, and "no
// answer" is one named error (a 503 page), never a refusal or an empty result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

let server: Server;
let base: string;
let hits = 0;

beforeAll(async () => {
	server = createServer((req, res) => {
		hits++;
		if (req.url?.includes('municipalities')) return; // never answers
		res.writeHead(503, { 'content-type': 'application/json' });
		res.end('{"code":"PGRST001","message":"Database client error. Retrying the connection."}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	Object.assign(process.env, { SUPABASE_URL: base, SUPABASE_ANON_KEY: 'anon', DATABASE_TIMEOUT_MS: '300' });
});

afterAll(() => {
	server.closeAllConnections();
	server.close();
});

async function load() {
	const clients = await import('../../../src/lib/server/db/clients');
	const availability = await import('../../../src/lib/server/db/availability');
	return { ...clients, ...availability };
}

describe('an unavailable database', () => {
	it('a call that gets no answer ends after the timeout, once, as DatabaseUnavailableError', async () => {
		const { createAnonClient, unwrap, DatabaseUnavailableError, withRequestDbState } = await load();
		hits = 0;
		const started = Date.now();
		const { state, result } = withRequestDbState(async () => createAnonClient().from('municipalities').select('id'));
		const answer = await result;
		expect(Date.now() - started).toBeLessThan(1500);
		expect(hits).toBe(1); // no retries
		expect(answer.status).toBe(0);
		expect(() => unwrap(answer)).toThrow(DatabaseUnavailableError);
		expect(state.unavailable).toBe(true);
	});

	it('PostgREST saying it cannot reach Postgres (503) is the same outage, not retried', async () => {
		const { createAnonClient, unwrapMaybe, isDatabaseUnavailable, withRequestDbState } = await load();
		await new Promise((r) => setTimeout(r, 2100)); // past the quick-fail window of the first test
		hits = 0;
		const started = Date.now();
		const { result } = withRequestDbState(async () => createAnonClient().from('areas').select('id').maybeSingle());
		const answer = await result;
		expect(Date.now() - started).toBeLessThan(1000);
		expect(hits).toBe(1);
		let thrown: unknown;
		try {
			unwrapMaybe(answer);
		} catch (err) {
			thrown = err;
		}
		expect(isDatabaseUnavailable(thrown)).toBe(true);
	});

	it('once one call met the outage, the next calls in that request fail at once', async () => {
		const { createAnonClient, withRequestDbState } = await load();
		await new Promise((r) => setTimeout(r, 2100));
		hits = 0;
		const { result } = withRequestDbState(async () => {
			const db = createAnonClient();
			await db.from('municipalities').select('id');
			const started = Date.now();
			const second = await db.from('areas').select('id');
			return { second, ms: Date.now() - started };
		});
		const { second, ms } = await result;
		expect(hits).toBe(1);
		expect(second.status).toBe(0);
		expect(ms).toBeLessThan(100);
	});
});
