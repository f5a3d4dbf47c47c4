import { z } from './zod';
import { id, safeText } from './fields';
import { CATEGORY_IDS } from './help';

/** "Voorstellen" on the workspace: this volunteer for this request. */
export const introduceSchema = z.object({
	request: id(),
	helper: id()
});

/** "Ik pak dit op" for a call-back on the workspace. */
export const pickUpCallBackSchema = z.object({
	call_back: id()
});

/** "Klaar" for a call-back, with a short note of what was agreed. */
export const finishCallBackSchema = z.object({
	call_back: id(),
	note: safeText({ max: 300, tooLong: 'coordination.callBacks.noteTooLong', missing: 'coordination.callBacks.noteMissing' }).pipe(
		z.string().min(2, { error: 'coordination.callBacks.noteMissing' })
	)
});

/** The monitor's filters, read from the address (a GET form): period and area. Bad values fall back. */
export const monitorSchema = z.object({
	van: z.iso.date().optional().catch(undefined),
	tot: z.iso.date().optional().catch(undefined),
	wijk: z.uuid().optional().catch(undefined)
});
export type MonitorFilter = z.infer<typeof monitorSchema>;

export const MONITOR_TABLES = ['weekly', 'kinds', 'open', 'signals', 'initiatives', 'carers'] as const;
export type MonitorTable = (typeof MONITOR_TABLES)[number];
export const monitorCsvSchema = monitorSchema.extend({ tabel: z.enum(MONITOR_TABLES).catch('weekly') });

/** A message to the volunteers of an area; a kind of help narrows it down (empty: all of them). */
export const volunteerMessageSchema = z.object({
	area_id: id('errors.area_missing'),
	category_id: z.union([z.enum(CATEGORY_IDS), z.literal('')]).default(''),
	body: safeText({ max: 1000, tooLong: 'coordination.message.tooLong', missing: 'coordination.message.bodyMissing' })
});
