// Carers: the monitor for the municipality, per year and area. The database counts and hides any
// count under 5 (carer_monitor()); this module orders the rows, picks the years to choose from,
// and writes the same table as CSV with csv-stringify (as the payment list does).
import { stringify } from 'csv-stringify/sync';
import { unwrap, type Db } from '../db/clients';
import { CARER_MONITOR_COLUMNS as MONITOR_COLUMNS } from '$lib/carers/format';

export { MONITOR_COLUMNS };
export type MonitorColumn = (typeof MONITOR_COLUMNS)[number];
export type MonitorRow = { isTotal: boolean; areaName: string | null } & Record<MonitorColumn, number | null>;

type CountedRow = { is_total: boolean | null; area_name: string | null } & Record<MonitorColumn, number | null>;

function shapeRows(rows: CountedRow[]): MonitorRow[] {
	return rows.map((r) => ({
		isTotal: !!r.is_total,
		areaName: r.area_name,
		...(Object.fromEntries(MONITOR_COLUMNS.map((c) => [c, r[c]])) as Record<MonitorColumn, number | null>)
	}));
}

/**
 * The same figures for the coordinators' monitor: the areas the caller sees there (or one of
 * them), hidden alike; empty for anyone without such areas.
 */
export async function readCarerFiguresForMyAreas(db: Db, year: number, areaId: string | null) {
	const shaped = shapeRows(unwrap(await db.rpc('carer_monitor_for_my_areas', { p_year: year, ...(areaId ? { p_area: areaId } : {}) })));
	return { year, areas: shaped.filter((r) => !r.isTotal), total: shaped.find((r) => r.isTotal) ?? null };
}

/** The years with rules (newest first), so the officer can look back; always this year too. */
async function monitorYears(db: Db, municipalityId: string, thisYear: number): Promise<number[]> {
	const rows = unwrap(await db.from('carer_settings').select('year').eq('municipality_id', municipalityId).order('year', { ascending: false }).limit(10));
	return [...new Set([thisYear, ...rows.map((r) => r.year)])].sort((a, b) => b - a);
}

/** The figures of one year: a row per area, then the whole municipality. Nothing for anyone but its officers. */
export async function readCarerMonitor(db: Db, municipalityId: string, year: number, thisYear: number) {
	const shaped = shapeRows(unwrap(await db.rpc('carer_monitor', { p_municipality: municipalityId, p_year: year })));
	return {
		year,
		years: await monitorYears(db, municipalityId, thisYear),
		areas: shaped.filter((r) => !r.isTotal),
		total: shaped.find((r) => r.isTotal) ?? null
	};
}

/** The same table as CSV; a hidden count is an empty cell. `t` gives the column names in the officer's language. */
export function carerMonitorCsv(rows: MonitorRow[], t: (key: string) => string): string {
	return stringify(
		rows.map((r) => [r.isTotal ? t('carers.monitor.total') : (r.areaName ?? t('carers.monitor.noArea')), ...MONITOR_COLUMNS.map((c) => r[c] ?? '')]),
		{
			header: true,
			columns: [t('carers.monitor.col.area'), ...MONITOR_COLUMNS.map((c) => t(`carers.monitor.col.${c}`))],
			delimiter: ';',
			escape_formulas: true,
			record_delimiter: 'windows',
			bom: true
		}
	);
}

/** The officer's download of one year. */
export async function carerMonitorExport(db: Db, municipalityId: string, year: number, thisYear: number, t: (key: string) => string) {
	const monitor = await readCarerMonitor(db, municipalityId, year, thisYear);
	const rows = monitor.total ? [...monitor.areas, monitor.total] : monitor.areas;
	return { csv: carerMonitorCsv(rows, t), filename: `mantelzorg-cijfers-${year}.csv` };
}
