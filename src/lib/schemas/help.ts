import { z } from 'zod';

export const CATEGORY_IDS = ['odd_jobs', 'buddy', 'ride', 'groceries', 'garden', 'paperwork', 'lending'] as const;
export const MAX_TEXT = 1000;

/** Today in the Netherlands as YYYY-MM-DD. */
export function todayInNL(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

/** The questions of "Hulp vragen", one per screen; the last screen checks them all together. */
export const askSteps = {
	category: z.object({ category_id: z.enum(CATEGORY_IDS, { error: 'help.errors.category_missing' }) }),
	// A spoken message alone is enough (voice_id is set once the recording is saved).
	description: z
		.object({
			description: z.string().trim().max(MAX_TEXT, { error: 'help.errors.text_too_long' }).default(''),
			voice_id: z.string().default('')
		})
		.superRefine((value, ctx) => {
			if (!value.description && !value.voice_id) ctx.addIssue({ code: 'custom', path: ['description'], message: 'voice.errors.text_or_voice' });
		}),
	place: z.object({
		area_id: z.uuid({ error: 'errors.area_missing' }),
		address: z.string().trim().max(200, { error: 'help.errors.address_too_long' }).default('')
	}),
	when: z
		.object({
			when_kind: z.enum(['asap', 'on_date', 'regularly'], { error: 'help.errors.when_missing' }),
			when_date: z.string().trim().default(''),
			when_note: z.string().trim().max(200, { error: 'help.errors.note_too_long' }).default('')
		})
		.superRefine((value, ctx) => {
			if (value.when_kind !== 'on_date') return;
			if (!/^\d{4}-\d{2}-\d{2}$/.test(value.when_date)) {
				ctx.addIssue({ code: 'custom', path: ['when_date'], message: 'help.errors.date_missing' });
			} else if (value.when_date < todayInNL()) {
				ctx.addIssue({ code: 'custom', path: ['when_date'], message: 'help.errors.date_past' });
			}
		})
} as const;

export type AskStep = keyof typeof askSteps;
export const ASK_STEPS: AskStep[] = ['category', 'description', 'place', 'when'];

export const askSchema = z
	.object({
		submission_id: z.uuid(),
		requester_id: z.uuid().optional(),
		...askSteps.category.shape,
		description: z.string().trim().max(MAX_TEXT, { error: 'help.errors.text_too_long' }).default(''),
		voice_id: z.union([z.uuid(), z.literal('')]).default(''),
		...askSteps.place.shape,
		when_kind: z.enum(['asap', 'on_date', 'regularly'], { error: 'help.errors.when_missing' }),
		when_date: z.string().trim().default(''),
		when_note: z.string().trim().max(200, { error: 'help.errors.note_too_long' }).default('')
	})
	.superRefine((value, ctx) => {
		if (!value.description && !value.voice_id) ctx.addIssue({ code: 'custom', path: ['description'], message: 'voice.errors.text_or_voice' });
		const when = askSteps.when.safeParse(value);
		if (!when.success) for (const issue of when.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
	});
export type AskInput = z.infer<typeof askSchema>;

export const SLOTS_PER_DAY = 3;
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const PARTS = ['morning', 'afternoon', 'evening'] as const;

export const volunteerSchema = z.object({
	categories: z.array(z.enum(CATEGORY_IDS)).min(1, { error: 'help.errors.categories_missing' }),
	area_id: z.uuid({ error: 'errors.area_missing' }),
	max_distance_km: z.coerce.number({ error: 'help.errors.distance' }).min(0.5, { error: 'help.errors.distance' }).max(15, { error: 'help.errors.distance' }),
	slots: z.array(z.coerce.number().int().min(0).max(20)).default([]),
	skills: z.string().trim().max(500, { error: 'help.errors.skills_too_long' }).default('')
});

/** A one-off offer; its text may be empty when a voice message comes with it (the route checks). */
export const offerSchema = z.object({
	category_id: z.enum(CATEGORY_IDS, { error: 'help.errors.category_missing' }),
	area_id: z.uuid({ error: 'errors.area_missing' }),
	description: z.string().trim().max(MAX_TEXT, { error: 'help.errors.text_too_long' }).default(''),
	available_on: z
		.string()
		.trim()
		.default('')
		.refine((d) => d === '' || (/^\d{4}-\d{2}-\d{2}$/.test(d) && d >= todayInNL()), { error: 'help.errors.date_past' })
});

/** A recording from a file field; an empty field (no file chosen) is no recording. */
export const recordingField = z.preprocess((v) => (v instanceof File && v.size > 0 ? v : undefined), z.instanceof(File).optional());

/** Text or a recording: one of the two is enough, neither is an error next to the text. */
function textOrVoice(message: string) {
	return (value: { body: string; voice?: File }, ctx: z.RefinementCtx) => {
		if (!value.body && !value.voice) ctx.addIssue({ code: 'custom', path: ['body'], message });
	};
}

export const messageSchema = z
	.object({ body: z.string().trim().max(MAX_TEXT, { error: 'help.errors.text_too_long' }).default(''), voice: recordingField })
	.superRefine(textOrVoice('voice.errors.message_text_or_voice'));
export const summarySchema = z.object({ summary: z.string().trim().max(MAX_TEXT, { error: 'help.errors.text_too_long' }).default('') });
export const transcriptSchema = z.object({
	voice: z.uuid(),
	transcript: z.string().trim().min(1, { error: 'help.errors.text_missing', abort: true }).max(5000, { error: 'help.errors.text_too_long' })
});
/** A thank-you note, typed or spoken. */
export const thanksSchema = z
	.object({ body: z.string().trim().max(500, { error: 'help.errors.thanks_too_long' }).default(''), voice: recordingField })
	.superRefine(textOrVoice('voice.errors.thanks_text_or_voice'));

/** One lifecycle step on a request; helper only when a coordinator introduces a volunteer. */
export const stepSchema = z.object({
	action: z.enum(['offer', 'introduce', 'accept', 'decline', 'withdraw', 'mark_done', 'confirm_done', 'cancel', 'reopen'], { error: 'help.errors.not_allowed' }),
	helper: z.union([z.uuid(), z.literal('')]).default('')
});
export const reportSchema = z.object({
	reason: z.string().trim().min(1, { error: 'help.errors.reason_missing', abort: true }).max(1000, { error: 'help.errors.text_too_long' })
});

/** availability bit for a day (0 = Monday) and part of the day (0 = morning). */
export const slotBit = (day: number, part: number) => day * SLOTS_PER_DAY + part;
export const slotsToMask = (slots: number[]) => slots.reduce((mask, s) => mask | (1 << s), 0);
export const maskToSlots = (mask: number) => Array.from({ length: 21 }, (_, i) => i).filter((i) => mask & (1 << i));
