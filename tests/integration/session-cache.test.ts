// The session cache on several instances: two caches, each with its own listening connection, as
// two site processes have. Sign-out, sign out everywhere and a role change are dropped on both; a
// lost listening connection turns the cache off until it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, people, sql } from './helpers';
import { SessionCache, SessionListener } from '../../src/lib/server/auth/session-cache';
import { createSession, invalidateAllSessions, invalidateSession, validateSessionToken } from '../../src/lib/server/auth/session';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 2000): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('not within time');
		await wait(20);
	}
}

const a = new SessionCache(60_000);
const b = new SessionCache(60_000);
const listenA = new SessionListener(env.DATABASE_URL, a);
const listenB = new SessionListener(env.DATABASE_URL, b);

beforeAll(async () => {
	await Promise.all([listenA.start(), listenB.start()]);
});
afterAll(async () => {
	await Promise.all([listenA.stop(), listenB.stop()]);
});

/** How many times the database was asked about sessions: a cached one is not read. */
async function sessionReads(): Promise<number> {
	const [row] = await sql<{ n: string }>("select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as n from pg_stat_user_tables where relname = 'sessions'");
	return Number(row.n);
}

describe('session cache on two instances', () => {
	it('keeps a session, and a sign-out on one instance is dropped on the other within a second', async () => {
		expect(a.enabled && b.enabled).toBe(true);
		const { token, sessionId } = await createSession(people.truus);
		expect((await validateSessionToken(token, a))?.user.id).toBe(people.truus);
		expect((await validateSessionToken(token, b))?.user.id).toBe(people.truus);
		expect(a.size).toBeGreaterThan(0);
		// A wrong secret with the right id never matches the cached entry.
		expect(await validateSessionToken(`${sessionId}.wrongsecretwrongsecret`, a)).toBeNull();
		expect((await validateSessionToken(token, a))?.user.id).toBe(people.truus);

		await invalidateSession(sessionId); // "instance A" signs out
		const started = Date.now();
		await until(() => a.get(sessionId, new Uint8Array(32)) === null && !hasEntry(a, sessionId) && !hasEntry(b, sessionId), 1000);
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await validateSessionToken(token, b)).toBeNull();
		expect(await validateSessionToken(token, a)).toBeNull();
	});

	it('a cached session is not read from the database again', async () => {
		const { token } = await createSession(people.jan);
		await validateSessionToken(token, a);
		await wait(1200); // a backend reports its statistics at most once a second
		const before = await sessionReads();
		for (let i = 0; i < 20; i++) expect((await validateSessionToken(token, a))?.user.id).toBe(people.jan);
		await wait(1200);
		expect(await sessionReads()).toBe(before);
		// The same without a cache does read (so the count above means something).
		for (let i = 0; i < 5; i++) await validateSessionToken(token, new SessionCache(0));
		const deadline = Date.now() + 5000;
		while ((await sessionReads()) === before && Date.now() < deadline) await wait(200);
		expect(await sessionReads()).toBeGreaterThan(before);
	});

	it('sign out on all devices and a role change reach the other instance', async () => {
		const one = await createSession(people.fatima);
		const two = await createSession(people.fatima);
		await validateSessionToken(one.token, b);
		await validateSessionToken(two.token, b);
		const roles = (await validateSessionToken(one.token, a))!.user.roles.length;

		// a coordinator gives Fatima another role, written straight into the database
		const [org] = await sql<{ id: string }>('select id from organisations order by id limit 1');
		await sql("insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'admin') on conflict do nothing", [org.id, people.fatima]);
		await until(() => !hasEntry(a, one.sessionId) && !hasEntry(b, one.sessionId) && !hasEntry(b, two.sessionId));
		expect((await validateSessionToken(one.token, a))!.user.roles.length).toBe(roles + 1);
		await sql("delete from memberships where profile_id = $1 and role = 'admin'", [people.fatima]);
		await until(() => !hasEntry(a, one.sessionId));
		expect((await validateSessionToken(one.token, a))!.user.roles.length).toBe(roles);

		await validateSessionToken(one.token, b);
		await invalidateAllSessions(people.fatima);
		await until(() => !hasEntry(b, one.sessionId) && !hasEntry(b, two.sessionId) && !hasEntry(a, one.sessionId));
		expect(await validateSessionToken(two.token, b)).toBeNull();
	});

	it('a block reaches every instance', async () => {
		const s = await createSession(people.pieter);
		await validateSessionToken(s.token, b);
		await sql('update profiles set blocked_at = now() where id = $1', [people.pieter]);
		await until(() => !hasEntry(b, s.sessionId));
		await sql('update profiles set blocked_at = null where id = $1', [people.pieter]);
	});

	it('when the listening connection is lost the cache is off (every request asks the database) until it is back', async () => {
		const { token, sessionId } = await createSession(people.truus);
		await validateSessionToken(token, a);
		expect(hasEntry(a, sessionId)).toBe(true);
		await sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'omzien-session-listener'");
		await until(() => !a.enabled && !b.enabled);
		expect(a.size).toBe(0);
		// Off: a session ended now, unheard by anyone, is still seen as ended.
		await sql('delete from sessions where id = $1', [sessionId]);
		expect(await validateSessionToken(token, a)).toBeNull();
		const other = await createSession(people.truus);
		expect((await validateSessionToken(other.token, a))?.user.id).toBe(people.truus);
		expect(a.size).toBe(0); // nothing is kept while deaf
		// It reconnects by itself and the cache is on again.
		await until(() => a.enabled && b.enabled, 5000);
		await validateSessionToken(other.token, a);
		expect(hasEntry(a, other.sessionId)).toBe(true);
	});
});

function hasEntry(cache: SessionCache, sessionId: string): boolean {
	return (cache as unknown as { entries: Map<string, unknown> }).entries.has(sessionId);
}
