// One-time sign-in codes by e-mail. Stored as HMAC-SHA256 keyed with AUTH_SECRET, valid
// 10 minutes, at most 5 tries per code. Each code belongs to the browser that asked for it (its
// id travels in that browser's sealed cookie, see sign-in-flow.ts): a stranger who knows an
// address can ask for codes of their own, but cannot spend the tries of the owner's code, and a
// fresh code comes with fresh tries. Against guessing: per IP an hourly limit; per address,
// after a few codes an hour, each next code waits a little longer (at most 5 minutes), so the
// owner is slowed down but never locked out for the hour. The answer to a request is the same
// whether or not the address belongs to someone.
import { adminClient, unwrap, unwrapMaybe } from '../db/clients';
import { config } from '../config';
import { sendMail } from '../mail';
import { logAction } from '../audit';
import { translate } from '../i18n';
import type { Language } from '$lib/i18n';
import { constantTimeEqual, generateSignInCode, hmacSha256 } from './crypto';
import { fromBytea, toBytea } from '../db/bytea';

export const CODE_LIFETIME_MINUTES = 10;
export const MAX_TRIES = 5;
/** Codes per address per hour before each next one has to wait (see slowDownSeconds). */
export const MAX_CODES_PER_ADDRESS_PER_HOUR = Number(process.env.SIGN_IN_CODES_PER_ADDRESS_PER_HOUR ?? 5);
/** Many people can share one address (a library, a care home): configurable. */
export const MAX_CODES_PER_IP_PER_HOUR = Number(process.env.SIGN_IN_CODES_PER_IP_PER_HOUR ?? 30);
/** The longest an address waits for its next code. */
export const MAX_SLOW_DOWN_SECONDS = 5 * 60;

export type RequestCodeResult =
	| { ok: true; codeId: string }
	| { ok: false; reason: 'rate_limited' | 'mail_failed' }
	| { ok: false; reason: 'slow_down'; waitSeconds: number };
export type VerifyCodeResult =
	| { ok: true; userId: string; isNewUser: boolean }
	| { ok: false; reason: 'wrong'; triesLeft: number }
	| { ok: false; reason: 'expired' | 'too_many_tries' };

const hashCode = (email: string, code: string) => hmacSha256(config.authSecret, `${email}:${code}`);

/** The wait before the next code, once an address had `codesThisHour` codes: 1, 2, 4 … minutes, at most 5. */
export function slowDownSeconds(codesThisHour: number): number {
	const over = codesThisHour - MAX_CODES_PER_ADDRESS_PER_HOUR;
	if (over < 0) return 0;
	return Math.min(MAX_SLOW_DOWN_SECONDS, 60 * 2 ** over);
}

export async function requestSignInCode(email: string, ip: string, language: Language): Promise<RequestCodeResult> {
	// Sign-in codes are read before anyone is signed in: admin client on a table without policies.
	const db = adminClient();
	const hourAgo = new Date(Date.now() - 60 * 60 * 1000).toISOString();
	const [byAddress, byIp] = await Promise.all([
		db.from('sign_in_codes').select('created_at').eq('email', email).gte('created_at', hourAgo).order('created_at', { ascending: false }).limit(100),
		db.from('sign_in_codes').select('id', { count: 'exact', head: true }).eq('ip', ip).gte('created_at', hourAgo)
	]);
	unwrap(byIp);
	if ((byIp.count ?? 0) >= MAX_CODES_PER_IP_PER_HOUR) return { ok: false, reason: 'rate_limited' };
	const recent = unwrap(byAddress);
	const wait = slowDownSeconds(recent.length);
	if (wait > 0) {
		const waited = (Date.now() - new Date(recent[0].created_at).getTime()) / 1000;
		if (waited < wait) return { ok: false, reason: 'slow_down', waitSeconds: Math.ceil(wait - waited) };
	}
	const code = generateSignInCode();
	const { id } = unwrap(
		await db
			.from('sign_in_codes')
			.insert({
				email,
				ip,
				code_hash: toBytea(hashCode(email, code)),
				expires_at: new Date(Date.now() + CODE_LIFETIME_MINUTES * 60 * 1000).toISOString()
			})
			.select('id')
			.single()
	);
	try {
		await sendMail(codeMail(email, code, language));
	} catch (err) {
		// A code that never left counts neither as the newest code nor against the limits.
		console.error('[mail] the sign-in code was not sent:', err instanceof Error ? err.message : err);
		await db.from('sign_in_codes').delete().eq('id', id);
		return { ok: false, reason: 'mail_failed' };
	}
	return { ok: true, codeId: id };
}

function codeMail(to: string, code: string, language: Language) {
	const values = { code, minutes: CODE_LIFETIME_MINUTES };
	return { to, subject: translate(language, 'mail.code.subject', values), text: translate(language, 'mail.code.body', values) };
}

/**
 * Checks a code against the one code this browser asked for (codeId, from its sealed cookie).
 * Tries count per code: guesses elsewhere never use up this code's tries.
 */
export async function verifySignInCode(codeId: string, email: string, code: string): Promise<VerifyCodeResult> {
	const db = adminClient(); // see requestSignInCode
	const latest = unwrapMaybe(
		await db.from('sign_in_codes').select('id, code_hash, attempts, expires_at, used_at').eq('id', codeId).eq('email', email).maybeSingle()
	);
	if (!latest || latest.used_at || new Date(latest.expires_at).getTime() < Date.now()) {
		return { ok: false, reason: 'expired' };
	}
	if (latest.attempts >= MAX_TRIES) return { ok: false, reason: 'too_many_tries' };

	// Count the try before comparing, so parallel guesses cannot get past the limit.
	const counted = unwrap(
		await db.from('sign_in_codes').update({ attempts: latest.attempts + 1 }).eq('id', latest.id).eq('attempts', latest.attempts).select('id')
	);
	if (!counted.length) return { ok: false, reason: 'too_many_tries' };

	if (!constantTimeEqual(hashCode(email, code), fromBytea(latest.code_hash))) {
		const triesLeft = MAX_TRIES - latest.attempts - 1;
		return triesLeft > 0 ? { ok: false, reason: 'wrong', triesLeft } : { ok: false, reason: 'too_many_tries' };
	}
	// Used once: only the update that marks it unused → used may sign in.
	const used = unwrap(
		await db.from('sign_in_codes').update({ used_at: new Date().toISOString() }).eq('id', latest.id).is('used_at', null).select('id')
	);
	if (!used.length) return { ok: false, reason: 'expired' };

	const existing = unwrapMaybe(await db.from('profiles').select('id').eq('email', email).maybeSingle());
	if (existing) {
		await logAction('auth.signed_in', existing.id);
		return { ok: true, userId: existing.id, isNewUser: false };
	}
	// A first sign-in makes the account; the person is nobody yet, so RLS cannot be the gate here.
	const created = unwrap(await db.from('profiles').insert({ email }).select('id').single());
	await logAction('auth.account_created', created.id);
	return { ok: true, userId: created.id, isNewUser: true };
}
