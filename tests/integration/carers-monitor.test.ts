// The carers' monitor on the real stack: counts per year and area, any count under 5 hidden by
// the database (and a share only when both sides are 5 or more); officers of another
// municipality, residents and anon see nothing. The CSV carries the same hidden cells.
import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asAnon, asUser, people, sql } from './helpers';
import { carerMonitorCsv, readCarerFiguresForMyAreas, readCarerMonitor } from '../../src/lib/server/carers/monitor';

const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
const here = { municipality: randomUUID(), team: randomUUID(), officer: randomUUID(), big: randomUUID(), small: randomUUID() };
const there = { municipality: randomUUID(), team: randomUUID(), officer: randomUUID() };

async function carerIn(area: string, i: number): Promise<string> {
	const [row] = await sql<{ id: string }>(
		`insert into profiles (display_name, area_id, email, onboarded_at) values ($1, $2, $3, now()) returning id`,
		[`Zorger ${i}`, area, `zorger.${i}.${randomUUID().slice(0, 8)}@voorbeeld.nl`]
	);
	return row.id;
}

/** An approved application of this year, written as the owner (the window and limits are not what this test is about). */
async function application(carer: string, { confirmed, feeling }: { confirmed: boolean; feeling: 'yes' | 'no' }) {
	const id = randomUUID();
	await sql(
		`begin;
		 set local session_replication_role = replica;
		 insert into carer_applications (id, municipality_id, year, carer_id, applied_by, relationship, cared_for_name, cared_for_postcode,
		   cared_for_house_number, caring_since, hours, cared_for_lives_here, payout, status, decided_at, paid_at)
		 values ('${id}', '${here.municipality}', ${year}, '${carer}', '${carer}', 'parent', 'Moeder', '6211AB', '3', '2020-01-01',
		   'over_16', true, 'money', 'approved', now(), now());
		 insert into carer_confirmations (application_id, confirmed_at, confirmed_how) values ('${id}', ${confirmed ? "now(), 'code'" : 'null, null'});
		 insert into carer_appreciation_answers (application_id, feeling) values ('${id}', '${feeling}');
		 commit;`
	);
}

beforeAll(async () => {
	for (const m of [here, there]) {
		await sql(`insert into municipalities (id, name) values ($1, $2)`, [m.municipality, `Gemeente ${m.municipality.slice(0, 6)}`]);
		await sql(`insert into organisations (id, municipality_id, name, kind) values ($1, $2, 'Team Mantelzorg', 'municipal_team')`, [m.team, m.municipality]);
		await sql(`insert into profiles (id, display_name, email, onboarded_at) values ($1, 'Ambtenaar', $2, now())`, [m.officer, `amb.${m.officer.slice(0, 8)}@voorbeeld.nl`]);
		await sql(`insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'officer')`, [m.team, m.officer]);
	}
	await sql(
		`insert into areas (id, municipality_id, name, kind, latitude, longitude) values ($1, $3, 'Grote wijk', 'wijk', 50.85, 5.69), ($2, $3, 'Kleine kern', 'kern', 50.86, 5.7)`,
		[here.big, here.small, here.municipality]
	);
	await sql(`insert into carer_settings (municipality_id, year, opens_on, closes_on, payout_options, amount_cents) values ($1, $2, make_date($2, 1, 1), make_date($2, 12, 31), '{money}', 10000)`, [here.municipality, year]);
	// Seven carers in the big area (six confirmed; five feel appreciated, two do not), three in the small one (none do).
	for (let i = 0; i < 7; i++) await application(await carerIn(here.big, i), { confirmed: i < 6, feeling: i < 5 ? 'yes' : 'no' });
	for (let i = 7; i < 10; i++) await application(await carerIn(here.small, i), { confirmed: true, feeling: 'no' });
	// Six checks in the big area, all heavy; two call-backs.
	const [carer] = await sql<{ id: string }>(`select id from profiles where area_id = $1 limit 1`, [here.big]);
	for (let i = 0; i < 6; i++) {
		const [check] = await sql<{ id: string }>(`insert into carer_checks (carer_id, answers) values ($1, '{5,5,5,5,5}') returning id`, [carer.id]);
		if (i < 2) await sql(`insert into carer_call_backs (check_id, carer_id, municipality_id) values ($1, $2, $3)`, [check.id, carer.id, here.municipality]);
	}
});

describe('the carers monitor', () => {
	it('counts per area and for the whole municipality, hiding every count under 5', async () => {
		const monitor = await readCarerMonitor(await asUser(here.officer), here.municipality, year, year);
		const big = monitor.areas.find((a) => a.areaName === 'Grote wijk');
		const small = monitor.areas.find((a) => a.areaName === 'Kleine kern');
		// The small area's 3 applications are hidden; the big area's 7 too, or 10 minus 7 would give
		// the 3 back. Checks are only in the big area (the small one has none), so they show.
		expect(big).toMatchObject({ applications: null, confirmed: null, approved: null, paid_or_redeemed: null, appreciated_pct: null, checks: 6, heavy: 6, call_backs: null });
		expect(small).toMatchObject({ applications: null, confirmed: null, approved: null, paid_or_redeemed: null, appreciated_pct: null, checks: null });
		// The whole municipality: 10 applications, 9 confirmed, 5 of 10 feel appreciated.
		expect(monitor.total).toMatchObject({ applications: 10, confirmed: 9, approved: 10, appreciated_pct: 50, checks: 6, call_backs: null });
	});

	it('never lets the total minus the areas shown give back one hidden count', async () => {
		const monitor = await readCarerMonitor(await asUser(here.officer), here.municipality, year, year);
		const [truth] = await sql<{ small: number }>(`select count(*)::int as small from profiles where area_id = $1`, [here.small]);
		expect(truth.small).toBe(3); // what must stay hidden
		for (const column of ['applications', 'confirmed', 'approved', 'paid_or_redeemed', 'checks', 'heavy', 'call_backs'] as const) {
			const total = monitor.total?.[column];
			if (total == null) continue;
			const shown = monitor.areas.map((a) => a[column]).filter((n): n is number => n != null);
			const hidden = monitor.areas.length - shown.length;
			const rest = total - shown.reduce((sum, n) => sum + n, 0);
			// either every area is shown, or what is left over belongs to two or more hidden areas,
			// or it is 0 (nobody)
			expect(hidden === 0 || hidden >= 2 || rest === 0, `${column}: ${rest} left over for one hidden area`).toBe(true);
		}
		expect(monitor.years).toContain(year);
	});

	it('writes the same cells to the CSV, a hidden one empty', async () => {
		const monitor = await readCarerMonitor(await asUser(here.officer), here.municipality, year, year);
		const csv = carerMonitorCsv([...monitor.areas, monitor.total!], (key) => key.split('.').pop()!);
		const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('area;applications;confirmed;approved;paid_or_redeemed;appreciated_pct;checks;heavy;call_backs');
		expect(lines).toContain('Kleine kern;;;;;;;;');
		expect(lines).toContain('Grote wijk;;;;;;6;6;');
	});

	it('shows an officer of another municipality, a resident and anon nothing', async () => {
		const theirs = await (await asUser(there.officer)).rpc('carer_monitor', { p_municipality: here.municipality, p_year: year });
		expect(theirs.error).toBeNull();
		expect(theirs.data).toEqual([]);
		const resident = await (await asUser(people.truus)).rpc('carer_monitor', { p_municipality: here.municipality, p_year: year });
		expect(resident.data).toEqual([]);
		const anon = await (await asAnon()).rpc('carer_monitor', { p_municipality: here.municipality, p_year: year });
		expect(anon.data ?? []).toEqual([]);
	});
});

describe('the counts kept by triggers', () => {
	/** The same sums counted from the rows themselves, by the carer's area of today. */
	const recount = () =>
		sql<Record<string, number | string | null>>(
			`with apps as (
			   select p.area_id, count(*)::int as applications,
			          count(*) filter (where c.confirmed_at is not null)::int as confirmed,
			          count(*) filter (where a.status = 'approved')::int as approved,
			          count(*) filter (where a.paid_at is not null or v.redeemed_at is not null)::int as paid_or_redeemed,
			          count(f.application_id)::int as answered, count(*) filter (where f.feeling = 'yes')::int as appreciated
			   from carer_applications a join profiles p on p.id = a.carer_id
			   left join carer_confirmations c on c.application_id = a.id
			   left join carer_vouchers v on v.application_id = a.id
			   left join carer_appreciation_answers f on f.application_id = a.id
			   where a.municipality_id = $1 and a.year = $2 group by p.area_id
			 ), chk as (
			   select p.area_id, count(*)::int as checks,
			          count(*) filter (where ch.heavy)::int as heavy
			   from carer_checks ch join profiles p on p.id = ch.carer_id join areas ar on ar.id = p.area_id
			   where ar.municipality_id = $1 group by p.area_id
			 ), cb as (
			   select p.area_id, count(*)::int as call_backs from carer_call_backs b join profiles p on p.id = b.carer_id
			   where b.municipality_id = $1 group by p.area_id
			 )
			 select coalesce(apps.area_id, chk.area_id, cb.area_id)::text as area_id, coalesce(apps.applications, 0) as applications,
			        coalesce(apps.confirmed, 0) as confirmed, coalesce(apps.approved, 0) as approved, coalesce(apps.paid_or_redeemed, 0) as paid_or_redeemed,
			        coalesce(apps.answered, 0) as answered, coalesce(apps.appreciated, 0) as appreciated, coalesce(chk.checks, 0) as checks,
			        coalesce(chk.heavy, 0) as heavy, coalesce(cb.call_backs, 0) as call_backs
			 from apps full join chk on chk.area_id = apps.area_id full join cb on cb.area_id = coalesce(apps.area_id, chk.area_id)
			 order by 1`,
			[here.municipality, year]
		);
	const kept = () =>
		sql<Record<string, number | string | null>>(
			`select area_id::text, applications, confirmed, approved, paid_or_redeemed, answered, appreciated, checks, heavy, call_backs
			 from carer_monitor_counts where municipality_id = $1 and year = $2 and (applications > 0 or checks > 0 or call_backs > 0) order by 1`,
			[here.municipality, year]
		);

	it('stay equal to a count from the rows after confirmations, answers, removals and call-backs change', async () => {
		expect(await kept()).toEqual(await recount());
		const apps = await sql<{ id: string; carer_id: string }>(
			`select a.id, a.carer_id from carer_applications a join profiles p on p.id = a.carer_id where a.municipality_id = $1 and p.area_id = $2 order by a.id`,
			[here.municipality, here.big]
		);
		await sql(`update carer_confirmations set confirmed_at = null, confirmed_how = null where application_id = $1`, [apps[0].id]);
		await sql(`update carer_appreciation_answers set feeling = 'no' where application_id = $1`, [apps[1].id]);
		await sql(`update carer_applications set paid_at = null where id = $1`, [apps[2].id]);
		await sql(`delete from carer_applications where id = $1`, [apps[3].id]);
		const [check] = await sql<{ id: string }>(`select id from carer_checks where carer_id = $1 limit 1`, [apps[4].carer_id]);
		if (check) await sql(`delete from carer_checks where id = $1`, [check.id]);
		const [newCheck] = await sql<{ id: string }>(`insert into carer_checks (carer_id, answers) values ($1, '{1,2,1,2,1}') returning id`, [apps[5].carer_id]);
		await sql(`insert into carer_call_backs (check_id, carer_id, municipality_id) values ($1, $2, $3)`, [newCheck.id, apps[5].carer_id, here.municipality]);
		expect(await kept()).toEqual(await recount());
	});

	it('keep a carer in the area where they applied when they move later', async () => {
		const before = await kept();
		const [carer] = await sql<{ carer_id: string }>(
			`select a.carer_id from carer_applications a join profiles p on p.id = a.carer_id where a.municipality_id = $1 and p.area_id = $2 limit 1`,
			[here.municipality, here.big]
		);
		await sql(`update profiles set area_id = $2 where id = $1`, [carer.carer_id, here.small]);
		expect(await kept()).toEqual(before);
		// what they do after the move counts in the new area
		await sql(`insert into carer_checks (carer_id, answers) values ($1, '{5,5,5,5,5}')`, [carer.carer_id]);
		const small = (await kept()).find((r) => r.area_id === here.small)!;
		const smallBefore = before.find((r) => r.area_id === here.small)!;
		expect(small.checks).toBe((smallBefore.checks as number) + 1);
		expect(small.heavy).toBe((smallBefore.heavy as number) + 1);
	});
});

describe('carer figures in the coordinators’ monitor', () => {
	const coordination = { organisation: randomUUID(), coordinator: randomUUID() };

	beforeAll(async () => {
		// A welfare organisation that works in the big area only, with one coordinator.
		await sql(`insert into organisations (id, municipality_id, name, kind) values ($1, $2, 'Welzijn Groot', 'welfare')`, [coordination.organisation, here.municipality]);
		await sql(`insert into organisation_areas (organisation_id, area_id) values ($1, $2)`, [coordination.organisation, here.big]);
		await sql(`insert into profiles (id, display_name, email, onboarded_at) values ($1, 'Coördinator Groot', $2, now())`, [coordination.coordinator, `coord.${coordination.coordinator.slice(0, 8)}@voorbeeld.nl`]);
		await sql(`insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'coordinator')`, [coordination.organisation, coordination.coordinator]);
	});

	it('shows a coordinator the areas of their organisation only, and the municipality’s officers every area hidden alike', async () => {
		const coordinator = await readCarerFiguresForMyAreas(await asUser(coordination.coordinator), year, null);
		expect(coordinator.areas.map((a) => a.areaName)).toEqual(['Grote wijk']);
		// One area: its applications (7 at first; the tests above remove some) name no small group,
		// so they show; the total is the same area.
		const [truth] = await sql<{ applications: number; call_backs: number }>(
			`select sum(applications)::int as applications, sum(call_backs)::int as call_backs from carer_monitor_counts where area_id = $1 and year = $2`,
			[here.big, year]
		);
		expect(truth.applications).toBeGreaterThanOrEqual(5);
		expect(truth.call_backs).toBeLessThan(5);
		expect(coordinator.areas[0]).toMatchObject({ applications: truth.applications, call_backs: null });
		expect(coordinator.total).toMatchObject({ applications: truth.applications });

		// The officer sees what the carers monitor shows, cell for cell.
		const officer = await asUser(here.officer);
		const figures = await readCarerFiguresForMyAreas(officer, year, null);
		const monitor = await readCarerMonitor(officer, here.municipality, year, year);
		expect(figures.areas).toEqual(monitor.areas);
		expect(figures.total).toEqual(monitor.total);
	});

	it('with one area chosen, hides that area as in the view of all areas (no subtraction from the total)', async () => {
		const officer = await asUser(here.officer);
		const one = await readCarerFiguresForMyAreas(officer, year, here.big);
		expect(one.total).toBeNull();
		expect(one.areas).toHaveLength(1);
		expect(one.areas[0]).toMatchObject({ areaName: 'Grote wijk', applications: null }); // 10 − 7 would give the small area's 3
	});

	it('shows an officer of another municipality, a resident and anon nothing', async () => {
		for (const db of [await asUser(there.officer), await asUser(people.truus)]) {
			const answer = await db.rpc('carer_monitor_for_my_areas', { p_year: year });
			expect(answer.error).toBeNull();
			expect((answer.data ?? []).filter((r) => r.area_name === 'Grote wijk' || r.area_name === 'Kleine kern')).toEqual([]);
		}
		expect(((await (await asAnon()).rpc('carer_monitor_for_my_areas', { p_year: year })).data ?? [])).toEqual([]);
		expect((await (await asUser(here.officer)).rpc('carer_monitor_suppressed' as never, { p_municipality: here.municipality, p_areas: null, p_year: year } as never)).error?.code).toBe('42501');
	});
});
