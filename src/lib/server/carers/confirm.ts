// Carers: the person cared for confirms the application, instead of signing a letter. The
// database makes the code and the link, keeps only their hashes, limits guessing and decides
// who may confirm after a phone call; this module mails the link and turns answers into keys.
import { createHash } from 'node:crypto';
import { unwrap, type Db } from '../db/clients';
import { isBadInput, isMissing, isRefusedNow } from '../db/errors';
import { sendMail } from '../mail';
import { translate } from '../i18n';
import type { Language } from '$lib/i18n';
import type { FieldRefusal } from '$lib/schemas/fields';
import type { ConfirmLookupState } from '$lib/schemas/carers';

/** The visitor as the guessing limit counts them: a hash of the IP address, never the address itself. */
export function clientKey(ip: string): string {
	return createHash('sha256').update(`carer-confirm:${ip}`).digest('hex').slice(0, 32);
}

function refusal(err: unknown, field: string): FieldRefusal | null {
	const key = /carers\.errors\.[a-z_]+/.exec(err instanceof Error ? err.message : '')?.[0];
	if (isMissing(err)) return { status: 404, field, message: 'carers.errors.not_found' };
	if (isRefusedNow(err)) return { status: 409, field, message: key ?? 'carers.errors.not_now' };
	if (isBadInput(err)) return { status: 400, field, message: key ?? 'carers.errors.form' };
	return null;
}

export type NewConfirmation = { ok: true; code: string; expiresAt: string; mailedTo: string | null } | { ok: false; refusal: FieldRefusal };

/**
 * A fresh code (for paper or the phone) and link for the person cared for; earlier ones stop
 * working. With an e-mail address the link is mailed at once; the address is not kept.
 */
export async function newConfirmation(db: Db, applicationId: string, email: string, origin: string, lang: Language): Promise<NewConfirmation> {
	let row: { code: string; token: string; expires_at: string };
	try {
		[row] = unwrap(await db.rpc('carer_new_confirmation', { p_application: applicationId })) as typeof row[];
	} catch (err) {
		const refused = refusal(err, 'email');
		if (refused) return { ok: false, refusal: refused };
		throw err;
	}
	if (email) {
		const link = `${origin}/mantelzorg/bevestigen/${row.token}`;
		await sendMail({
			to: email,
			subject: translate(lang, 'mail.carer_confirm.subject'),
			text: `${translate(lang, 'mail.carer_confirm.body')}\n\n${link}\n\n${translate(lang, 'mail.carer_confirm.code', { code: row.code })}`
		});
	}
	return { ok: true, code: row.code, expiresAt: row.expires_at, mailedTo: email || null };
}

export type ConfirmPreview =
	| { state: 'open'; carerName: string; year: number; relationship: string; hours: string }
	| { state: Exclude<ConfirmLookupState, 'open'> };

/** What the person cared for is asked to confirm, for a code or link token (a wrong one counts as a try). */
export async function lookupConfirmation(db: Db, secret: string, client: string): Promise<ConfirmPreview> {
	const [row] = unwrap(await db.rpc('carer_confirmation_lookup', { p_secret: secret, p_client: client }));
	if (row?.state === 'open') return { state: 'open', carerName: row.carer_name ?? '', year: row.year ?? 0, relationship: row.relationship ?? 'other_family', hours: row.hours ?? 'over_16' };
	return { state: (row?.state ?? 'wrong') as Exclude<ConfirmLookupState, 'open'> };
}

/** Confirms with a code or link token: 'confirmed', or why not ('wrong', 'used', 'expired', 'too_many', 'own'). */
export async function confirmWithSecret(db: Db, secret: string, client: string): Promise<string> {
	return unwrap(await db.rpc('carer_confirm_with_secret', { p_secret: secret, p_client: client })) as string;
}

/** A coordinator or officer confirms after a phone call with the person cared for (logged with the note). */
export async function confirmByPhone(db: Db, applicationId: string, note: string): Promise<{ ok: true } | { ok: false; refusal: FieldRefusal }> {
	try {
		unwrap(await db.rpc('carer_confirm_by_phone', { p_application: applicationId, p_note: note }));
	} catch (err) {
		const refused = refusal(err, 'note');
		if (refused) return { ok: false, refusal: refused };
		throw err;
	}
	return { ok: true };
}
