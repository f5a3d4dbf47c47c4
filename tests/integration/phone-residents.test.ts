// People registered by phone on the workspace, with what was done on their behalf: only for the
// coordinators of the person's area (Sanne for Willems in Centrum, never Kees of the other
// organisation, nor a resident or anon); a request asked on their behalf shows at the top.
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asAnon, asUser, people, areas, sql } from './helpers';

const { listPhoneResidents } = await import('../../src/lib/server/coordination/workspace');

const made: string[] = [];

afterAll(async () => {
	await sql('delete from help_requests where id = any ($1::uuid[])', [made]);
});

describe('people registered by phone on the workspace', () => {
	it('lists them for the coordinators of their area, with each thing done on their behalf, newest first', async () => {
		const [request] = await sql<{ id: string }>(
			`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind)
			 values ($1, $2, $3, 'groceries', 'Boodschappen voor meneer Willems', $4, 'asap') returning id`,
			[randomUUID(), people.willems, people.sanne, areas.centrum]
		);
		made.push(request.id);
		const sanne = await listPhoneResidents(await asUser(people.sanne));
		const willems = sanne.find((r) => r.id === people.willems);
		expect(willems).toBeDefined();
		expect(willems!.area_name).toBe('Centrum');
		expect(willems!.actions[0]).toMatchObject({ action: 'help.asked_on_behalf', by: 'Sanne de Vries' });
		// newest first, at most five (other test files act on his behalf meanwhile, so which five varies)
		expect(willems!.actions.length).toBeLessThanOrEqual(5);
		const times = willems!.actions.map((a) => a.at);
		expect(times).toEqual([...times].sort().reverse());

		expect((await listPhoneResidents(await asUser(people.kees))).map((r) => r.id)).not.toContain(people.willems);
		expect((await (await asUser(people.truus)).rpc('coordinator_phone_residents')).data ?? []).toEqual([]);
		expect((await (await asAnon()).rpc('coordinator_phone_residents')).error?.code).toBe('42501');
	});
});
