// Carers: the code of a voucher or gift, and the partner (shop, cinema, florist) that redeems it.
// The database makes the code on approval and redeems it once; a partner sees only whether a
// code is valid and what it is worth.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { isBadInput, isMissing, isNotAllowed, isRefusedNow } from '../db/errors';
import type { FieldRefusal } from '$lib/schemas/fields';
import type { PartnerInput } from '$lib/schemas/carers';

/** The partner entry of the signed-in person, or null: the partner page is only for them. A removed partner has removed_at. */
export async function myPartner(db: Db, userId: string) {
	return unwrapMaybe(await db.from('carer_partners').select('id, name, accepts_vouchers, gifts, removed_at').eq('profile_id', userId).maybeSingle());
}

/** The voucher of an application, for the carer (RLS: the carer and whoever applied). */
export async function readVoucher(db: Db, applicationId: string) {
	return unwrapMaybe(await db.from('carer_vouchers').select('code, amount_cents, gift, redeemed_at').eq('application_id', applicationId).maybeSingle());
}

export type VoucherAnswer =
	| { ok: true; state: 'valid'; amountCents: number | null; gift: string | null }
	| { ok: true; state: 'redeemed' }
	| { ok: false; refusal: FieldRefusal; redeemedAt?: string | null };

const REFUSALS: Record<string, FieldRefusal> = {
	wrong: { status: 404, field: 'code', message: 'carers.partner.wrong' },
	used: { status: 409, field: 'code', message: 'carers.partner.used' },
	elsewhere: { status: 409, field: 'code', message: 'carers.partner.elsewhere' },
	too_many: { status: 409, field: 'code', message: 'carers.partner.tooMany' },
	not_yet: { status: 409, field: 'code', message: 'carers.partner.notYet' }
};

/** 'check' only looks; 'redeem' uses the code, once. */
export async function useVoucher(db: Db, code: string, action: 'check' | 'redeem'): Promise<VoucherAnswer> {
	try {
		if (action === 'redeem') {
			const state = unwrap(await db.rpc('carer_voucher_redeem', { p_code: code })) as string;
			if (state === 'redeemed') return { ok: true, state: 'redeemed' };
			return { ok: false, refusal: REFUSALS[state] ?? REFUSALS.wrong };
		}
		const [row] = unwrap(await db.rpc('carer_voucher_check', { p_code: code }));
		if (row?.state === 'valid') return { ok: true, state: 'valid', amountCents: row.amount_cents, gift: row.gift };
		return { ok: false, refusal: REFUSALS[row?.state ?? 'wrong'] ?? REFUSALS.wrong, redeemedAt: row?.redeemed_at };
	} catch (err) {
		if (isNotAllowed(err)) return { ok: false, refusal: { status: 403, field: 'code', message: 'carers.errors.only_partners' } };
		throw err;
	}
}

/** The partners of the municipality, for its officers (RLS). */
export async function listPartners(db: Db, municipalityId: string) {
	return unwrap(await db.from('carer_partners').select('id, name, accepts_vouchers, gifts').eq('municipality_id', municipalityId).is('removed_at', null).order('name'));
}

/** One partner still taking part, for the officer's "remove" page (RLS: officers of its municipality). */
export async function readPartner(db: Db, id: string) {
	return unwrapMaybe(await db.from('carer_partners').select('id, name').eq('id', id).is('removed_at', null).maybeSingle());
}

/** An officer removes a partner: from now on its staff cannot check or redeem any code. */
export async function removePartner(db: Db, id: string): Promise<{ ok: true } | { ok: false; refusal: FieldRefusal }> {
	try {
		unwrap(await db.rpc('carer_remove_partner', { p_partner: id }));
	} catch (err) {
		if (isMissing(err)) return { ok: false, refusal: { status: 404, field: '', message: 'carers.errors.partner_not_found' } };
		throw err;
	}
	return { ok: true };
}

/** An officer adds a partner by its staff's e-mail address (or changes it); the database checks the rest. */
export async function savePartner(db: Db, municipalityId: string, input: PartnerInput): Promise<{ ok: true } | { ok: false; refusal: FieldRefusal }> {
	try {
		unwrap(
			await db.rpc('carer_add_partner', {
				p_municipality: municipalityId, p_name: input.name, p_email: input.email, p_accepts_vouchers: input.accepts_vouchers, p_gifts: input.gifts
			})
		);
	} catch (err) {
		const key = /carers\.errors\.[a-z_]+/.exec(err instanceof Error ? err.message : '')?.[0] ?? 'carers.errors.form';
		if (isNotAllowed(err)) return { ok: false, refusal: { status: 403, field: '', message: 'municipality.onlyOfficers' } };
		if (isRefusedNow(err)) return { ok: false, refusal: { status: 409, field: 'email', message: key } };
		if (isBadInput(err)) return { ok: false, refusal: { status: 400, field: 'gifts', message: key } };
		throw err;
	}
	return { ok: true };
}
