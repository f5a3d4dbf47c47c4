// The front door reads what each role needs, through RLS as the person; these check the parts
// RLS alone would get wrong or that the e2e test cannot arrange.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asAnon, asUser, people, areas, sql } from './helpers';
import type { SessionUser } from '../../src/lib/server/auth/session';

const WELFARE = '00000000-0000-4000-8000-000000000202';
const CENTRE = '00000000-0000-4000-8000-000000000201';

function user(id: string, roles: SessionUser['roles']): SessionUser {
	return { id, displayName: 'Test', areaId: null, language: 'nl', email: null, onboarded: true, roles };
}

async function stuckRequestIn(area: string): Promise<string> {
	const [row] = await sql<{ id: string }>(
		`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, opened_at, created_at)
		 values ($1, $2, $2, 'odd_jobs', 'Het hek is kapot.', $3, 'asap', now() - interval '5 days', now() - interval '5 days') returning id`,
		[randomUUID(), people.truus, area]
	);
	return row.id;
}

describe('readFrontDoor', async () => {
	const { readFrontDoor } = await import('../../src/lib/server/home');

	it('shows anonymous visitors the help lines of the volunteer centre and welfare, not the municipal team', async () => {
		const door = await readFrontDoor(await asAnon(), null);
		expect(door.resident).toBeNull();
		expect(door.phoneLines).toHaveLength(1);
		const lines = door.phoneLines![0].lines;
		expect(lines.map((l) => l.phone)).toEqual(['043 123 40 00', '043 765 00 11']);
		expect(lines[0].hours).toEqual([
			{ opens: '09:00', closes: '12:00', days: [[1, 5]] },
			{ opens: '13:30', closes: '16:00', days: [[4, 4]] }
		]);
	});

	it('limits stuck requests to the coordinator\'s areas, also when she volunteers and RLS shows her every open request', async () => {
		const id = await stuckRequestIn(areas.centrum);
		await sql(`insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'volunteer')`, [WELFARE, people.kees]);
		try {
			const kees = user(people.kees, [
				{ organisationId: WELFARE, role: 'coordinator' },
				{ organisationId: WELFARE, role: 'volunteer' }
			]);
			const keesDb = await asUser(people.kees);
			// RLS lets a volunteer read the request ...
			expect((await keesDb.from('help_requests').select('id').eq('id', id)).data).toHaveLength(1);
			// ... but it is not stuck in his areas.
			const door = await readFrontDoor(keesDb, kees);
			expect(door.coordinator!.stuck.newest.map((r) => r.id)).not.toContain(id);
			expect(door.volunteer).not.toBeNull();

			const sanne = await readFrontDoor(await asUser(people.sanne), user(people.sanne, [{ organisationId: CENTRE, role: 'coordinator' }]));
			expect(sanne.coordinator!.stuck.newest.map((r) => r.id)).toContain(id);
			expect(sanne.coordinator!.registered.newest.map((p) => p.display_name)).toContain('Mevrouw Willems');
		} finally {
			await sql(`delete from memberships where organisation_id = $1 and profile_id = $2 and role = 'volunteer'`, [WELFARE, people.kees]);
			await sql('delete from help_requests where id = $1', [id]);
		}
	});

	it('gives a resident only the resident part', async () => {
		// Her newest request: earlier test files ask for help as Truus many times, and the front
		// door lists only the newest ten.
		const [own] = await sql<{ id: string }>(
			`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind)
			 values ($1, $2, $2, 'odd_jobs', 'De kraan lekt.', $3, 'asap') returning id`,
			[randomUUID(), people.truus, areas.noord]
		);
		const door = await readFrontDoor(await asUser(people.truus), user(people.truus, []));
		await sql('delete from help_requests where id = $1', [own.id]);
		expect(door.resident!.requests.map((r) => r.id)).toContain(own.id);
		expect(door.volunteer).toBeNull();
		expect(door.coordinator).toBeNull();
		expect(door.officer).toBe(false);
		expect(door.phoneLines).toBeNull();
	});
});
