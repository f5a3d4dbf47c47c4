// Worry signals through the API as each role: only the sender and the area's contact persons
// see a signal; the sender learns it was picked up, never what was done.
import { describe, expect, it } from 'vitest';
import { asAnon, asUser, people, areas, sql } from './helpers';
import { makeWav } from '../support/wav';

const wavFile = (seconds: number) => new File([new Uint8Array(makeWav(seconds))], 'zorg.wav', { type: 'audio/wav' });

describe('worry signals', async () => {
	const { sendSignal, listMySignals, listSignalsForContactPerson, acknowledgeSignal, acknowledgeSignalForm, listSignalsToFollowUp, readSignal, isContactPerson } = await import(
		'../../src/lib/server/signals'
	);
	const body = `Ik maak me zorgen om de buurman op nummer 12: de gordijnen blijven dicht (${Date.now()}).`;
	let id = '';

	it('a resident sends a signal without naming anyone; empty text is refused', async () => {
		const truus = await asUser(people.truus);
		const sent = await sendSignal(truus, { area_id: areas.noord, body });
		expect(sent.ok).toBe(true);
		id = sent.ok ? sent.id : '';
		expect(await sendSignal(truus, { area_id: areas.noord, body: '   ' })).toMatchObject({ ok: false, status: 400, field: 'body' });
		expect((await truus.from('worry_signals').insert({ area_id: areas.noord, body: null })).error?.code).toBe('23514');
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

	it('a signal may be spoken; the area\'s contact persons are told, and only they and the sender may hear it', async () => {
		const truus = await asUser(people.truus);
		const sent = await sendSignal(truus, { area_id: areas.noord, body: '', voice: wavFile(2) }, 'http://localhost');
		expect(sent.ok).toBe(true);
		const spoken = sent.ok ? sent.id : '';
		const [row] = await sql<{ voice_id: string; body: string | null }>('select voice_id, body from worry_signals where id = $1', [spoken]);
		expect(row.body).toBeNull();
		const [voice] = await sql<{ subject_type: string; subject_id: string }>('select subject_type, subject_id from voice_messages where id = $1', [row.voice_id]);
		expect(voice).toEqual({ subject_type: 'worry_signal', subject_id: spoken });
		const told = await sql<{ profile_id: string }>(`select profile_id from notifications where kind = 'worry_signal_new' and subject_id = $1`, [spoken]);
		expect(told.map((n) => n.profile_id)).toEqual([people.sanne]);
		for (const who of [people.truus, people.sanne]) {
			expect((await (await asUser(who)).from('voice_messages').select('id').eq('id', row.voice_id)).data, who).toHaveLength(1);
		}
		for (const who of [people.jan, people.fatima, people.kees]) {
			expect((await (await asUser(who)).from('voice_messages').select('id').eq('id', row.voice_id)).data, who).toEqual([]);
		}
		// Neither text nor voice: refused, and nothing saved.
		const before = await sql<{ n: string }>('select count(*) as n from worry_signals');
		expect(await sendSignal(truus, { area_id: areas.noord, body: '' })).toMatchObject({ ok: false, status: 400 });
		expect(await sql<{ n: string }>('select count(*) as n from worry_signals')).toEqual(before);
		// A recording that is no audio is refused next to the voice field, and no signal is left behind.
		expect(await sendSignal(truus, { area_id: areas.noord, body: 'Ik maak me zorgen.', voice: new File(['tekst '.repeat(40)], 'x.mp3') })).toMatchObject({ ok: false, status: 400, field: 'voice' });
		expect(await sql<{ n: string }>('select count(*) as n from worry_signals')).toEqual(before);
	});

	it('only the sender may ask who to tell', async () => {
		const truus = await asUser(people.truus);
		const sent = await sendSignal(truus, { area_id: areas.heide, body: 'Ik maak me zorgen om de vrouw op de hoek.' });
		const signal = sent.ok ? sent.id : '';
		expect((await truus.rpc('worry_signal_recipients', { signal })).data).toEqual([people.kees]);
		expect((await (await asUser(people.jan)).rpc('worry_signal_recipients', { signal })).data).toEqual([]);
		expect((await (await asAnon()).rpc('worry_signal_recipients', { signal })).error?.code).toBe('42501');
	});

	it('the contact person\'s list: own areas only, due date, who picked it up and when', async () => {
		const sanne = await listSignalsToFollowUp(await asUser(people.sanne));
		const picked = sanne.find((s) => s.id === id);
		expect(picked).toMatchObject({ area_name: expect.any(String), picked_up_by: expect.any(String), late: false });
		expect(picked?.acknowledged_at).not.toBeNull();
		expect(sanne.every((s) => [areas.centrum, areas.noord, '00000000-0000-4000-8000-000000000103'].includes(s.area_id))).toBe(true);
		const pickedUp = sanne.map((s) => s.acknowledged_at !== null);
		expect(pickedUp).toEqual([...pickedUp].sort((a, b) => Number(a) - Number(b))); // open ones first
		expect((await listSignalsToFollowUp(await asUser(people.kees))).map((s) => s.id)).not.toContain(id);
		for (const other of [people.truus, people.jan, people.fatima, people.ahmed]) {
			expect(await listSignalsToFollowUp(await asUser(other)), other).toEqual([]);
			expect(await isContactPerson(await asUser(other), other)).toBe(false);
		}
		expect(await isContactPerson(await asUser(people.sanne), people.sanne)).toBe(true);
		expect((await (await asAnon()).rpc('worry_signals_to_follow_up')).error?.code).toBe('42501');
	});

	it('one signal\'s page: the contact person sees the notes, the sender only "picked up", others nothing', async () => {
		const asSender = await readSignal(await asUser(people.truus), people.truus, id);
		expect(asSender).toMatchObject({ role: 'sender', picked_up: true });
		expect(JSON.stringify(asSender)).not.toContain('langs geweest');
		const asContact = await readSignal(await asUser(people.sanne), people.sanne, id);
		expect(asContact?.role === 'contact' && asContact.notes.map((n) => n.note)).toEqual(['Ik ben langs geweest. Hij heeft nu een maatje.']);
		for (const other of [people.jan, people.kees, people.fatima]) expect(await readSignal(await asUser(other), other, id), other).toBeNull();
	});

	it('the sender is told once that it was picked up; a note by someone else is refused next to the field', async () => {
		const truus = await asUser(people.truus);
		const sent = await sendSignal(truus, { area_id: areas.noord, body: 'Ik maak me zorgen om het kind van de buren.' });
		const signal = sent.ok ? sent.id : '';
		expect(await acknowledgeSignalForm(await asUser(people.kees), signal, 'Gebeld.', 'http://localhost')).toEqual({ status: 403, field: 'note', message: 'errors.not_allowed' });
		expect(await acknowledgeSignalForm(await asUser(people.sanne), signal, 'Gebeld met school.', 'http://localhost')).toBeNull();
		expect(await acknowledgeSignalForm(await asUser(people.sanne), signal, 'Nog een keer langs geweest.', 'http://localhost')).toBeNull();
		const told = await sql<{ profile_id: string }>(`select profile_id from notifications where kind = 'worry_signal_picked_up' and subject_id = $1`, [signal]);
		expect(told.map((n) => n.profile_id)).toEqual([people.truus]);
	});

	it('the due date skips Christmas and the weekend', async () => {
		const [row] = await sql<{ due: string }>(`select to_char(worry_signal_due('2026-12-24 10:00+01') at time zone 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI') as due`);
		expect(row.due).toBe('2026-12-30 10:00'); // Thursday; Friday and Saturday are Christmas, then the weekend
	});
});
