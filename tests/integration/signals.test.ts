// Worry signals through the API as each role: only the sender and the area's contact persons
// see a signal; the sender learns it was picked up, never what was done.
import { describe, expect, it } from 'vitest';
import { asAnon, asUser, people, areas, sql } from './helpers';

describe('worry signals', async () => {
	const { sendSignal, listMySignals, listSignalsForContactPerson, acknowledgeSignal } = await import('../../src/lib/server/signals');
	const body = `Ik maak me zorgen om de buurman op nummer 12: de gordijnen blijven dicht (${Date.now()}).`;
	let id = '';

	it('a resident sends a signal without naming anyone; empty text is refused', async () => {
		const truus = await asUser(people.truus);
		const sent = await sendSignal(truus, { area_id: areas.noord, body });
		expect(sent.ok).toBe(true);
		id = sent.ok ? sent.id : '';
		expect(await sendSignal(truus, { area_id: areas.noord, body: '   ' })).toEqual({ ok: false, status: 400 });
		const { error } = await (await asAnon()).from('worry_signals').insert({ area_id: areas.noord, body });
		expect(error?.code).toBe('42501');
	});

	it('only the sender and the contact persons of the area see it', async () => {
		expect((await listMySignals(await asUser(people.truus), people.truus)).find((s) => s.id === id)).toMatchObject({ body, picked_up: false });
		expect((await listSignalsForContactPerson(await asUser(people.sanne), people.sanne)).map((s) => s.id)).toContain(id);
		for (const other of [people.jan, people.fatima, people.kees, people.ahmed]) {
			const { data } = await (await asUser(other)).from('worry_signals').select('id').eq('id', id);
			expect(data, other).toEqual([]);
		}
		expect((await (await asAnon()).from('worry_signals').select('id')).data ?? []).toEqual([]);
	});

	it('a contact person of another area cannot pick it up; the area\'s contact person can', async () => {
		expect(await acknowledgeSignal(await asUser(people.kees), id, 'Ik ben langs geweest.')).toEqual({ ok: false, status: 403 });
		expect(await acknowledgeSignal(await asUser(people.truus), id, 'Ik ben langs geweest.')).toEqual({ ok: false, status: 403 });
		expect(await acknowledgeSignal(await asUser(people.sanne), id, 'Ik ben langs geweest. Hij heeft nu een maatje.')).toEqual({ ok: true });
		const [row] = await sql<{ acknowledged_by: string }>('select acknowledged_by from worry_signals where id = $1', [id]);
		expect(row.acknowledged_by).toBe(people.sanne);
	});

	it('the sender sees "picked up", never what was done', async () => {
		const truus = await asUser(people.truus);
		expect((await listMySignals(truus, people.truus)).find((s) => s.id === id)?.picked_up).toBe(true);
		expect((await truus.from('worry_signal_notes').select('note').eq('signal_id', id)).data).toEqual([]);
		const { error } = await truus.from('worry_signals').update({ body: 'Anders.' }).eq('id', id);
		expect(error?.code).toBe('42501');
		const mine = (await listSignalsForContactPerson(await asUser(people.sanne), people.sanne)).find((s) => s.id === id);
		expect(mine?.worry_signal_notes.map((n) => n.note)).toEqual(['Ik ben langs geweest. Hij heeft nu een maatje.']);
	});

	it('is due three working days after it came in', async () => {
		const [friday] = await sql<{ due: string }>(`select to_char(worry_signal_due('2026-11-20 10:00+01') at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as due`);
		expect(friday.due).toBe('2026-11-25'); // Friday → Wednesday
		const [monday] = await sql<{ due: string }>(`select to_char(worry_signal_due('2026-11-23 10:00+01') at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as due`);
		expect(monday.due).toBe('2026-11-26'); // Monday → Thursday
	});
});
