// Call-back tasks on the workspace, per role, through the app's own domain functions: a carer's
// "Bel mij terug" shows for the coordinators of the carer's area (Sanne for Truus in Noord), never
// for a coordinator of another organisation (Kees), a resident or anon; picking up and marking
// done with a note is kept with who and when; a second pick-up, a done without a note, and either
// by Kees are refused with nothing saved. Done on either side (workspace or carer-support team)
// is done on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAnon, asUser, people, sql } from './helpers';

const { listCallBacks, pickUpCallBack, finishCallBack } = await import('../../src/lib/server/coordination/call-backs');

let truusCallBack = '';
let janCallBack = '';

async function callBackFor(carer: string): Promise<string> {
	const [check] = await sql<{ id: string }>('insert into carer_checks (carer_id, answers) values ($1, $2) returning id', [carer, [4, 4, 3, 5, 4]]);
	const [row] = await sql<{ id: string }>(
		`insert into carer_call_backs (check_id, carer_id, municipality_id)
		 select $1, $2, a.municipality_id from profiles p join areas a on a.id = p.area_id where p.id = $2 returning id`,
		[check.id, carer]
	);
	return row.id;
}

beforeAll(async () => {
	truusCallBack = await callBackFor(people.truus); // Noord: Sanne's organisation
	janCallBack = await callBackFor(people.jan); // Heide: Kees's organisation
});

afterAll(async () => {
	await sql('delete from carer_checks where id in (select check_id from carer_call_backs where id = any ($1::uuid[]))', [[truusCallBack, janCallBack]]);
});

describe('call-back tasks on the workspace', () => {
	it('shows each call-back only to the coordinators of the carer’s area', async () => {
		const sanne = (await listCallBacks(await asUser(people.sanne))).map((c) => c.id);
		const kees = (await listCallBacks(await asUser(people.kees))).map((c) => c.id);
		expect(sanne).toContain(truusCallBack);
		expect(sanne).not.toContain(janCallBack);
		expect(kees).toContain(janCallBack);
		expect(kees).not.toContain(truusCallBack);
		const truus = await (await asUser(people.truus)).rpc('coordinator_call_backs');
		expect(truus.data ?? []).toEqual([]);
		expect((await (await asAnon()).rpc('coordinator_call_backs')).error?.code).toBe('42501');
		// the table itself is closed to everyone but the functions
		expect((await (await asUser(people.sanne)).from('call_back_pickups').select('*')).error?.code).toBe('42501');
	});

	it('keeps who picked it up and when, and who did it with what note; refuses the rest with nothing saved', async () => {
		const sanne = await asUser(people.sanne);
		const kees = await asUser(people.kees);
		expect(await pickUpCallBack(kees, truusCallBack)).toMatchObject({ status: 403, message: 'coordination.callBacks.notYours' });
		expect(await finishCallBack(kees, truusCallBack, 'Gebeld')).toMatchObject({ status: 403 });
		expect(await sql('select * from call_back_pickups where call_back_id = $1', [truusCallBack])).toEqual([]);

		expect(await pickUpCallBack(sanne, truusCallBack)).toBeNull();
		let [row] = (await listCallBacks(sanne)).filter((c) => c.id === truusCallBack);
		expect(row).toMatchObject({ picked_up_by: 'Sanne de Vries', mine: true, done_at: null });
		expect(new Date(row.picked_up_at!).getTime()).toBeGreaterThan(Date.now() - 60_000);
		expect(await pickUpCallBack(sanne, truusCallBack)).toMatchObject({ status: 409, message: 'coordination.callBacks.alreadyPicked' });

		expect(await finishCallBack(sanne, truusCallBack, ' ')).toMatchObject({ status: 400, field: 'note' });
		expect(await finishCallBack(sanne, truusCallBack, 'Gebeld. Ze komt naar het mantelzorgcafé.')).toBeNull();
		[row] = (await listCallBacks(sanne)).filter((c) => c.id === truusCallBack);
		expect(row).toMatchObject({ done_by: 'Sanne de Vries', note: 'Gebeld. Ze komt naar het mantelzorgcafé.' });
		expect(await finishCallBack(sanne, truusCallBack, 'Nog een keer')).toMatchObject({ status: 409, message: 'coordination.callBacks.alreadyDone' });
		// done on the workspace is done for the carer-support team too
		const [source] = await sql<{ done_at: string | null }>('select done_at from carer_call_backs where id = $1', [truusCallBack]);
		expect(source.done_at).not.toBeNull();
	});

	it('shows a call-back the carer-support team did as done, and it cannot be picked up any more', async () => {
		const kees = await asUser(people.kees);
		await sql("update carer_call_backs set done_at = now() where id = $1", [janCallBack]);
		const [row] = (await listCallBacks(kees)).filter((c) => c.id === janCallBack);
		expect(row.done_at).not.toBeNull();
		expect(await pickUpCallBack(kees, janCallBack)).toMatchObject({ status: 409, message: 'coordination.callBacks.alreadyDone' });
		expect(await finishCallBack(kees, janCallBack, 'Gebeld')).toMatchObject({ status: 409, message: 'coordination.callBacks.alreadyDone' });
		expect(await sql('select * from call_back_pickups where call_back_id = $1', [janCallBack])).toEqual([]);
	});
});
