import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { env, sql, people } from './helpers';
import {
	requestSignInCode,
	verifySignInCode,
	slowDownSeconds,
	MAX_CODES_PER_ADDRESS_PER_HOUR,
	MAX_SLOW_DOWN_SECONDS,
	MAX_TRIES
} from '../../src/lib/server/auth/sign-in-code';
import { createSession, validateSessionToken, invalidateAllSessions } from '../../src/lib/server/auth/session';

/** The code in the newest mail to this address, as a person would read it. */
function latestCodeFor(email: string): string {
	const files = readdirSync(env.DEV_MAILBOX_DIR).sort().reverse();
	for (const f of files) {
		const mail = JSON.parse(readFileSync(path.join(env.DEV_MAILBOX_DIR, f), 'utf8'));
		if (mail.to === email) return /Uw code is (\d{6})/.exec(mail.text)![1];
	}
	throw new Error(`no mail for ${email}`);
}

/** Asks for a code as one browser would: returns the id its sealed cookie would carry. */
async function askCode(email: string, ip: string): Promise<string> {
	const result = await requestSignInCode(email, ip, 'nl');
	if (!result.ok) throw new Error(`no code: ${result.reason}`);
	return result.codeId;
}

describe('sign-in codes', () => {
	it('a known address gets a code by mail, stored only as a hash, and signs in with it', async () => {
		const codeId = await askCode('truus@voorbeeld.nl', '10.0.0.1');
		const code = latestCodeFor('truus@voorbeeld.nl');
		const stored = await sql<{ code_hash: Buffer }>("select code_hash from sign_in_codes where email = 'truus@voorbeeld.nl'");
		expect(stored[0].code_hash.toString('utf8')).not.toContain(code);
		expect(await verifySignInCode(codeId, 'truus@voorbeeld.nl', code)).toEqual({ ok: true, userId: people.truus, isNewUser: false });
		// A code works once.
		expect(await verifySignInCode(codeId, 'truus@voorbeeld.nl', code)).toEqual({ ok: false, reason: 'expired' });
	});

	it('an unknown address gets the same answer, and its first sign-in makes a new account', async () => {
		const codeId = await askCode('nieuw@voorbeeld.nl', '10.0.0.2');
		const result = await verifySignInCode(codeId, 'nieuw@voorbeeld.nl', latestCodeFor('nieuw@voorbeeld.nl'));
		expect(result).toMatchObject({ ok: true, isNewUser: true });
		const [row] = await sql<{ onboarded_at: string | null }>("select onboarded_at from profiles where email = 'nieuw@voorbeeld.nl'");
		expect(row.onboarded_at).toBeNull();
	});

	it('allows five tries, then asks for a new code', async () => {
		const codeId = await askCode('jan@voorbeeld.nl', '10.0.0.3');
		const right = latestCodeFor('jan@voorbeeld.nl');
		const wrong = right === '000000' ? '111111' : '000000';
		expect(await verifySignInCode(codeId, 'jan@voorbeeld.nl', wrong)).toEqual({ ok: false, reason: 'wrong', triesLeft: 4 });
		for (let i = 0; i < 3; i++) await verifySignInCode(codeId, 'jan@voorbeeld.nl', wrong);
		expect(await verifySignInCode(codeId, 'jan@voorbeeld.nl', wrong)).toEqual({ ok: false, reason: 'too_many_tries' });
		// Even the right code no longer works.
		expect(await verifySignInCode(codeId, 'jan@voorbeeld.nl', right)).toEqual({ ok: false, reason: 'too_many_tries' });
	});

	it('parallel guesses never get more than five comparisons', async () => {
		const codeId = await askCode('parallel@voorbeeld.nl', '10.0.0.9');
		const right = latestCodeFor('parallel@voorbeeld.nl');
		const wrong = right === '000000' ? '111111' : '000000';
		const results = await Promise.all(Array.from({ length: 12 }, () => verifySignInCode(codeId, 'parallel@voorbeeld.nl', wrong)));
		expect(results.filter((r) => !r.ok && r.reason === 'wrong').length).toBeLessThanOrEqual(MAX_TRIES - 1);
		// A guess that lost the race is refused, not compared: never more than five comparisons.
		const [row] = await sql<{ attempts: number }>('select attempts from sign_in_codes where id = $1', [codeId]);
		expect(row.attempts).toBeLessThanOrEqual(MAX_TRIES);
	});

	it('a fresh code comes with fresh tries', async () => {
		const first = await askCode('opnieuw@voorbeeld.nl', '10.0.0.5');
		const old = latestCodeFor('opnieuw@voorbeeld.nl');
		for (let i = 0; i < MAX_TRIES; i++) await verifySignInCode(first, 'opnieuw@voorbeeld.nl', old === '000000' ? '111111' : '000000');
		expect(await verifySignInCode(first, 'opnieuw@voorbeeld.nl', old)).toEqual({ ok: false, reason: 'too_many_tries' });
		const second = await askCode('opnieuw@voorbeeld.nl', '10.0.0.5');
		expect(await verifySignInCode(second, 'opnieuw@voorbeeld.nl', latestCodeFor('opnieuw@voorbeeld.nl'))).toMatchObject({ ok: true });
	});

	it('a stranger who knows the address cannot use up the owner’s tries or replace the owner’s code', async () => {
		const owners = await askCode('pieter@voorbeeld.nl', '10.2.0.1');
		const ownersCode = latestCodeFor('pieter@voorbeeld.nl');
		// Elsewhere, a stranger asks for a code for the same address and guesses until locked.
		const strangers = await askCode('pieter@voorbeeld.nl', '10.66.0.1');
		const strangersCode = latestCodeFor('pieter@voorbeeld.nl');
		for (let i = 0; i < MAX_TRIES + 2; i++) await verifySignInCode(strangers, 'pieter@voorbeeld.nl', ownersCode === strangersCode ? '999999' : ownersCode);
		expect(await verifySignInCode(strangers, 'pieter@voorbeeld.nl', strangersCode)).toEqual({ ok: false, reason: 'too_many_tries' });
		// The owner's code, in the owner's browser, still works.
		expect(await verifySignInCode(owners, 'pieter@voorbeeld.nl', ownersCode)).toEqual({ ok: true, userId: people.pieter, isNewUser: false });
		// A code id only works for the address it was made for.
		const other = await askCode('fatima@voorbeeld.nl', '10.2.0.2');
		expect(await verifySignInCode(other, 'pieter@voorbeeld.nl', latestCodeFor('fatima@voorbeeld.nl'))).toEqual({ ok: false, reason: 'expired' });
	});

	it('a code older than 10 minutes no longer works', async () => {
		const codeId = await askCode('fatima@voorbeeld.nl', '10.0.0.4');
		const code = latestCodeFor('fatima@voorbeeld.nl');
		await sql("update sign_in_codes set expires_at = now() - interval '1 second' where email = 'fatima@voorbeeld.nl'");
		expect(await verifySignInCode(codeId, 'fatima@voorbeeld.nl', code)).toEqual({ ok: false, reason: 'expired' });
	});

	it('per address, many codes an hour slow down (at most five minutes) instead of locking the owner out', async () => {
		for (let i = 0; i < MAX_CODES_PER_ADDRESS_PER_HOUR; i++) await askCode('veel@voorbeeld.nl', `10.1.0.${i}`);
		const next = await requestSignInCode('veel@voorbeeld.nl', '10.1.1.1', 'nl');
		expect(next).toMatchObject({ ok: false, reason: 'slow_down' });
		expect((next as { waitSeconds: number }).waitSeconds).toBeLessThanOrEqual(60);
		// A minute later the owner gets a code again; the wait grows, but never past five minutes.
		const moveBack = (seconds: number) =>
			sql(`update sign_in_codes set created_at = created_at - interval '${seconds} seconds' where email = 'veel@voorbeeld.nl'`);
		await moveBack(61);
		expect(await requestSignInCode('veel@voorbeeld.nl', '10.1.1.1', 'nl')).toMatchObject({ ok: true });
		const after = await requestSignInCode('veel@voorbeeld.nl', '10.1.1.2', 'nl');
		expect(after).toMatchObject({ ok: false, reason: 'slow_down' });
		expect((after as { waitSeconds: number }).waitSeconds).toBeGreaterThan(60);
		expect(slowDownSeconds(50)).toBe(MAX_SLOW_DOWN_SECONDS);
		await sql(
			"insert into sign_in_codes (email, ip, code_hash, expires_at, created_at) select 'veel@voorbeeld.nl', '10.8.8.8', '\\x00', now(), now() - interval '10 minutes' from generate_series(1, 40)"
		);
		await moveBack(MAX_SLOW_DOWN_SECONDS + 1);
		expect(await requestSignInCode('veel@voorbeeld.nl', '10.1.1.3', 'nl')).toMatchObject({ ok: true });
	});

	it('limits codes per IP address', async () => {
		await sql(
			"insert into sign_in_codes (email, ip, code_hash, expires_at) select 'x' || g || '@voorbeeld.nl', '10.9.9.9', '\\x00', now() from generate_series(1, 30) g"
		);
		expect(await requestSignInCode('ander@voorbeeld.nl', '10.9.9.9', 'nl')).toEqual({ ok: false, reason: 'rate_limited' });
	});
});

describe('sessions', () => {
	it('a token validates to its user; the table holds only a hash of the secret', async () => {
		const { token, sessionId } = await createSession(people.truus);
		const validated = await validateSessionToken(token);
		expect(validated?.user).toMatchObject({ id: people.truus, displayName: 'Truus Peters', onboarded: true });
		const [row] = await sql<{ secret_hash: Buffer }>('select secret_hash from sessions where id = $1', [sessionId]);
		expect(row.secret_hash.length).toBe(32);
		expect(token).not.toContain(row.secret_hash.toString('hex'));
	});

	it('a tampered token means signed out', async () => {
		const { token } = await createSession(people.truus);
		expect(await validateSessionToken(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
		expect(await validateSessionToken('nonsense')).toBeNull();
		expect(await validateSessionToken('a.b.c')).toBeNull();
	});

	it('ends after 30 days without use, and bumps last use at most hourly', async () => {
		const old = await createSession(people.truus);
		await sql("update sessions set last_verified_at = now() - interval '31 days' where id = $1", [old.sessionId]);
		expect(await validateSessionToken(old.token)).toBeNull();
		expect(await sql('select id from sessions where id = $1', [old.sessionId])).toEqual([]);

		const recent = await createSession(people.truus);
		await sql("update sessions set last_verified_at = now() - interval '10 minutes' where id = $1", [recent.sessionId]);
		await validateSessionToken(recent.token);
		const [unchanged] = await sql<{ age: number }>(
			'select extract(epoch from now() - last_verified_at)::int as age from sessions where id = $1',
			[recent.sessionId]
		);
		expect(unchanged.age).toBeGreaterThanOrEqual(590);

		await sql("update sessions set last_verified_at = now() - interval '2 hours' where id = $1", [recent.sessionId]);
		await validateSessionToken(recent.token);
		const [bumped] = await sql<{ age: number }>(
			'select extract(epoch from now() - last_verified_at)::int as age from sessions where id = $1',
			[recent.sessionId]
		);
		expect(bumped.age).toBeLessThan(60);
	});

	it('sign out everywhere ends every session of that person', async () => {
		const a = await createSession(people.jan);
		const b = await createSession(people.jan);
		await invalidateAllSessions(people.jan);
		expect(await validateSessionToken(a.token)).toBeNull();
		expect(await validateSessionToken(b.token)).toBeNull();
	});
});
