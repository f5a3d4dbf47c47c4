// The coordinator's workspace through the API as each role: only the coordinator's own areas,
// stuck requests oldest first with a suggestion, "Voorstellen" tells both people, and the VOG
// reminder goes out once.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asUser, asAnon, people, areas, sql } from './helpers';
import type { SessionUser } from '../../src/lib/server/auth/session';

const CENTRE = '00000000-0000-4000-8000-000000000201';
const WELFARE = '00000000-0000-4000-8000-000000000202';
const coordinator = (id: string, organisationId: string): SessionUser => ({
	id, displayName: 'Test', areaId: null, language: 'nl', email: null, onboarded: true, roles: [{ organisationId, role: 'coordinator' }]
});

async function requestIn(area: string, category: string, daysOld: number): Promise<string> {
	const [row] = await sql<{ id: string }>(
		`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, opened_at, created_at)
		 values ($1, $2, $2, $3, 'Wie helpt mij met de boodschappen?', $4, 'asap', now() - make_interval(days => $5), now() - make_interval(days => $5)) returning id`,
		[randomUUID(), people.truus, category, area, daysOld]
	);
	return row.id;
}

describe('coordinator workspace', async () => {
	const { readWorkspace, introduce, listVolunteers, sendVogReminders } = await import('../../src/lib/server/coordination/workspace');
	const sanne = coordinator(people.sanne, CENTRE);
	const kees = coordinator(people.kees, WELFARE);
	let older = '';
	let stuck = '';
	let fresh = '';

	it('lists stuck requests of the own areas only, oldest first, each with a suggested volunteer', async () => {
		older = await requestIn(areas.noord, 'groceries', 6);
		stuck = await requestIn(areas.noord, 'groceries', 4);
		fresh = await requestIn(areas.noord, 'groceries', 1);
		const heide = await requestIn(areas.heide, 'groceries', 5);
		const mine = await readWorkspace(await asUser(people.sanne), sanne);
		const ids = mine.stuck.map((r) => r.id);
		expect(ids).toContain(stuck);
		expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(stuck));
		expect(ids).not.toContain(fresh);
		expect(ids).not.toContain(heide);
		expect(mine.fresh.map((r) => r.id)).toContain(fresh);
		expect(mine.stuck.find((r) => r.id === stuck)?.suggestion?.helper_id).toBe(people.fatima);
		const theirs = await readWorkspace(await asUser(people.kees), kees);
		expect(theirs.stuck.map((r) => r.id)).toContain(heide);
		expect([...theirs.stuck, ...theirs.fresh, ...theirs.expiring].map((r) => r.id)).not.toContain(stuck);
	});

	it('a request about to stop is on the list of those that stop soon', async () => {
		const old = await requestIn(areas.noord, 'buddy', 28);
		const mine = await readWorkspace(await asUser(people.sanne), sanne);
		expect(mine.expiring.map((r) => r.id)).toContain(old);
		expect(mine.expiring.find((r) => r.id === old)?.stuck).toBe(true);
	});

	it('residents and volunteers get nothing from the workspace functions', async () => {
		for (const who of [people.truus, people.fatima, people.ahmed]) {
			expect((await (await asUser(who)).rpc('coordinator_open_requests', { p_limit: 100 })).data, who).toEqual([]);
			expect((await (await asUser(who)).rpc('coordinator_volunteers')).data, who).toEqual([]);
		}
		expect((await (await asAnon()).rpc('coordinator_open_requests', { p_limit: 100 })).error?.code).toBe('42501');
	});

	it('"Voorstellen" by a coordinator of another organisation is refused; by the own coordinator both people are told', async () => {
		expect(await introduce(await asUser(people.kees), kees, stuck, people.fatima, 'http://localhost')).toMatchObject({ status: 403 });
		expect(await introduce(await asUser(people.sanne), sanne, stuck, people.fatima, 'http://localhost')).toBeNull();
		const told = await sql<{ profile_id: string; kind: string }>('select profile_id, kind from notifications where subject_id = $1 order by kind', [stuck]);
		expect(told).toEqual([
			{ profile_id: people.fatima, kind: 'introduced' },
			{ profile_id: people.truus, kind: 'offer_received' }
		]);
		// Again, now that it is no longer open: a clear refusal, and nobody is told twice.
		expect(await introduce(await asUser(people.sanne), sanne, stuck, people.fatima, 'http://localhost')).toMatchObject({ status: 409, message: 'coordination.workspace.alreadyMatched' });
		expect(await sql('select 1 from notifications where subject_id = $1', [stuck])).toHaveLength(2);
	});

	it('volunteers of the own areas with last active and VOG; the other organisation\'s are not listed', async () => {
		const mine = await listVolunteers(await asUser(people.sanne));
		const mineIds = mine.map((v) => v.profile_id);
		expect(mineIds).toEqual(expect.arrayContaining([people.fatima, people.pieter]));
		const fatima = mine.find((v) => v.profile_id === people.fatima)!;
		expect(fatima.vog_expires).toBeTruthy();
		expect(fatima.vog_expiring).toBe(false);
		// Kees's organisation has other areas (where other test files make volunteers): none of Sanne's
		const theirs = (await listVolunteers(await asUser(people.kees))).map((v) => v.profile_id);
		expect(theirs.filter((id) => mineIds.includes(id))).toEqual([]);
		expect(theirs).not.toContain(people.fatima);
	});

	it('a month before a VOG runs out the coordinators are told, once', async () => {
		await sql(`update volunteer_profiles set vog_date = current_date - interval '3 years' + interval '20 days' where profile_id = $1`, [people.pieter]);
		const row = (await listVolunteers(await asUser(people.sanne))).find((v) => v.profile_id === people.pieter)!;
		expect(row.vog_expiring).toBe(true);
		expect(await sendVogReminders('http://localhost')).toBeGreaterThanOrEqual(1);
		const told = await sql<{ profile_id: string }>(`select profile_id from notifications where kind = 'vog_expiring' and subject_id = $1`, [people.pieter]);
		expect(told.map((t) => t.profile_id)).toEqual([people.sanne]);
		expect(await sendVogReminders('http://localhost')).toBe(0);
		expect((await (await asUser(people.sanne)).rpc('claim_vog_reminders')).error?.code).toBe('42501');
	});
});
