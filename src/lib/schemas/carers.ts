// Carers: the forms of the appreciation. Messages are i18n keys (carers.errors.*).
// Applying is one question a screen; the answers so far travel along as hidden fields, so it
// works the same without JavaScript. The IBAN is checked with ibantools (country and checksum).
import { z } from './zod';
import { id, recordingField, safeText, sendAnyway } from './fields';
import { electronicFormatIBAN, isSEPACountry, isValidIBAN } from 'ibantools';

export const RELATIONSHIPS = ['partner', 'parent', 'child', 'other_family', 'neighbour', 'friend'] as const;
export const HOURS_BANDS = ['under_4', 'from_4_to_8', 'from_8_to_16', 'over_16'] as const;
export const PAYOUTS = ['money', 'voucher', 'gift'] as const;
export const APPLICANT_RULES = ['carer', 'cared_for', 'either'] as const;
export const MIN_HOURS = [0, 4, 8, 16] as const;

/** A Dutch postcode as the database keeps it: 1234AB. */
export function normalizePostcode(value: string): string {
	return value.replace(/\s+/g, '').toUpperCase();
}

/** An IBAN as the database keeps it (no spaces, capitals), or null when it is not a valid SEPA account. */
export function checkIban(value: string): string | null {
	const iban = electronicFormatIBAN(value.trim());
	if (!iban || !isValidIBAN(iban) || !isSEPACountry(iban.slice(0, 2))) return null;
	return iban;
}

/** "YYYY-MM" (what <input type="month"> sends) as the first day of that month. */
export function monthToDate(value: string): string | null {
	const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
	if (!m || +m[2] < 1 || +m[2] > 12 || +m[1] < 1900) return null;
	return `${m[1]}-${m[2]}-01`;
}

const yesNo = z.enum(['yes', 'no'], { error: 'carers.errors.yes_no' });

export const applySteps = {
	relationship: z.object({ relationship: z.enum(RELATIONSHIPS, { error: 'carers.errors.relationship_missing' }) }),
	person: z.object({
		cared_for_name: z.string().trim().min(1, { error: 'carers.errors.name_missing' }).max(80, { error: 'carers.errors.name_too_long' }),
		cared_for_postcode: z
			.string()
			.transform(normalizePostcode)
			.pipe(z.string().regex(/^[1-9][0-9]{3}[A-Z]{2}$/, { error: 'carers.errors.postcode' })),
		cared_for_house_number: z
			.string()
			.transform((v) => v.replace(/\s+/g, '').toUpperCase())
			.pipe(z.string().regex(/^[0-9]{1,5}[A-Z0-9-]{0,6}$/, { error: 'carers.errors.house_number' }))
	}),
	lives_here: z.object({ cared_for_lives_here: yesNo }),
	since: z.object({
		caring_since: z.string().refine((v) => monthToDate(v) !== null, { error: 'carers.errors.since_missing' })
	}),
	hours: z.object({
		hours: z.enum(HOURS_BANDS, { error: 'carers.errors.hours_missing' }),
		terminal_care: z.enum(['', 'on']).default('')
	}),
	payout: z
		.object({
			payout: z.enum(PAYOUTS, { error: 'carers.errors.payout_missing' }),
			gift: z.string().trim().max(80).default(''),
			iban: z.string().default(''),
			account_holder: z.string().trim().max(80).default('')
		})
		.superRefine((v, ctx) => {
			if (v.payout === 'money') {
				if (!checkIban(v.iban)) ctx.addIssue({ code: 'custom', path: ['iban'], message: 'carers.errors.iban' });
				if (v.account_holder.length < 2) ctx.addIssue({ code: 'custom', path: ['account_holder'], message: 'carers.errors.holder_missing' });
			}
			if (v.payout === 'gift' && !v.gift) ctx.addIssue({ code: 'custom', path: ['gift'], message: 'carers.errors.gift_missing' });
		}),
	extra: z.object({ extra: z.string().trim().max(1000, { error: 'carers.errors.text_too_long' }).default('') })
} as const;

export type ApplyStep = keyof typeof applySteps;
export const APPLY_STEPS = Object.keys(applySteps) as ApplyStep[];
const APPLY_STEPS_LIST = ['relationship', 'person', 'lives_here', 'since', 'hours', 'payout', 'extra'] as const satisfies readonly ApplyStep[];
export const APPLY_FIELDS = [
	'carer_id', 'relationship', 'cared_for_name', 'cared_for_postcode', 'cared_for_house_number', 'cared_for_lives_here',
	'caring_since', 'hours', 'terminal_care', 'payout', 'gift', 'iban', 'account_holder', 'extra', 'voice_id'
] as const;
export type ApplyValues = Record<(typeof APPLY_FIELDS)[number], string>;

/**
 * The whole application as one superforms form: every answer so far as text (the screens not yet
 * seen are empty), the screen on show and the way to go. Each screen is then checked with its
 * own part (applySteps) by moveStep(); "Versturen" checks them all (parseApplication()).
 */
export const applySchema = z.object({
	...(Object.fromEntries(APPLY_FIELDS.map((f) => [f, z.string().max(2000, { error: 'carers.errors.text_too_long' }).default('')])) as Record<
		(typeof APPLY_FIELDS)[number],
		z.ZodDefault<z.ZodString>
	>),
	step: z.enum([...APPLY_STEPS_LIST, 'summary'], { error: 'errors.form' }).default('relationship'),
	direction: z.enum(['next', 'back'], { error: 'errors.form' }).default('next')
});
export type ApplyForm = z.infer<typeof applySchema>;

export type StepOutcome = { ok: true; step: ApplyStep | 'summary'; values: ApplyValues } | { ok: false; step: ApplyStep; errors: Record<string, string> };

function errorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
	return Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]));
}

/** Checks the question on screen and says which screen comes next (or back), with its answers tidied (6211 ab → 6211AB). */
export function moveStep(values: ApplyValues, step: string, direction: 'next' | 'back'): StepOutcome {
	const index = step === 'summary' ? APPLY_STEPS.length : APPLY_STEPS.indexOf(step as ApplyStep);
	if (index < 0) return { ok: false, step: 'relationship', errors: {} };
	if (direction === 'back') return { ok: true, step: APPLY_STEPS[Math.max(0, index - 1)], values };
	if (step === 'summary') return { ok: true, step: 'summary', values };
	const result = applySteps[step as ApplyStep].safeParse(values);
	if (!result.success) return { ok: false, step: step as ApplyStep, errors: errorsOf(result.error.issues) };
	return { ok: true, step: APPLY_STEPS[index + 1] ?? 'summary', values: { ...values, ...(result.data as Partial<ApplyValues>) } };
}

export type Application = {
	carer_id: string;
	relationship: (typeof RELATIONSHIPS)[number];
	cared_for_name: string;
	cared_for_postcode: string;
	cared_for_house_number: string;
	cared_for_lives_here: boolean;
	caring_since: string;
	hours: (typeof HOURS_BANDS)[number];
	terminal_care: boolean;
	payout: (typeof PAYOUTS)[number];
	gift: string | null;
	iban: string | null;
	account_holder: string | null;
	extra: string;
	voice_id: string | null;
};

/** All screens checked together (the summary's "Versturen"): the application, or the first screen with a mistake. */
export function parseApplication(values: ApplyValues): { ok: true; data: Application } | { ok: false; step: ApplyStep; errors: Record<string, string> } {
	const data: Record<string, unknown> = {};
	for (const step of APPLY_STEPS) {
		const result = applySteps[step].safeParse(values);
		if (!result.success) return { ok: false, step, errors: errorsOf(result.error.issues) };
		Object.assign(data, result.data);
	}
	const d = data as z.infer<(typeof applySteps)['payout']> & Record<string, string>;
	return {
		ok: true,
		data: {
			carer_id: values.carer_id,
			relationship: data.relationship as Application['relationship'],
			cared_for_name: d.cared_for_name,
			cared_for_postcode: d.cared_for_postcode,
			cared_for_house_number: d.cared_for_house_number,
			cared_for_lives_here: d.cared_for_lives_here === 'yes',
			caring_since: monthToDate(values.caring_since)!,
			hours: data.hours as Application['hours'],
			terminal_care: d.terminal_care === 'on',
			payout: d.payout,
			gift: d.payout === 'gift' ? d.gift : null,
			iban: d.payout === 'money' ? checkIban(d.iban) : null,
			account_holder: d.payout === 'money' ? d.account_holder : null,
			extra: d.extra,
			voice_id: /^[0-9a-f-]{36}$/i.test(values.voice_id) ? values.voice_id : null
		}
	};
}

/** The officer's rules for one year. Amounts in whole euros on screen, cents in the database. */
export const settingsSchema = z
	.object({
		opens_on: z.iso.date({ error: 'carers.errors.date' }),
		closes_on: z.iso.date({ error: 'carers.errors.date' }),
		remind_days_before: z.coerce.number({ error: 'carers.errors.remind_days' }).int({ error: 'carers.errors.remind_days' }).min(1, { error: 'carers.errors.remind_days' }).max(90, { error: 'carers.errors.remind_days' }).default(14),
		payout_options: z.array(z.enum(PAYOUTS)).min(1, { error: 'carers.errors.payout_options' }),
		amount_kind: z.enum(['fixed', 'budget']).default('fixed'),
		amount_euros: z.coerce.number({ error: 'carers.errors.amount' }).int({ error: 'carers.errors.amount' }).min(1, { error: 'carers.errors.amount' }).max(1_000_000, { error: 'carers.errors.amount' }),
		gift_choices: z.string().trim().max(800).default(''),
		max_carers_per_person: z.coerce.number({ error: 'carers.errors.max_carers' }).int().min(1, { error: 'carers.errors.max_carers' }).max(20, { error: 'carers.errors.max_carers' }).default(6),
		one_per_address: z.boolean().default(false),
		min_hours_per_week: z.coerce.number().refine((n) => (MIN_HOURS as readonly number[]).includes(n), { error: 'carers.errors.min_hours' }).default(8),
		min_months: z.coerce.number({ error: 'carers.errors.min_months' }).int().min(0, { error: 'carers.errors.min_months' }).max(24, { error: 'carers.errors.min_months' }).default(3),
		terminal_care_counts: z.boolean().default(false),
		who_may_apply: z.enum(APPLICANT_RULES).default('either'),
		young_min_age: z.coerce.number().int().min(0, { error: 'carers.errors.ages' }).max(30, { error: 'carers.errors.ages' }).default(6),
		young_max_age: z.coerce.number().int().min(0, { error: 'carers.errors.ages' }).max(30, { error: 'carers.errors.ages' }).default(25),
		young_wording: z.string().trim().max(500, { error: 'carers.errors.text_too_long' }).default('')
	})
	.superRefine((v, ctx) => {
		if (v.closes_on < v.opens_on) ctx.addIssue({ code: 'custom', path: ['closes_on'], message: 'carers.errors.window' });
		if (v.young_min_age > v.young_max_age) ctx.addIssue({ code: 'custom', path: ['young_max_age'], message: 'carers.errors.ages' });
		const gifts = giftList(v.gift_choices);
		if (v.payout_options.includes('gift') && gifts.length === 0) ctx.addIssue({ code: 'custom', path: ['gift_choices'], message: 'carers.errors.gifts_missing' });
		if (gifts.length > 10 || gifts.some((g) => g.length > 80)) ctx.addIssue({ code: 'custom', path: ['gift_choices'], message: 'carers.errors.gifts_too_many' });
	});
export type SettingsInput = z.infer<typeof settingsSchema>;

/** Gifts are typed one a line. */
export function giftList(text: string): string[] {
	return text
		.split('\n')
		.map((g) => g.trim())
		.filter(Boolean);
}

// The empty choice comes first on purpose: superforms fills a missing enum with its first value,
// and a decision nobody chose must never become "approve".
export const decisionSchema = z
	.object({
		decision: z.enum(['', 'approve', 'ask', 'refuse'], { error: 'carers.errors.decision_missing' }).default(''),
		text: z.string().trim().max(1000, { error: 'carers.errors.text_too_long' }).default(''),
		plain_ok: sendAnyway()
	})
	.superRefine((v, ctx) => {
		if (v.decision === '') ctx.addIssue({ code: 'custom', path: ['decision'], message: 'carers.errors.decision_missing' });
		else if (v.decision !== 'approve' && v.text.length < 5) ctx.addIssue({ code: 'custom', path: ['text'], message: 'carers.errors.reason_missing' });
	});

export const answerSchema = z.object({
	answer: z.string().trim().min(2, { error: 'carers.errors.answer_missing' }).max(1000, { error: 'carers.errors.text_too_long' })
});

/**
 * "Hoe gaat het met u?": the municipality's questions (2 to 12, carer_check_scales), each answered
 * 1 (never) to 5 (very often), fields q1 … q12; `count` says how many the page showed, scale_id
 * which version. Never required. Whether it is heavy the database works out when it is saved.
 */
export const MAX_CHECK_QUESTIONS = 12;
export const checkFields = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12'] as const;
const notAnswered = z.coerce.number({ error: 'carers.errors.check_missing' }).int({ error: 'carers.errors.check_missing' }).default(0);
export const checkSchema = z
	.object({
		scale_id: id('carers.errors.check_questions_changed'),
		count: z.coerce.number({ error: 'carers.errors.check_questions_changed' }).int().min(2, { error: 'carers.errors.check_questions_changed' }).max(MAX_CHECK_QUESTIONS, { error: 'carers.errors.check_questions_changed' }),
		...(Object.fromEntries(checkFields.map((f) => [f, notAnswered])) as Record<(typeof checkFields)[number], typeof notAnswered>),
		voice: recordingField
	})
	.superRefine((v, ctx) => {
		checkFields.forEach((f, i) => {
			const answer = v[f];
			if (i < v.count ? answer < 1 || answer > 5 : answer !== 0) ctx.addIssue({ code: 'custom', path: [f], message: 'carers.errors.check_missing' });
		});
	});
export type CheckInput = z.infer<typeof checkSchema>;

/** The answers of a check in the order of its questions. */
export function checkAnswers(input: Pick<CheckInput, 'count' | (typeof checkFields)[number]>): number[] {
	return checkFields.slice(0, input.count).map((f) => input[f]);
}

/** The questions as the officer typed them: one a line, empty lines left out. */
export function questionLines(text: string): string[] {
	return text.split(/\r?\n/).map((q) => q.trim()).filter(Boolean);
}

/** A number as typed with a comma or a point. */
export function decimalOf(value: string): number {
	return Number(value.replace(',', '.'));
}

/** The officer sets the questions: one a line, in plain words; and from which average it is heavy. */
export const checkScaleSchema = z.object({
	questions: z
		.string()
		.trim()
		.max(MAX_CHECK_QUESTIONS * 202, { error: 'carers.errors.check_questions' })
		.refine((text) => {
			const qs = questionLines(text);
			return qs.length >= 2 && qs.length <= MAX_CHECK_QUESTIONS && qs.every((q) => q.length >= 5 && q.length <= 200);
		}, { error: 'carers.errors.check_questions' }),
	// As Dutch people write it: 3,5 (a comma), or 3.5; from 1 to 5.
	heavy_from: z
		.string()
		.trim()
		.regex(/^[1-5]([.,][0-9])?$/, { error: 'carers.errors.heavy_from' })
		.refine((v) => decimalOf(v) <= 5, { error: 'carers.errors.heavy_from' }),
	plain_ok: sendAnyway()
});

/*
 * The person cared for confirms. The carer makes a code (and, with an e-mail address, a link);
 * the person cared for types the code at /mantelzorg/bevestigen, or opens the link; a coordinator
 * or officer can confirm after a phone call, with a short note of the call.
 */
export type ConfirmLookupState = 'open' | 'wrong' | 'used' | 'expired' | 'too_many';

/** A code as people type it: spaces and dashes allowed, small letters too. */
export function normalizeCode(value: string): string {
	return value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

export const newConfirmationSchema = z.object({
	email: z.union([z.literal(''), z.email({ error: 'errors.email_invalid' }).max(254, { error: 'errors.email_invalid' })], { error: 'errors.email_invalid' }).default('')
});

export const confirmCodeSchema = z.object({
	code: z
		.string()
		.max(60, { error: 'carers.confirm.codeWrong' })
		.refine((v) => normalizeCode(v).length >= 10, { error: 'carers.confirm.codeMissing' })
});

export const phoneConfirmSchema = z.object({
	note: safeText({ max: 500, tooLong: 'carers.errors.call_note_long', missing: 'carers.errors.call_note_missing' }).refine((v) => v.length >= 5, {
		error: 'carers.errors.call_note_missing'
	})
});

/** A partner checks a code, or redeems it. The empty action comes first: nothing chosen is never "redeem". */
export const voucherSchema = z.object({
	code: z
		.string()
		.max(60, { error: 'carers.partner.wrong' })
		.refine((v) => normalizeCode(v).length === 12, { error: 'carers.partner.codeMissing' }),
	action: z.enum(['check', 'redeem'], { error: 'errors.form' }).default('check')
});

/** "Voelt u zich gewaardeerd?" The empty choice first: nothing chosen is never "yes". */
export const FEELINGS = ['yes', 'somewhat', 'no'] as const;
export type CarerFeeling = (typeof FEELINGS)[number];
export const feelingSchema = z
	.object({ feeling: z.enum(['', ...FEELINGS], { error: 'carers.errors.feeling_missing' }).default('') })
	.refine((v) => v.feeling !== '', { error: 'carers.errors.feeling_missing', path: ['feeling'] });

/** Deleting one's own data needs a tick: "Ik weet het zeker". */
export const deleteMineSchema = z.object({ sure: z.boolean().default(false) }).refine((v) => v.sure, { error: 'carers.errors.sure_missing', path: ['sure'] });

/** An officer adds a partner: its name, the e-mail address its staff signs in with, what it takes. */
export const partnerSchema = z.object({
	name: safeText({ max: 80, tooLong: 'carers.errors.partner_name', missing: 'carers.errors.partner_name', oneLine: true }).refine((v) => v.length >= 2, {
		error: 'carers.errors.partner_name'
	}),
	email: z.email({ error: 'errors.email_invalid' }).max(254, { error: 'errors.email_invalid' }),
	accepts_vouchers: z.boolean().default(false),
	gifts: z.array(z.string().max(80)).max(10).default([])
});
export type PartnerInput = z.infer<typeof partnerSchema>;

/**
 * An activity for Dag van de Mantelzorg, as the officer adds it. The day and time come from a
 * datetime-local field (Dutch time); the database keeps them as a moment.
 */
export const activitySchema = z.object({
	title: safeText({ max: 80, tooLong: 'carers.errors.activity_title', missing: 'carers.errors.activity_title', oneLine: true }).refine((v) => v.length >= 2, {
		error: 'carers.errors.activity_title'
	}),
	place: safeText({ max: 120, tooLong: 'carers.errors.activity_place', missing: 'carers.errors.activity_place', oneLine: true }).refine((v) => v.length >= 2, {
		error: 'carers.errors.activity_place'
	}),
	starts_at: z
		.string({ error: 'carers.errors.activity_when' })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'carers.errors.activity_when' }),
	description: safeText({ max: 200, tooLong: 'carers.errors.activity_text', oneLine: true }).default(''),
	places: z.coerce.number({ error: 'carers.errors.activity_places' }).int({ error: 'carers.errors.activity_places' }).min(1, { error: 'carers.errors.activity_places' }).max(10000, { error: 'carers.errors.activity_places' }).default(20)
});
export type ActivityInput = z.infer<typeof activitySchema>;

/** Which activity a button is about (sign up, cancel, remove). */
export const activityIdSchema = z.object({ activity: z.guid({ error: 'carers.errors.activity_not_found' }) });

/** The carers' monitor: which year (a GET field; anything odd means this year). */
export const carerMonitorSchema = z.object({
	jaar: z.coerce.number().int().min(2020).max(2100).optional().catch(undefined)
});

/** Which partner the officer removes. */
export const partnerIdSchema = z.object({ partner: z.guid({ error: 'carers.errors.partner_not_found' }) });
