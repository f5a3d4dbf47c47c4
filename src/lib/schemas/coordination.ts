import { z } from './zod';
import { id } from './fields';

/** "Voorstellen" on the workspace: this volunteer for this request. */
export const introduceSchema = z.object({
	request: id(),
	helper: id()
});

/** The monitor's filters, read from the address (a GET form): period and area. Bad values fall back. */
export const monitorSchema = z.object({
	van: z.iso.date().optional().catch(undefined),
	tot: z.iso.date().optional().catch(undefined),
	wijk: z.uuid().optional().catch(undefined)
});
export type MonitorFilter = z.infer<typeof monitorSchema>;

export const MONITOR_TABLES = ['weekly', 'kinds', 'open', 'signals'] as const;
export type MonitorTable = (typeof MONITOR_TABLES)[number];
export const monitorCsvSchema = monitorSchema.extend({ tabel: z.enum(MONITOR_TABLES).catch('weekly') });
