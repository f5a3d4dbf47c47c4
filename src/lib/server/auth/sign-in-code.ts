// One-time sign-in codes by e-mail. Stored as HMAC-SHA256 keyed with AUTH_SECRET, valid
// 10 minutes, at most 5 tries, rate-limited per address and per IP. The answer to a request
// is the same whether or not the address belongs to someone.
import { adminClient, unwrap } from '../db/clients';
import { config } from '../config';
import { sendMail } from '../mail';
import { logAction } from '../audit';
import { translate } from '../i18n';
import type { Language } from '$lib/i18n';
import { constantTimeEqual, generateSignInCode, hmacSha256 } from './crypto';
import { fromBytea, toBytea } from '../db/bytea';

export const CODE_LIFETIME_MINUTES = 10;
export const MAX_TRIES = 5;
export const MAX_CODES_PER_ADDRESS_PER_HOUR = Number(process.env.SIGN_IN_CODES_PER_ADDRESS_PER_HOUR ?? 5);
/** Many people can share one address (a library, a care home): configurable. */
export const MAX_CODES_PER_IP_PER_HOUR = Number(process.env.SIGN_IN_CODES_PER_IP_PER_HOUR ?? 30);

export type RequestCodeResult = { ok: true } | { ok: false; reason: 'rate_limited' | 'mail_failed' };
export type VerifyCodeResult =
	| { ok: true; userId: string; isNewUser: boolean }
	| { ok: false; reason: 'wrong'; triesLeft: number }
	| { ok: false; reason: 'expired' | 'too_many_tries' };

const hashCode = (email: string, code: string) => hmacSha256(config.authSecret, `${email}:${code}`);

export async function requestSignInCode(email: string, ip: string, language: Language): Promise<RequestCodeResult> {
	// Sign-in codes are read before anyone is signed in: admin client on a table without policies.
	const db = adminClient();
	const hourAgo = new Date(Date.now() - 60 * 60 * 1000).toISOString();
	const [byAddress, byIp] = await Promise.all([
		db.from('sign_in_codes').select('id', { count: 'exact', head: true }).eq('email', email).gte('created_at', hourAgo),
		db.from('sign_in_codes').select('id', { count: 'exact', head: true }).eq('ip', ip).gte('created_at', hourAgo)
	]);
	if ((byAddress.count ?? 0) >= MAX_CODES_PER_ADDRESS_PER_HOUR || (byIp.count ?? 0) >= MAX_CODES_PER_IP_PER_HOUR) {
		return { ok: false, reason: 'rate_limited' };
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
	return { ok: true };
}

function codeMail(to: string, code: string, language: Language) {
	const values = { code, minutes: CODE_LIFETIME_MINUTES };
	return { to, subject: translate(language, 'mail.code.subject', values), text: translate(language, 'mail.code.body', values) };
}

export async function verifySignInCode(email: string, code: string): Promise<VerifyCodeResult> {
	const db = adminClient(); // see requestSignInCode
	const { data: latest } = await db
		.from('sign_in_codes')
		.select('id, code_hash, attempts, expires_at, used_at')
		.eq('email', email)
		.order('created_at', { ascending: false })
		.limit(1)
		.maybeSingle();
	if (!latest || latest.used_at || new Date(latest.expires_at).getTime() < Date.now()) {
		return { ok: false, reason: 'expired' };
	}
	if (latest.attempts >= MAX_TRIES) return { ok: false, reason: 'too_many_tries' };

	// Count the try before comparing, so parallel guesses cannot get past the limit.
	const { data: counted } = await db
		.from('sign_in_codes')
		.update({ attempts: latest.attempts + 1 })
		.eq('id', latest.id)
		.eq('attempts', latest.attempts)
		.select('id');
	if (!counted?.length) return { ok: false, reason: 'too_many_tries' };

	if (!constantTimeEqual(hashCode(email, code), fromBytea(latest.code_hash))) {
		const triesLeft = MAX_TRIES - latest.attempts - 1;
		return triesLeft > 0 ? { ok: false, reason: 'wrong', triesLeft } : { ok: false, reason: 'too_many_tries' };
	}
	await db.from('sign_in_codes').update({ used_at: new Date().toISOString() }).eq('id', latest.id);

	const { data: existing } = await db.from('profiles').select('id').eq('email', email).maybeSingle();
	if (existing) {
		await logAction('auth.signed_in', existing.id);
		return { ok: true, userId: existing.id, isNewUser: false };
	}
	// A first sign-in makes the account; the person is nobody yet, so RLS cannot be the gate here.
	const created = unwrap(await db.from('profiles').insert({ email }).select('id').single());
	await logAction('auth.account_created', created.id);
	return { ok: true, userId: created.id, isNewUser: true };
}
