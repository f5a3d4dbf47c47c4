import { z } from './zod';
import { calendarDate, id, optionalId, recordingField, safeText } from './fields';
import { dateFormat } from '$lib/intl';

export const CATEGORY_IDS = ['odd_jobs', 'buddy', 'ride', 'groceries', 'garden', 'paperwork', 'lending'] as const;
export const MAX_TEXT = 1000;

/** Today in the Netherlands as YYYY-MM-DD. */
export function todayInNL(now = new Date()): string {
	return dateFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

const when_kinds = ['asap', 'on_date', 'regularly'] as const;
const description = safeText({ max: MAX_TEXT, tooLong: 'help.errors.text_too_long' }).default('');
const whenDate = calendarDate().default('');

/** A recording from a file field; superforms makes an empty file field (no file chosen) undefined. */

export type AskStep = 'category' | 'description' | 'place' | 'when';
export const ASK_STEPS: AskStep[] = ['category', 'description', 'place', 'when'];
/** The fields each question of "Hulp vragen" shows, one question per screen. */
export const ASK_FIELDS: Record<AskStep, string[]> = {
	category: ['category_id'],
	description: ['description', 'voice'],
	place: ['area_id', 'address'],
	when: ['when_kind', 'when_date', 'when_note']
};

/**
 * "Hulp vragen": one schema for every screen. `step` is the screen that was posted
 * ('summary' checks them all); a screen's answers are required once that screen is passed,
 * the safe-input rules of every field always apply. Text or voice: a typed description, a
 * saved recording (voice_id) or a new one (voice) is enough.
 */
export const askSchema = z
	.object({
		step: z.enum([...ASK_STEPS, 'summary'], { error: 'errors.form' }).default('category'),
		direction: z.enum(['next', 'back'], { error: 'errors.form' }).default('next'),
		submission_id: id(),
		requester_id: optionalId(),
		category_id: z.union([z.enum(CATEGORY_IDS), z.literal('')], { error: 'help.errors.category_missing' }).default(''),
		description,
		voice_id: optionalId(),
		voice: recordingField,
		area_id: optionalId('errors.area_missing'),
		address: safeText({ max: 200, tooLong: 'help.errors.address_too_long', oneLine: true }).default(''),
		when_kind: z.enum(when_kinds, { error: 'help.errors.when_missing' }),
		when_date: whenDate,
		when_note: safeText({ max: 200, tooLong: 'help.errors.note_too_long', oneLine: true }).default('')
	})
	.superRefine((value, ctx) => {
		if (value.direction === 'back') return;
		const upTo = value.step === 'summary' ? ASK_STEPS.length : ASK_STEPS.indexOf(value.step) + 1;
		const passed = (step: AskStep) => ASK_STEPS.indexOf(step) < upTo;
		const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (passed('category') && !value.category_id) missing('category_id', 'help.errors.category_missing');
		if (passed('description') && !value.description && !value.voice_id && !value.voice) missing('description', 'voice.errors.text_or_voice');
		if (passed('place') && !value.area_id) missing('area_id', 'errors.area_missing');
		if (passed('when') && value.when_kind === 'on_date') {
			if (!value.when_date) missing('when_date', 'help.errors.date_missing');
			else if (value.when_date < todayInNL()) missing('when_date', 'help.errors.date_past');
		}
	});
export type AskForm = z.infer<typeof askSchema>;
export type AskInput = AskForm & { category_id: (typeof CATEGORY_IDS)[number] };

/** The screen to show after a refusal: the first with an error, else the one posted (a forged name starts over). */
export function screenAfterErrors(errors: Record<string, unknown>, posted: AskForm['step']): AskForm['step'] {
	return ASK_STEPS.find((s) => ASK_FIELDS[s].some((f) => f in errors)) ?? ('step' in errors ? 'category' : posted);
}

export const SLOTS_PER_DAY = 3;
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const PARTS = ['morning', 'afternoon', 'evening'] as const;

export const volunteerSchema = z.object({
	categories: z.array(z.enum(CATEGORY_IDS, { error: 'help.errors.categories_missing' })).min(1, { error: 'help.errors.categories_missing' }).max(CATEGORY_IDS.length),
	area_id: id('errors.area_missing'),
	max_distance_km: z.coerce.number({ error: 'help.errors.distance' }).min(0.5, { error: 'help.errors.distance' }).max(15, { error: 'help.errors.distance' }).default(3),
	slots: z.array(z.coerce.number().int().min(0).max(20)).max(21).default([]),
	skills: safeText({ max: 500, tooLong: 'help.errors.skills_too_long' }).default('')
});

/** Text or a recording: one of the two is enough, neither is an error next to the text. */
function textOrVoice<T extends { voice?: File }>(field: keyof T & string, message: string) {
	return (value: T, ctx: z.RefinementCtx) => {
		if (!value[field] && !value.voice) ctx.addIssue({ code: 'custom', path: [field], message });
	};
}

/** A one-off offer, typed or spoken. */
export const offerSchema = z
	.object({
		category_id: z.enum(CATEGORY_IDS, { error: 'help.errors.category_missing' }),
		area_id: id('errors.area_missing'),
		description,
		voice: recordingField,
		available_on: calendarDate({ check: { test: (d) => d >= todayInNL(), error: 'help.errors.date_past' } }).default('')
	})
	.superRefine(textOrVoice('description', 'voice.errors.offer_text_or_voice'));
export type OfferInput = z.infer<typeof offerSchema>;

export const messageSchema = z
	.object({ body: description, voice: recordingField })
	.superRefine(textOrVoice('body', 'voice.errors.message_text_or_voice'));
export const summarySchema = z.object({ summary: description });
export const transcriptSchema = z.object({
	voice: id(),
	transcript: safeText({ max: 5000, tooLong: 'help.errors.text_too_long', missing: 'help.errors.text_missing' })
});
/** A thank-you note, typed or spoken. */
export const thanksSchema = z
	.object({ body: safeText({ max: 500, tooLong: 'help.errors.thanks_too_long' }).default(''), voice: recordingField })
	.superRefine(textOrVoice('body', 'voice.errors.thanks_text_or_voice'));

/** One lifecycle step on a request; helper only when a coordinator introduces a volunteer. */
export const stepSchema = z.object({
	action: z.enum(['offer', 'introduce', 'accept', 'decline', 'withdraw', 'mark_done', 'confirm_done', 'cancel', 'reopen'], { error: 'help.errors.not_allowed' }),
	helper: optionalId('help.errors.not_allowed')
});
export const reportSchema = z.object({
	reason: safeText({ max: 1000, tooLong: 'help.errors.text_too_long', missing: 'help.errors.reason_missing' })
});

/** availability bit for a day (0 = Monday) and part of the day (0 = morning). */
export const slotBit = (day: number, part: number) => day * SLOTS_PER_DAY + part;
export const slotsToMask = (slots: number[]) => slots.reduce((mask, s) => mask | (1 << s), 0);
export const maskToSlots = (mask: number) => Array.from({ length: 21 }, (_, i) => i).filter((i) => mask & (1 << i));

/** Closing one of one's own one-off offers. */
export const closeOfferSchema = z.object({ offer: id() });

/** /hulp?na=<id>: the open requests near a volunteer after this one. Anything else shows the first page. */
export const browsePageSchema = z.object({
	na: z.uuid().optional().catch(undefined)
});
