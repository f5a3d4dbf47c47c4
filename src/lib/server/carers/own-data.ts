// Carers: the carer's own data (see it all as JSON, delete what no payment depends on), the
// question "Voelt u zich gewaardeerd?" and the team's figures (counts only). The database
// decides what may go and what is kept for the legal period.
import { unwrap, type Db } from '../db/clients';
import { isMissing } from '../db/errors';
import type { CarerFeeling } from '$lib/schemas/carers';

/** Everything Omzien keeps about the carer's appreciation, as the carer may read it (RLS). */
export async function exportMyData(db: Db, userId: string) {
	const applications = unwrap(
		await db
			.from('carer_applications')
			.select(
				'id, year, relationship, cared_for_name, cared_for_postcode, cared_for_house_number, caring_since, hours, terminal_care, cared_for_lives_here, payout, gift, extra, status, question, answer, refusal_reason, applied_at, decided_at, paid_at, carer_bank_accounts(iban, account_holder), carer_confirmations(confirmed_at, confirmed_how), carer_vouchers(code, amount_cents, gift, redeemed_at), carer_appreciation_answers(feeling, answered_at)'
			)
			.eq('carer_id', userId)
			.order('applied_at')
	);
	const checks = unwrap(await db.from('carer_checks').select('created_at, heavy, answers, scale:carer_check_scales(questions), voice:voice_messages(transcript)').eq('carer_id', userId).order('created_at'));
	const callBacks = unwrap(await db.from('carer_call_backs').select('created_at, done_at').eq('carer_id', userId).order('created_at'));
	return { exportedAt: new Date().toISOString(), applications, checks, callBacks };
}

/** Deletes what the carer may delete; says how many applications were kept for the legal period. */
export async function deleteMyData(db: Db): Promise<{ kept: number }> {
	return { kept: unwrap(await db.rpc('carer_delete_my_data')) as number };
}

/** How many years an approved application is kept (what the own-data page says). */
export async function keepPaidYears(db: Db): Promise<number> {
	return unwrap(await db.rpc('carer_keep_paid_years')) as number;
}

/** "Voelt u zich gewaardeerd?" for the carer's own approved application. */
export async function answerFeeling(db: Db, applicationId: string, feeling: CarerFeeling): Promise<{ ok: true } | { ok: false; status: 404; error: string }> {
	try {
		unwrap(await db.rpc('carer_answer_feeling', { p_application: applicationId, p_feeling: feeling }));
	} catch (err) {
		if (isMissing(err)) return { ok: false, status: 404, error: 'carers.errors.not_found' };
		throw err;
	}
	return { ok: true };
}

/** The year in numbers for the team; a count under 5 is null. */
export async function readFigures(db: Db, municipalityId: string, year: number) {
	const [row] = unwrap(await db.rpc('carer_figures', { p_municipality: municipalityId, p_year: year }));
	return row ?? { applications: null, confirmed: null, approved: null, paid_or_redeemed: null, answered: null, appreciated: null };
}
