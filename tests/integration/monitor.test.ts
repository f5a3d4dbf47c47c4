// The monitor through the API as each role: counts only from the areas the reader may see, any
// count under five hidden, nothing about one person; the CSV holds the same.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asAnon, asUser, people, areas, sql } from './helpers';

const OOST = '00000000-0000-4000-8000-000000000103';
const MOLENBROEK = '00000000-0000-4000-8000-000000000106';
const MONDAY = '2026-10-05'; // a week of its own, before any other test's data

async function requestsIn(area: string, n: number, matched: number, monday = MONDAY) {
	for (let i = 0; i < n; i++) {
		await sql(
			`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, created_at, opened_at, status, helper_id, matched_at)
			 values ($1, $2, $2, 'odd_jobs', 'Een klus.', $3, 'asap', ($4 || ' 10:00+02')::timestamptz, ($4 || ' 10:00+02')::timestamptz, $5, $6, $7)`,
			[randomUUID(), people.truus, area, monday, i < matched ? 'matched' : 'open', i < matched ? people.pieter : null, i < matched ? `${monday} 16:00+02` : null]
		);
	}
}

describe('the monitor', async () => {
	const { readMonitor, monitorTable, toCsv } = await import('../../src/lib/server/coordination/monitor');
	const filter = { van: '2026-10-01', tot: '2026-10-11' };

	it('counts the week in the coordinator\'s own areas; a count under five is hidden', async () => {
		await requestsIn(OOST, 6, 6);
		await requestsIn(MOLENBROEK, 3, 0);
		const sanne = await readMonitor(await asUser(people.sanne), filter);
		const week = sanne.weekly.find((w) => w.week === MONDAY)!;
		expect(week).toMatchObject({ requests: 6, matched: 6, matched_within_week_pct: 100 });
		expect(Number(week.median_hours)).toBeCloseTo(6, 0);
		expect(sanne.areas.map((a) => a.id)).toContain(OOST);
		expect(sanne.areas.map((a) => a.id)).not.toContain(MOLENBROEK);
		// Kees keeps Molenbroek: three requests, hidden.
		const kees = await readMonitor(await asUser(people.kees), filter);
		expect(kees.weekly.find((w) => w.week === MONDAY)).toMatchObject({ requests: null, matched: null, median_hours: null });
		expect(kees.kinds.every((k) => k.area_name !== 'Oost')).toBe(true);
	});

	it('the municipality sees all its areas; residents, volunteers and anon see nothing', async () => {
		const ahmed = await readMonitor(await asUser(people.ahmed), filter);
		// 6 in Oost and 3 in Molenbroek: the total of 9 would give back Molenbroek's hidden 3 (9 − 6).
		expect(ahmed.weekly.find((w) => w.week === MONDAY)).toMatchObject({ requests: null, matched: 6 });
		expect((await readMonitor(await asUser(people.ahmed), { ...filter, wijk: OOST })).weekly.find((w) => w.week === MONDAY)?.requests).toBe(6);
		for (const who of [people.truus, people.fatima]) {
			const m = await readMonitor(await asUser(who), filter);
			expect(m.areas, who).toEqual([]);
			expect(m.weekly, who).toEqual([]);
		}
		expect((await (await asAnon()).rpc('monitor_weekly', { p_from: filter.van, p_to: filter.tot })).error?.code).toBe('42501');
	});

	it('shows a total of all areas only when it gives back no single hidden area', async () => {
		const week = '2026-09-28';
		const period = { van: '2026-09-28', tot: '2026-10-04' };
		await requestsIn(OOST, 6, 0, week);
		await requestsIn(MOLENBROEK, 3, 0, week);
		const one = await readMonitor(await asUser(people.ahmed), period);
		expect(one.weekly.find((w) => w.week === week)?.requests).toBeNull(); // 9 − 6 = Molenbroek's 3
		await requestsIn(areas.noord, 4, 0, week);
		const two = await readMonitor(await asUser(people.ahmed), period);
		expect(two.weekly.find((w) => w.week === week)?.requests).toBe(13); // 13 − 6 = 7: Molenbroek and Noord together
		for (const area of [MOLENBROEK, areas.noord]) {
			expect((await readMonitor(await asUser(people.ahmed), { ...period, wijk: area })).weekly.find((w) => w.week === week)?.requests, area).toBeNull();
		}
	});

	it('an area outside the reader\'s own is ignored, not shown', async () => {
		const m = await readMonitor(await asUser(people.sanne), { ...filter, wijk: MOLENBROEK });
		expect(m.area).toBeNull();
		expect(m.weekly.find((w) => w.week === MONDAY)?.requests).toBe(6);
		const one = await readMonitor(await asUser(people.sanne), { ...filter, wijk: areas.noord });
		expect(one.weekly.find((w) => w.week === MONDAY)).toBeUndefined();
	});

	it('the CSV holds the same figures, hidden cells said in words', async () => {
		const rows = await monitorTable(await asUser(people.kees), filter, 'weekly', (k) => k.split('.').pop()!);
		expect(rows[0]).toEqual(['week', 'requests', 'matched', 'medianHours', 'withinWeek', 'thanks']);
		expect(rows.find((r) => r[0] === MONDAY)).toEqual([MONDAY, 'hidden', 'hidden', 'hidden', 'hidden', 'hidden']);
		expect(toCsv([['a', '=1+1', 'x,y']])).toBe(`a,'=1+1,"x,y"\r\n`);
	});

	it('shows how the municipality answers initiatives, per kind, for the reader\'s municipality only', async () => {
		const { readFigures } = await import('../../src/lib/server/initiatives/answers');
		const sanne = await readMonitor(await asUser(people.sanne), filter);
		const heuvelrijk = (await readFigures(await asAnon())).filter((f) => f.kind && f.municipality_id === '00000000-0000-4000-8000-000000000001');
		expect(heuvelrijk.length).toBeGreaterThan(0);
		// (other test files may send asks meanwhile: compare the kinds, and that each has asks)
		expect(sanne.initiatives.map((r) => r.kind).sort()).toEqual(heuvelrijk.map((f) => f.kind).sort());
		expect(sanne.initiatives.every((r) => (r.asks_sent ?? 0) > 0)).toBe(true);
		expect(new Set(sanne.initiatives.map((r) => r.municipality))).toEqual(new Set(['Gemeente Heuvelrijk']));
		const rows = await monitorTable(await asUser(people.sanne), filter, 'initiatives', (k) => k.split('.').pop()!);
		expect(rows[0]).toEqual(['municipality', 'askKind', 'asksSent', 'onTime', 'refused', 'yesBySilence', 'lateOpen', 'medianWorkingDays']);
		expect(rows).toHaveLength(sanne.initiatives.length + 1);
		// a resident sees no areas, so no municipality's figures either
		expect((await readMonitor(await asUser(people.truus), filter)).initiatives).toEqual([]);
	});
});
