// Carers: the municipality's rules for the yearly appreciation, applications, and the officer's
// decisions. The database checks every rule (window, limits, who may act); this module turns its
// refusals into i18n keys and decides who is told.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { isBadInput, isNotAllowed } from '../db/errors';
import { notify } from '../notifications';
import type { SessionUser } from '../auth/session';
import type { Tables } from '../db/types';
import { giftList, type Application, type SettingsInput } from '$lib/schemas/carers';
import { listPartners, readVoucher } from './vouchers';
import { readFigures } from './own-data';
import { readCheckOverview } from './checks';
import { refusalOf, type Refusal } from './refusal';
import './register';
import { dateFormat } from '$lib/intl';

export type { Refusal };

export { newConfirmation, lookupConfirmation, confirmWithSecret, confirmByPhone, clientKey } from './confirm';
export { paymentExport } from './payments';
export { carerMonitorExport, readCarerFiguresForMyAreas, readCarerMonitor, MONITOR_COLUMNS } from './monitor';
export { listPartners, myPartner, readPartner, removePartner, savePartner, useVoucher } from './vouchers';
export { addActivity, listActivities, listActivitiesForOfficer, removeActivity, signUp, wasInvited, yearlyRound } from './yearly';
export { answerFeeling, deleteMyData, exportMyData, keepPaidYears, readFigures } from './own-data';
export { askCallBack, listMyChecks, myCheckQuestions, readCheckOverview, readCheckQuestions, saveCheck, saveCheckQuestions } from './checks';

export type CarerSettings = Tables<'carer_settings'>;

/** The year the appreciation is for: the calendar year in the Netherlands. */
export function currentYear(now = new Date()): number {
	return Number(dateFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now));
}

/**
 * The municipality a person deals with: an officer's team's, a resident's area's, or (for someone
 * not signed in, on a site run by one municipality) the first one.
 */
export async function municipalityFor(db: Db, user: SessionUser | null): Promise<string | null> {
	const officerOrg = user?.roles.find((r) => r.role === 'officer')?.organisationId;
	if (officerOrg) {
		const org = unwrapMaybe(await db.from('organisations').select('municipality_id').eq('id', officerOrg).maybeSingle());
		if (org) return org.municipality_id;
	}
	if (user?.areaId) {
		const area = unwrapMaybe(await db.from('areas').select('municipality_id').eq('id', user.areaId).maybeSingle());
		if (area) return area.municipality_id;
	}
	const first = unwrap(await db.from('municipalities').select('id').order('created_at').limit(1));
	return first[0]?.id ?? null;
}

export async function readSettings(db: Db, municipalityId: string, year: number): Promise<CarerSettings | null> {
	return unwrapMaybe(await db.from('carer_settings').select('*').eq('municipality_id', municipalityId).eq('year', year).maybeSingle());
}

/** The rules of this year and what one carer gets now (a divided budget changes with each approval). */
export async function thisYear(db: Db, user: SessionUser | null) {
	const municipalityId = await municipalityFor(db, user);
	const year = currentYear();
	const settings = municipalityId ? await readSettings(db, municipalityId, year) : null;
	// A fixed amount is in the rules; a divided budget changes with each approval, so the database counts.
	const amount = settings?.budget_cents ? unwrap(await db.rpc('carer_amount', { p_municipality: settings.municipality_id, p_year: year })) : (settings?.amount_cents ?? null);
	return { municipalityId, year, settings, amountCents: amount as number | null };
}

/** An officer sets the rules of a year (RLS: only officers of that municipality). */
export async function saveSettings(db: Db, municipalityId: string, year: number, input: SettingsInput): Promise<{ ok: true } | Refusal> {
	const row = {
		municipality_id: municipalityId,
		year,
		opens_on: input.opens_on,
		closes_on: input.closes_on,
		remind_days_before: input.remind_days_before,
		payout_options: input.payout_options,
		amount_cents: input.amount_kind === 'fixed' ? input.amount_euros * 100 : null,
		budget_cents: input.amount_kind === 'budget' ? input.amount_euros * 100 : null,
		gift_choices: input.payout_options.includes('gift') ? giftList(input.gift_choices) : [],
		max_carers_per_person: input.max_carers_per_person,
		one_per_address: input.one_per_address,
		min_hours_per_week: input.min_hours_per_week,
		min_months: input.min_months,
		terminal_care_counts: input.terminal_care_counts,
		who_may_apply: input.who_may_apply,
		young_min_age: input.young_min_age,
		young_max_age: input.young_max_age,
		young_wording: input.young_wording || null
	};
	try {
		unwrap(await db.from('carer_settings').upsert(row));
	} catch (err) {
		if (isNotAllowed(err)) return { ok: false, status: 403, error: 'municipality.onlyOfficers' };
		if (isBadInput(err)) return { ok: false, status: 400, error: 'carers.errors.settings_invalid' };
		throw err;
	}
	return { ok: true };
}

/** Sends an application (for oneself, or as a coordinator for a resident). The database checks all rules. */
export async function apply(db: Db, user: SessionUser, input: Application): Promise<{ ok: true; id: string } | Refusal> {
	const { municipalityId, year, settings } = await thisYear(db, user);
	if (!municipalityId || !settings) return { ok: false, status: 404, error: 'carers.errors.no_settings' };
	try {
		const id = unwrap(
			await db.rpc('carer_apply', {
				p_municipality: municipalityId,
				p_year: year,
				p_carer: input.carer_id || user.id,
				p_relationship: input.relationship,
				p_cared_for_name: input.cared_for_name,
				p_cared_for_postcode: input.cared_for_postcode,
				p_cared_for_house_number: input.cared_for_house_number,
				p_caring_since: input.caring_since,
				p_hours: input.hours,
				p_terminal_care: input.terminal_care,
				p_cared_for_lives_here: input.cared_for_lives_here,
				p_payout: input.payout,
				...(input.gift ? { p_gift: input.gift } : {}),
				...(input.iban ? { p_iban: input.iban, p_account_holder: input.account_holder ?? '' } : {}),
				...(input.extra ? { p_extra: input.extra } : {}),
				...(input.voice_id ? { p_voice_id: input.voice_id } : {})
			})
		);
		return { ok: true, id: id as string };
	} catch (err) {
		const refusal = refusalOf(err);
		if (refusal) return refusal;
		throw err;
	}
}

/** Carers' names by application: officers may not read profiles, so the database answers per application. */
async function carerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = unwrap(await db.rpc('carer_names', { p_ids: ids }));
	return new Map(rows.map((r) => [r.id ?? '', r.carer_name ?? '']));
}

const APPLICATION_COLUMNS =
	'id, year, carer_id, applied_by, relationship, cared_for_name, cared_for_postcode, cared_for_house_number, caring_since, hours, terminal_care, cared_for_lives_here, payout, gift, extra, voice_id, status, question, answer, refusal_reason, applied_at, decided_at, paid_at, confirmation:carer_confirmation_state, carer_confirmations(issued_at, expires_at, confirmed_at, confirmed_how)';

/**
 * One application, if this person may read it (RLS), with the bank account, whether the person
 * cared for confirmed it ('confirmed', 'waiting', 'late' or 'not_needed', derived in SQL) and the
 * voucher's code (only the carer and whoever applied can read it).
 */
export async function readApplication(db: Db, id: string) {
	const row = unwrapMaybe(await db.from('carer_applications').select(APPLICATION_COLUMNS).eq('id', id).maybeSingle());
	if (!row) return null;
	const account = unwrapMaybe(await db.from('carer_bank_accounts').select('iban, account_holder').eq('application_id', id).maybeSingle());
	const names = await carerNames(db, [id]);
	const { carer_confirmations: confirmed, ...rest } = row;
	return { ...rest, confirmedHow: confirmed?.confirmed_how ?? null, codeExpiresAt: confirmed?.expires_at ?? null, carerName: names.get(id) ?? null, account, voucher: await readVoucher(db, id) };
}

/** The person's own applications (and those they sent for someone else), newest first. */
export async function listMyApplications(db: Db, userId: string) {
	return unwrap(
		await db
			.from('carer_applications')
			.select('id, year, status, relationship, cared_for_name, applied_at')
			.or(`carer_id.eq.${userId},applied_by.eq.${userId}`)
			.order('applied_at', { ascending: false })
	);
}

/**
 * Whether the person cared for confirmed, as carer_confirmation_state() says it for one
 * application; for a list it is worked out here, since that function once per row made the
 * officer's queue slow at scale (npm run bench -- carers).
 */
export function confirmationState(status: string, appliedAt: string, confirmedAt: string | null, now = Date.now()) {
	if (confirmedAt) return 'confirmed' as const;
	if (status === 'refused') return 'not_needed' as const;
	if (new Date(appliedAt).getTime() < now - 28 * 86_400_000) return 'late' as const;
	return 'waiting' as const;
}

/** The officer's list for a year: those waiting first, then the rest. */
export async function listApplications(db: Db, municipalityId: string, year: number) {
	const rows = unwrap(
		await db
			.from('carer_applications')
			.select('id, status, relationship, payout, applied_at, carer_confirmations(confirmed_at)')
			.eq('municipality_id', municipalityId)
			.eq('year', year)
			.order('applied_at')
			.limit(500)
	);
	const order = { submitted: 0, question: 1, approved: 2, refused: 3 } as const;
	const names = await carerNames(db, rows.map((r) => r.id));
	return rows
		.map(({ carer_confirmations: c, ...r }) => ({ ...r, confirmation: confirmationState(r.status, r.applied_at, c?.confirmed_at ?? null), carerName: names.get(r.id) ?? '' }))
		.sort((a, b) => order[a.status] - order[b.status]);
}

/** The officer approves, asks something or refuses with a reason; the carer (and whoever applied) is told. */
export async function decide(db: Db, id: string, decision: string, text: string, origin: string): Promise<{ ok: true } | Refusal> {
	try {
		unwrap(await db.rpc('carer_decide', { p_application: id, p_decision: decision, p_text: text }));
	} catch (err) {
		const refusal = refusalOf(err);
		if (refusal) return refusal;
		throw err;
	}
	const app = await readApplication(db, id);
	const kind = decision === 'approve' ? 'carer_approved' : decision === 'ask' ? 'carer_question' : 'carer_refused';
	if (app) await notify(kind, [app.carer_id, app.applied_by], { type: 'carer_application', id }, origin);
	return { ok: true };
}

/** The carer answers the officer's question; the application goes back to the officers. */
export async function answerQuestion(db: Db, id: string, answer: string): Promise<{ ok: true } | Refusal> {
	try {
		unwrap(await db.rpc('carer_answer', { p_application: id, p_answer: answer }));
	} catch (err) {
		const refusal = refusalOf(err);
		if (refusal) return refusal;
		throw err;
	}
	return { ok: true };
}

/** The officer notes the money was paid; the database deletes the bank account then. */
export async function markPaid(db: Db, id: string): Promise<{ ok: true } | Refusal> {
	try {
		unwrap(await db.rpc('carer_mark_paid', { p_application: id }));
	} catch (err) {
		const refusal = refusalOf(err);
		if (refusal) return refusal;
		throw err;
	}
	return { ok: true };
}

/** The rules of a year as the officer's form shows them; a year without rules starts from the usual ones. */
export function settingsForm(settings: CarerSettings | null, year: number): SettingsInput {
	return {
		opens_on: settings?.opens_on ?? `${year}-01-01`,
		closes_on: settings?.closes_on ?? `${year}-12-31`,
		remind_days_before: settings?.remind_days_before ?? 14,
		payout_options: settings?.payout_options ?? ['money', 'voucher'],
		amount_kind: settings?.budget_cents ? 'budget' : 'fixed',
		amount_euros: Math.round((settings?.budget_cents ?? settings?.amount_cents ?? 15000) / 100),
		gift_choices: (settings?.gift_choices ?? []).join('\n'),
		max_carers_per_person: settings?.max_carers_per_person ?? 6,
		one_per_address: settings?.one_per_address ?? false,
		min_hours_per_week: settings?.min_hours_per_week ?? 8,
		min_months: settings?.min_months ?? 3,
		terminal_care_counts: settings?.terminal_care_counts ?? true,
		who_may_apply: settings?.who_may_apply ?? 'either',
		young_min_age: settings?.young_min_age ?? 6,
		young_max_age: settings?.young_max_age ?? 25,
		young_wording: settings?.young_wording ?? ''
	};
}

/**
 * What the carer-support officer's page shows for a year: the rules, the applications, the checks'
 * counts and call-backs, the figures, the partners, and where a budget stands (divided once).
 */
export async function readOfficerOverview(db: Db, municipalityId: string, year: number) {
	const [settings, applications, checks, figures, partners] = await Promise.all([
		readSettings(db, municipalityId, year),
		listApplications(db, municipalityId, year),
		readCheckOverview(db, municipalityId, year),
		readFigures(db, municipalityId, year),
		listPartners(db, municipalityId)
	]);
	const budget = settings?.budget_cents
		? { budget_cents: settings.budget_cents, closes_on: settings.closes_on, divided_at: settings.divided_at, divided_cents: settings.divided_cents }
		: null;
	return { settings, applications, checks, figures, partners, budget };
}

/** The officer divides the year's budget over every approved carer, once (the database checks when that may be). */
export async function divideBudget(db: Db, municipalityId: string, year: number): Promise<{ ok: true; shareCents: number } | Refusal> {
	try {
		return { ok: true, shareCents: unwrap(await db.rpc('carer_divide_budget', { p_municipality: municipalityId, p_year: year })) as number };
	} catch (err) {
		const refusal = refusalOf(err);
		if (refusal) return refusal;
		throw err;
	}
}

/** The team called back. */
export async function markCalledBack(db: Db, id: string): Promise<void> {
	unwrap(await db.from('carer_call_backs').update({ done_at: new Date().toISOString() }).eq('id', id));
}
