import { z } from './zod';
import { optionalId, safeText } from './fields';

export const ROUTES = ['green', 'yellow', 'orange', 'blue'] as const;
export type Route = (typeof ROUTES)[number];

/** The search and filters of "Waar kan ik terecht?", read from the address (a GET form). */
export const mapSearchSchema = z.object({
	q: z.string().trim().max(200).catch(''),
	route: z.enum(ROUTES).optional().catch(undefined),
	topic: z.string().regex(/^[a-z][a-z_]{1,30}$/).optional().catch(undefined),
	free: z.literal('on').optional().catch(undefined),
	age: z.coerce.number().int().min(0).max(120).optional().catch(undefined),
	open: z.literal('on').optional().catch(undefined),
	accessible: z.literal('on').optional().catch(undefined),
	area: z.uuid().optional().catch(undefined),
	near: z.literal('on').optional().catch(undefined)
});
export type MapSearch = z.infer<typeof mapSearchSchema>;

/** "Klopt dit niet meer?": what is wrong is optional. */
export const outdatedSchema = z.object({
	note: z.string().trim().max(300, { error: 'socialMap.errors.note_too_long' }).default('')
});

/** An editor confirms an entry is still right. */
export const confirmServiceSchema = z.object({
	service_id: z.uuid({ error: 'errors.form' })
});

/** An HSDS 3.0 file to import (JSON): the editors' import on /coordinatie/kaart/import. */
export const hsdsImportSchema = z.object({
	file: z.instanceof(File, { error: 'socialMap.import.fileMissing' }).refine((f) => f.size > 0, { error: 'socialMap.import.fileMissing' })
		.refine((f) => f.size <= 5_000_000, { error: 'socialMap.import.tooBig' }),
	/** For which of the coordinator's organisations; empty when they have only one. */
	organisation_id: optionalId('socialMap.import.organisationMissing')
});

/** A provider proposes new wording or contact details for its entry; empty contact fields clear them. */
export const proposalSchema = z.object({
	name: safeText({ max: 120, tooLong: 'socialMap.propose.tooLong', missing: 'socialMap.propose.nameMissing', oneLine: true }),
	summary: safeText({ max: 160, tooLong: 'socialMap.propose.tooLong', missing: 'socialMap.propose.summaryMissing', oneLine: true }),
	description: safeText({ max: 2000, tooLong: 'socialMap.propose.tooLong' }).default(''),
	phone: z.string().trim().regex(/^([0-9 +()-]{3,20})?$/, { error: 'socialMap.propose.phoneWrong' }).default(''),
	email: z.string().trim().regex(/^([^@\s]+@[^@\s]+)?$/, { error: 'socialMap.propose.emailWrong' }).default(''),
	url: z.string().trim().regex(/^(https:\/\/\S+)?$/, { error: 'socialMap.propose.urlWrong' }).default(''),
	note: safeText({ max: 500, tooLong: 'socialMap.propose.tooLong' }).default('')
});
export type ProposalInput = z.infer<typeof proposalSchema>;

/** An editor's answer to a proposal. */
export const proposalDecisionSchema = z.object({
	proposal: z.uuid({ error: 'errors.form' }),
	decision: z.enum(['approve', 'reject'], { error: 'errors.form' })
});

/** "Zoek met uw stem": a recording to turn into search words. */
export const voiceSearchSchema = z.object({
	voice: z.instanceof(File, { error: 'socialMap.voiceSearch.missing' }).refine((f) => f.size > 0, { error: 'socialMap.voiceSearch.missing' })
});
