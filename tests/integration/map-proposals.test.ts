// Change proposals on the sociale kaart through the API as each role: only the provider's people
// propose, only the entry's editors see and decide, and an approved change is logged with its
// old and new value.
import { describe, expect, it } from 'vitest';
import { asAnon, asUser, people, sql } from './helpers';

const LOKET = '00000000-0000-4000-8000-000000000958'; // provider: Gemeente Heuvelrijk (Ahmed's organisation)
const FOOD_BANK = '00000000-0000-4000-8000-000000000951';

describe('change proposals', async () => {
	const { canPropose, proposeChange, listOpenProposals, decideProposal, readForProposal } = await import('../../src/lib/server/social-map/proposals');
	const [{ editor }] = await sql<{ editor: string }>('select editor_organisation_id as editor from map_services where id = $1', [LOKET]);
	const editorPerson = editor === '00000000-0000-4000-8000-000000000201' ? people.sanne : people.kees;
	const otherEditor = editorPerson === people.sanne ? people.kees : people.sanne;

	it('the provider\'s people may propose; others may not', async () => {
		const ahmed = await asUser(people.ahmed);
		expect(await canPropose(ahmed, LOKET)).toBe(true);
		expect(await canPropose(ahmed, FOOD_BANK)).toBe(false);
		expect(await canPropose(await asUser(people.truus), LOKET)).toBe(false);
		const now = (await readForProposal(ahmed, LOKET))!;
		const input = { name: now.name, summary: now.summary, description: now.description, phone: '043 999 88 77', email: now.email ?? '', url: now.url ?? '', note: 'Nieuw nummer.' };
		expect(await proposeChange(ahmed, LOKET, { ...input, phone: now.phone ?? '' })).toMatchObject({ status: 400, message: 'socialMap.propose.nothing' });
		expect(await proposeChange(ahmed, LOKET, input)).toBeNull();
		expect(await proposeChange(await asUser(people.truus), LOKET, input)).toMatchObject({ status: 403 });
		expect((await (await asAnon()).from('map_change_proposals').insert({ service_id: LOKET, changes: { phone: '1' } })).error?.code).toBe('42501');
		const { error } = await ahmed.from('map_change_proposals').insert({ service_id: LOKET, changes: { editor_organisation_id: 'x' } });
		expect(error?.code).toBe('23514');
	});

	it('only the entry\'s editors see it and decide; the change is logged with old and new value', async () => {
		expect(await listOpenProposals(await asUser(otherEditor))).toEqual([]);
		expect(await listOpenProposals(await asUser(people.truus))).toEqual([]);
		const [open] = (await listOpenProposals(await asUser(editorPerson))).filter((p) => p.service_id === LOKET);
		expect(open.fields).toEqual([{ field: 'phone', old_value: expect.any(String), new_value: '043 999 88 77' }]);
		expect(await decideProposal(await asUser(otherEditor), open.id, true)).toMatchObject({ status: 403 });
		expect(await decideProposal(await asUser(people.ahmed), open.id, true)).toMatchObject({ status: 403 });
		expect(await decideProposal(await asUser(editorPerson), open.id, true)).toBeNull();
		const [row] = await sql<{ phone: string }>('select phone from map_services where id = $1', [LOKET]);
		expect(row.phone).toBe('043 999 88 77');
		const log = await sql<{ field: string; old_value: string; new_value: string; changed_by: string }>(
			`select field, old_value, new_value, changed_by from map_changes where service_id = $1 and field = 'phone' order by id desc limit 1`, [LOKET]
		);
		expect(log[0]).toMatchObject({ new_value: '043 999 88 77', changed_by: editorPerson });
		expect(log[0].old_value).toBe(open.fields[0].old_value);
		expect(await decideProposal(await asUser(editorPerson), open.id, false)).toMatchObject({ status: 409 });
	});
});
