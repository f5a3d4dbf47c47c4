import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { env, sql, people } from './helpers';
import { requestSignInCode, verifySignInCode, MAX_CODES_PER_ADDRESS_PER_HOUR } from '../../src/lib/server/auth/sign-in-code';
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

describe('sign-in codes', () => {
	it('a known address gets a code by mail, stored only as a hash, and signs in with it', async () => {
		expect(await requestSignInCode('truus@voorbeeld.nl', '10.0.0.1', 'nl')).toEqual({ ok: true });
		const code = latestCodeFor('truus@voorbeeld.nl');
		const stored = await sql<{ code_hash: Buffer }>("select code_hash from sign_in_codes where email = 'truus@voorbeeld.nl'");
		expect(stored[0].code_hash.toString('utf8')).not.toContain(code);
		expect(await verifySignInCode('truus@voorbeeld.nl', code)).toEqual({ ok: true, userId: people.truus, isNewUser: false });
		// A code works once.
		expect(await verifySignInCode('truus@voorbeeld.nl', code)).toEqual({ ok: false, reason: 'expired' });
	});

	it('an unknown address gets the same answer, and its first sign-in makes a new account', async () => {
		expect(await requestSignInCode('nieuw@voorbeeld.nl', '10.0.0.2', 'nl')).toEqual({ ok: true });
		const result = await verifySignInCode('nieuw@voorbeeld.nl', latestCodeFor('nieuw@voorbeeld.nl'));
		expect(result).toMatchObject({ ok: true, isNewUser: true });
		const [row] = await sql<{ onboarded_at: string | null }>("select onboarded_at from profiles where email = 'nieuw@voorbeeld.nl'");
		expect(row.onboarded_at).toBeNull();
	});

	it('allows five tries, then asks for a new code', async () => {
		await requestSignInCode('jan@voorbeeld.nl', '10.0.0.3', 'nl');
		const right = latestCodeFor('jan@voorbeeld.nl');
		const wrong = right === '000000' ? '111111' : '000000';
		expect(await verifySignInCode('jan@voorbeeld.nl', wrong)).toEqual({ ok: false, reason: 'wrong', triesLeft: 4 });
		for (let i = 0; i < 3; i++) await verifySignInCode('jan@voorbeeld.nl', wrong);
		expect(await verifySignInCode('jan@voorbeeld.nl', wrong)).toEqual({ ok: false, reason: 'too_many_tries' });
		// Even the right code no longer works.
		expect(await verifySignInCode('jan@voorbeeld.nl', right)).toEqual({ ok: false, reason: 'too_many_tries' });
	});

	it('a code older than 10 minutes no longer works', async () => {
		await requestSignInCode('fatima@voorbeeld.nl', '10.0.0.4', 'nl');
		const code = latestCodeFor('fatima@voorbeeld.nl');
		await sql("update sign_in_codes set expires_at = now() - interval '1 second' where email = 'fatima@voorbeeld.nl'");
		expect(await verifySignInCode('fatima@voorbeeld.nl', code)).toEqual({ ok: false, reason: 'expired' });
	});

	it('limits codes per address and per IP address', async () => {
		for (let i = 0; i < MAX_CODES_PER_ADDRESS_PER_HOUR; i++) {
			expect(await requestSignInCode('veel@voorbeeld.nl', `10.1.0.${i}`, 'nl')).toEqual({ ok: true });
		}
		expect(await requestSignInCode('veel@voorbeeld.nl', '10.1.1.1', 'nl')).toEqual({ ok: false, reason: 'rate_limited' });

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
