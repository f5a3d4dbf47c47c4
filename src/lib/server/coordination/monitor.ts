// The monitor: figures per week, kind of help and area, for coordinators (their own areas) and
// the municipality (all its areas), with the initiatives' and the carers' figures read from those
// domains. Counted in SQL (monitor_* functions); a count under five comes back empty and is shown
// as hidden. No row here is about one person.
import { unwrap, type Db } from '../db/clients';
import { readFigures } from '../initiatives/answers';
import { MONITOR_COLUMNS as CARER_COLUMNS, readCarerFiguresForMyAreas } from '../carers/monitor';
import type { MonitorFilter, MonitorTable } from '$lib/schemas/coordination';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday of a day's week (ISO weeks, as the monitor counts), as YYYY-MM-DD. */
function weekStart(day: string): string {
	const d = new Date(`${day}T12:00:00Z`);
	return iso(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY));
}

/**
 * The period: the filter's dates, or the last twelve weeks; from is never after to. Always whole
 * weeks, Monday to Sunday, as the database counts them (no single days to subtract).
 */
export function monitorPeriod(filter: MonitorFilter, now = new Date()): { from: string; to: string } {
	const lastDay = filter.tot ?? iso(now);
	const firstDay = filter.van ?? iso(new Date(Date.parse(lastDay) - 83 * DAY));
	const [a, b] = firstDay <= lastDay ? [firstDay, lastDay] : [lastDay, firstDay];
	return { from: weekStart(a), to: iso(new Date(Date.parse(weekStart(b)) + 6 * DAY)) };
}

export type WeekRow = { week: string; requests: number | null; matched: number | null; median_hours: number | null; matched_within_week_pct: number | null; thanks: number | null };
export type KindRow = { category_id: string; area_name: string; requests: number | null; matched: number | null };
export type AgeRow = { age_group: string; sort_order: number; requests: number | null };
export type InitiativeRow = {
	municipality: string;
	kind: string;
	asks_sent: number | null;
	answered_on_time: number | null;
	refused: number | null;
	yes_by_silence: number | null;
	late_open: number | null;
	median_working_days: number | null;
};
export type SignalWeekRow = { week: string; signals: number | null; picked_up: number | null; median_hours: number | null; late: number | null };

export async function readMonitor(db: Db, filter: MonitorFilter) {
	const { from, to } = monitorPeriod(filter);
	const allowed = unwrap(await db.rpc('monitor_areas')) as unknown as string[];
	const area = filter.wijk && allowed.includes(filter.wijk) ? filter.wijk : undefined;
	const args = { p_from: from, p_to: to, p_area: area };
	// Carers are counted per calendar year: the year the period ends in.
	const carerYear = Number(to.slice(0, 4));
	const [areas, weekly, kinds, open, signals, figures, carers] = await Promise.all([
		allowed.length ? db.from('areas').select('id, name, kind, municipality_id').in('id', allowed).order('name').then(unwrap) : Promise.resolve([]),
		db.rpc('monitor_weekly', args).then((r) => unwrap(r) as WeekRow[]),
		db.rpc('monitor_by_kind', args).then((r) => unwrap(r) as KindRow[]),
		db.rpc('monitor_open_by_age', { p_area: area }).then((r) => unwrap(r) as AgeRow[]),
		db.rpc('monitor_signals', args).then((r) => unwrap(r) as SignalWeekRow[]),
		readFigures(db),
		readCarerFiguresForMyAreas(db, carerYear, area ?? null)
	]);
	// The initiatives domain's public figures, per kind, for the municipalities of these areas (all
	// time: initiatives are counted per municipality, not per area).
	const municipalities = new Set(areas.map((a) => a.municipality_id));
	const initiatives: InitiativeRow[] = figures.filter((f) => f.kind && municipalities.has(f.municipality_id ?? '')) as InitiativeRow[];
	return { from, to, area: area ?? null, areas, weekly, kinds, open, signals, initiatives, carers };
}

type Cell = string | number | null;

/** One of the monitor's tables as rows of cells, the header first (for CSV). Hidden cells say so. */
export async function monitorTable(db: Db, filter: MonitorFilter, table: MonitorTable, words: (key: string) => string): Promise<Cell[][]> {
	const m = await readMonitor(db, filter);
	const hidden = (v: Cell) => (v === null ? words('coordination.monitor.hidden') : v);
	const head = (keys: string[]) => keys.map((k) => words(`coordination.monitor.col.${k}`));
	if (table === 'kinds') return [head(['category', 'area', 'requests', 'matched']), ...m.kinds.map((r) => [r.category_id, r.area_name, hidden(r.requests), hidden(r.matched)])];
	if (table === 'open') return [head(['age', 'requests']), ...m.open.map((r) => [r.age_group, hidden(r.requests)])];
	if (table === 'initiatives')
		return [
			head(['municipality', 'askKind', 'asksSent', 'onTime', 'refused', 'yesBySilence', 'lateOpen', 'medianWorkingDays']),
			...m.initiatives.map((r) => [r.municipality, words(`initiatives.kind.${r.kind}`), hidden(r.asks_sent), hidden(r.answered_on_time), hidden(r.refused), hidden(r.yes_by_silence), hidden(r.late_open), hidden(r.median_working_days)])
		];
	if (table === 'carers') {
		const rows = [...m.carers.areas, ...(m.carers.total ? [m.carers.total] : [])];
		return [
			[words('carers.monitor.col.area'), ...CARER_COLUMNS.map((c) => words(`carers.monitor.col.${c}`))],
			...rows.map((r) => [r.isTotal ? words('coordination.monitor.carersTotal') : (r.areaName ?? words('carers.monitor.noArea')), ...CARER_COLUMNS.map((c) => hidden(r[c]))])
		];
	}
	if (table === 'signals') return [head(['week', 'signals', 'pickedUp', 'medianHours', 'late']), ...m.signals.map((r) => [r.week, hidden(r.signals), hidden(r.picked_up), hidden(r.median_hours), hidden(r.late)])];
	return [
		head(['week', 'requests', 'matched', 'medianHours', 'withinWeek', 'thanks']),
		...m.weekly.map((r) => [r.week, hidden(r.requests), hidden(r.matched), hidden(r.median_hours), hidden(r.matched_within_week_pct), hidden(r.thanks)])
	];
}

/** RFC 4180 CSV; a cell that starts like a formula gets a quote first, so a spreadsheet shows it as text. */
export function toCsv(rows: Cell[][]): string {
	const cell = (v: Cell) => {
		let s = v === null ? '' : String(v);
		if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
		return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
