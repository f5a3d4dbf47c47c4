// Forms of the initiatives domain: one schema per screen. Errors are i18n keys. The database
// checks the same rules again (details per kind, the three parts of a no); these give the
// person a plain message next to the field first.
import { z } from './zod';
import { todayInNL } from './help';
import { calendarDate, sendAnyway } from './fields';
import { DETAIL_FIELDS } from '$lib/initiatives/kinds';

export const ASK_KINDS = ['permit', 'space', 'green', 'budget', 'materials', 'contact', 'task'] as const;
export type AskKind = (typeof ASK_KINDS)[number];
export const REFUSAL_REASONS = ['public_order', 'safety', 'health', 'environment', 'law', 'conflicting_use', 'cost', 'nuisance', 'other'] as const;
export const DECISIONS = ['yes', 'yes_if', 'no_because'] as const;
export const MATERIALS = ['tables', 'chairs', 'tent', 'litter_pickers', 'party_trailer', 'fences'] as const;
/** The questions after the name, one per screen, in order. */
export const STEPS = ['wat', 'waar', 'wanneer', 'wie'] as const;
export type Step = (typeof STEPS)[number];

const text = (max: number, missing: string) =>
	z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: 'initiatives.errors.too_long' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'initiatives.errors.too_long' }).default('');
const futureDate = z
	.string({ error: 'initiatives.errors.date_missing' })
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'initiatives.errors.date_missing' })
	.refine((d) => d >= todayInNL(), { error: 'initiatives.errors.date_past' });
// Kept as text, as the database keeps an ask's details: "120", not 120.
const wholeNumber = (error: string) =>
	z.string({ error }).trim().regex(/^[0-9]{1,6}$/, { error }).refine((n) => Number(n) > 0, { error });
const time = z.string().trim().regex(/^\d{2}:\d{2}$/, { error: 'initiatives.errors.time_missing' });

export const nameSchema = z.object({ name: z.string().trim().min(3, { error: 'initiatives.errors.name_missing' }).max(120, { error: 'initiatives.errors.too_long' }) });

export const stepSchemas = {
	// A spoken message alone is enough: the route checks text or recording.
	wat: z.object({ description: optionalText(2000) }),
	waar: z.object({ area_id: z.uuid({ error: 'errors.area_missing' }), place: optionalText(200) }),
	wanneer: z.object({ when_text: optionalText(300) }),
	// Optional: an empty address goes on without a co-founder.
	wie: z.object({ email: z.union([z.email({ error: 'initiatives.errors.email_invalid' }), z.literal('')]).default('') })
} as const;

const note = optionalText(1000);

/** The details each kind of ask needs; the same keys as the database's ask_details_are_complete(). */
export const askSchemas = {
	permit: z
		.object({ date: futureDate, from: time, until: time, visitors: wholeNumber('initiatives.errors.visitors'), note })
		.refine((v) => v.until > v.from, { path: ['until'], error: 'initiatives.errors.until_before_from' }),
	space: z.object({ building: text(200, 'initiatives.errors.building_missing'), date_or_slot: text(200, 'initiatives.errors.slot_missing'), note }),
	green: z.object({ place: text(200, 'initiatives.errors.place_missing'), use: text(500, 'initiatives.errors.use_missing'), note }),
	budget: z.object({
		amount: wholeNumber('initiatives.errors.amount'),
		costs: text(1000, 'initiatives.errors.costs_missing'),
		note
	}),
	materials: z.object({ items: z.array(z.enum(MATERIALS)).min(1, { error: 'initiatives.errors.items_missing' }), date: futureDate, note }),
	contact: z.object({ who: text(300, 'initiatives.errors.who_missing'), note }),
	task: z.object({ task: text(300, 'initiatives.errors.task_missing'), how: text(1000, 'initiatives.errors.how_missing'), needs: text(1000, 'initiatives.errors.needs_missing'), note })
} as const;

export type AskInput<K extends AskKind = AskKind> = z.infer<(typeof askSchemas)[K]>;

/** Conditions are typed one per line; empty lines do not count. */
export function conditionsFromText(value: string): string[] {
	return value
		.split(/\r?\n/)
		.map((line) => line.replace(/^[-*•\s]+/, '').trim())
		.filter(Boolean);
}

/** The officer's answer. A no needs a reason, an explanation and another way; a yes with conditions needs a condition. */
export const answerSchema = z
	.object({
		decision: z.enum(DECISIONS, { error: 'initiatives.errors.decision_missing' }),
		info: optionalText(2000),
		conditions: optionalText(2000),
		/** Conditions picked from the kind's templates (the officer ticks them). */
		templates: z.array(z.string().trim().max(300, { error: 'initiatives.errors.too_long' })).max(10).default([]),
		reason: z.union([z.enum(REFUSAL_REASONS), z.literal('')]).default(''),
		explanation: optionalText(2000),
		alternative: optionalText(2000),
		/** Only when a new answer replaces an earlier one (the domain asks for it then). */
		change_reason: optionalText(1000),
		plain_ok: sendAnyway()
	})
	.superRefine((v, ctx) => {
		if (v.decision === 'yes_if' && conditionsFromText(v.conditions).length + v.templates.length === 0)
			ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'initiatives.errors.conditions_missing' });
		if (v.decision !== 'no_because') return;
		if (!v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'initiatives.errors.reason_missing' });
		if (!v.explanation) ctx.addIssue({ code: 'custom', path: ['explanation'], message: 'initiatives.errors.explanation_missing' });
		if (!v.alternative) ctx.addIssue({ code: 'custom', path: ['alternative'], message: 'initiatives.errors.alternative_missing' });
	});
export type AnswerInput = z.infer<typeof answerSchema>;
/** The officer's own texts in an answer: each gets plain-language tips before it is sent. */
export const ANSWER_TEXTS = ['info', 'conditions', 'explanation', 'alternative'] as const;

/** The details as the database keeps them: text values, the list of items as a list. */
export function detailsOf(kind: AskKind, input: Record<string, unknown>): Record<string, string | string[]> {
	return Object.fromEntries(DETAIL_FIELDS[kind].map((k) => [k, Array.isArray(input[k]) ? (input[k] as string[]) : String(input[k])]));
}

/** The officer's question to the founders; the clock stands still until they reply. */
export const questionSchema = z.object({ question: text(1000, 'initiatives.errors.question_missing') });

/** The founder's reply to a question: typed here, or spoken (the route checks text or recording). */
export const replySchema = z.object({ reply: optionalText(2000) });

/** The founder asks to look again at an answer: why, typed or spoken. */
export const reconsiderSchema = z.object({ reason: optionalText(2000) });

/** The team lead's answer to a reconsideration. */
export const reconsiderationResponseSchema = z.object({
	reconsideration_id: z.uuid({ error: 'initiatives.errors.not_found' }),
	response: text(2000, 'initiatives.errors.response_missing')
});

/** One condition of a "ja, mits" ticked off (done) or back on the list. */
export const tickSchema = z.object({
	answer_id: z.uuid({ error: 'initiatives.errors.not_found' }),
	position: z.coerce.number().int().min(0).max(9),
	done: z.enum(['ja', 'nee'])
});

/** A neighbour on a published initiative: "ik steun dit", "ik doe mee", or a concern. */
export const SUPPORT_KINDS = ['support', 'join'] as const;
export const supportSchema = z.object({ kind: z.enum(SUPPORT_KINDS), on: z.enum(['ja', 'nee']) });
export const concernSchema = z.object({ concern: text(2000, 'initiatives.errors.concern_missing') });

/*
 * The municipality's settings per kind of ask (/gemeente/instellingen): the answering team (and
 * per area where another team answers), the deadline in working days, what silence means, the
 * refusal reasons that apply and "ja, mits" templates. A permit can never be yes by silence: the
 * database refuses it, and the form shows that message next to the choice.
 */
export const ON_TIMEOUTS = ['escalate', 'yes'] as const;
const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** One area's team as a select sends it: "areaId:teamId", or "areaId:" for the kind's own team. */
const AREA_TEAM = new RegExp(`^${uuidPattern}:(${uuidPattern})?$`, 'i');

/** Templates are typed one per line, like conditions. */
export const templatesFromText = conditionsFromText;

export const kindSettingsSchema = z.object({
	team_id: z.union([z.uuid({ error: 'initiatives.settings.errors.team' }), z.literal('')]).default(''),
	working_days: z.coerce
		.number({ error: 'initiatives.settings.errors.days' })
		.int({ error: 'initiatives.settings.errors.days' })
		.min(1, { error: 'initiatives.settings.errors.days' })
		.max(60, { error: 'initiatives.settings.errors.days' })
		.default(10),
	on_timeout: z.enum(ON_TIMEOUTS, { error: 'initiatives.settings.errors.on_timeout' }).default('escalate'),
	max_amount: z.string().trim().regex(/^([1-9][0-9]{0,5})?$/, { error: 'initiatives.settings.errors.max_amount' }).default(''),
	refusal_reasons: z.array(z.enum(REFUSAL_REASONS)).min(1, { error: 'initiatives.settings.errors.reasons' }).default([...REFUSAL_REASONS]),
	condition_templates: optionalText(3000).refine((v) => templatesFromText(v).length <= 10 && templatesFromText(v).every((t) => t.length >= 3 && t.length <= 300), {
		error: 'initiatives.settings.errors.templates'
	}),
	area_teams: z.array(z.string().regex(AREA_TEAM, { error: 'initiatives.settings.errors.team' })).max(100).default([])
});
export type KindSettingsInput = z.infer<typeof kindSettingsSchema>;

/** The municipality's days off beyond the national holidays. */
export const calendarSchema = z.object({
	good_friday_off: z.boolean().default(false),
	liberation_day_every_year: z.boolean().default(false)
});
export type CalendarInput = z.infer<typeof calendarSchema>;

/** A help need of the initiative, asked of neighbours in the marketplace: which kind of help, and what. */
export const helpNeedSchema = z.object({
	/** One per form: a second submit of the same form makes no second request. */
	submission_id: z.uuid({ error: 'errors.form' }),
	category_id: z.string().regex(/^[a-z_]{1,40}$/, { error: 'initiatives.errors.help_category' }),
	// Typed or spoken: the domain checks that one of them is there.
	description: optionalText(1000),
	/** Where to come: the plan's place unless the founder writes another; kept private as for any request. */
	address: optionalText(200),
	/** Empty: as soon as possible. */
	when_date: calendarDate({ check: { test: (d) => d >= todayInNL(), error: 'initiatives.errors.date_past' } }).default('')
});

/** The officer's inbox filters, read from the address (a GET form); anything else means "all". */
export const inboxFilterSchema = z.object({
	soort: z.enum(ASK_KINDS).optional().catch(undefined),
	wijk: z.uuid().optional().catch(undefined),
	status: z.enum(['late', 'open', 'waiting']).optional().catch(undefined)
});
