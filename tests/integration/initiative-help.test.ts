// A help need of an initiative becomes a help request in the marketplace, made by the database
// (initiative_help_request()) so the initiatives domain never imports the help domain. Per role:
// the founder and a co-founder may; another resident, an officer and anon may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { areas, asAnon, asUser, people, sql } from './helpers';
import { askNeighboursForHelp, readHelpNeeds } from '../../src/lib/server/initiatives/help-needs';
import { makeWav } from '../support/wav';

let initiativeId: string;
const made: string[] = [];

beforeAll(async () => {
	const [row] = await sql<{ id: string }>(
		`insert into initiatives (founder_id, municipality_id, area_id, name, description, place, status, sent_at)
		 values ($1, '00000000-0000-4000-8000-000000000001', $2, 'Buurtmoestuin Noord', 'Samen groente kweken.', 'Het veldje aan de Beekstraat', 'sent', now()) returning id`,
		[people.truus, areas.noord]
	);
	initiativeId = row.id;
	await sql(`insert into initiative_cofounders (initiative_id, profile_id) values ($1, $2)`, [initiativeId, people.fatima]);
});

afterAll(async () => {
	if (made.length) await sql(`delete from help_requests where id = any ($1)`, [made]);
});

describe('a help need of an initiative', () => {
	it('becomes an open help request of the founder, in the initiative’s area, that volunteers see', async () => {
		const truus = await asUser(people.truus);
		const result = await askNeighboursForHelp(truus, initiativeId, { submission_id: randomUUID(), category_id: 'odd_jobs', description: 'Wie helpt zaterdag met de bakken?', address: '' }, null);
		expect(result).toHaveProperty('id');
		const id = (result as { id: string }).id;
		made.push(id);
		const [request] = await sql<{ requester_id: string; area_id: string; status: string; when_note: string }>(
			`select requester_id, area_id, status::text, when_note from help_requests where id = $1`,
			[id]
		);
		expect(request).toEqual({ requester_id: people.truus, area_id: areas.noord, status: 'open', when_note: 'Voor het plan: Buurtmoestuin Noord' });
		const pieter = await asUser(people.pieter); // a volunteer
		expect((await pieter.from('help_requests').select('description').eq('id', id)).data).toEqual([{ description: 'Wie helpt zaterdag met de bakken?' }]);
		const page = await readHelpNeeds(truus, initiativeId, people.truus);
		expect(page?.requests.map((r) => r.id)).toEqual([id]);
		const [logged] = await sql<{ n: number }>(`select count(*)::int as n from audit_log where action = 'initiative.help_requested' and details ->> 'request' = $1`, [id]);
		expect(logged.n).toBe(1);
	});

	it('can be for a day; without one it is as soon as possible; a past day is refused next to the field', async () => {
		const truus = await asUser(people.truus);
		const [{ day, past }] = await sql<{ day: string; past: string }>(`select (public.today_nl() + 10)::text as day, (public.today_nl() - 1)::text as past`);
		const result = (await askNeighboursForHelp(truus, initiativeId, { submission_id: randomUUID(), category_id: 'ride', description: 'Wie rijdt de tafels?', when_date: day, address: '' }, null)) as { id: string };
		made.push(result.id);
		const [onDay] = await sql<{ when_kind: string; when_date: string }>(`select when_kind::text, when_date::text from help_requests where id = $1`, [result.id]);
		expect(onDay).toEqual({ when_kind: 'on_date', when_date: day });
		const asap = (await askNeighboursForHelp(truus, initiativeId, { submission_id: randomUUID(), category_id: 'ride', description: 'Wie rijdt de stoelen?', when_date: '', address: '' }, null)) as { id: string };
		made.push(asap.id);
		expect((await sql<{ when_kind: string }>(`select when_kind::text from help_requests where id = $1`, [asap.id]))[0].when_kind).toBe('asap');
		const before = (await sql<{ n: number }>(`select count(*)::int as n from initiative_help_requests where initiative_id = $1`, [initiativeId]))[0].n;
		expect(await askNeighboursForHelp(truus, initiativeId, { submission_id: randomUUID(), category_id: 'ride', description: 'Gisteren?', when_date: past, address: '' }, null)).toEqual({
			status: 400,
			field: 'when_date',
			message: 'initiatives.errors.date_past'
		});
		expect((await sql<{ n: number }>(`select count(*)::int as n from initiative_help_requests where initiative_id = $1`, [initiativeId]))[0].n).toBe(before);
	});

	it('a second submit of the same form makes no second request', async () => {
		const truus = await asUser(people.truus);
		const form = { submission_id: randomUUID(), category_id: 'ride', description: 'Wie rijdt de tafels naar het veld?', address: '' };
		const first = (await askNeighboursForHelp(truus, initiativeId, form, null)) as { id: string };
		made.push(first.id);
		expect(await askNeighboursForHelp(truus, initiativeId, form, null)).toEqual(first);
		const [count] = await sql<{ n: number }>(`select count(*)::int as n from help_requests where submission_id = $1`, [form.submission_id]);
		expect(count.n).toBe(1);
	});

	it('may be spoken instead of typed, and says where: the plan’s place unless the founder writes another, kept private', async () => {
		const truus = await asUser(people.truus);
		const wav = new File([new Uint8Array(makeWav(1))], 'stem.wav', { type: 'audio/wav' });
		const spoken = (await askNeighboursForHelp(truus, initiativeId, { submission_id: randomUUID(), category_id: 'garden', description: '', address: 'Beekstraat 4' }, wav)) as { id: string };
		made.push(spoken.id);
		const [request] = await sql<{ description: string; voice_id: string; subject_id: string }>(
			`select r.description, r.voice_id, v.subject_id from help_requests r join voice_messages v on v.id = r.voice_id where r.id = $1`,
			[spoken.id]
		);
		expect(request).toMatchObject({ description: '', subject_id: spoken.id });
		expect(await sql(`select address from help_request_private where request_id = $1`, [spoken.id])).toEqual([{ address: 'Beekstraat 4' }]);
		expect((await (await asUser(people.pieter)).from('help_request_private').select('address').eq('request_id', spoken.id)).data).toEqual([]); // not matched
		// Without an address of its own, the plan's place.
		const { data: placed } = await truus.rpc('initiative_help_request', { p_initiative: initiativeId, p_submission: randomUUID(), p_category: 'garden', p_description: 'Wie brengt een schep mee?' });
		made.push(placed as string);
		expect(await sql(`select address from help_request_private where request_id = $1`, [placed])).toEqual([{ address: 'Het veldje aan de Beekstraat' }]);
		// Neither text nor recording: refused next to the text, nothing saved.
		const before = (await sql<{ n: number }>(`select count(*)::int as n from initiative_help_requests where initiative_id = $1`, [initiativeId]))[0].n;
		expect(await askNeighboursForHelp(truus, initiativeId, { submission_id: randomUUID(), category_id: 'garden', description: '', address: '' }, null)).toEqual({
			status: 400,
			field: 'description',
			message: 'initiatives.errors.help_missing'
		});
		expect((await sql<{ n: number }>(`select count(*)::int as n from initiative_help_requests where initiative_id = $1`, [initiativeId]))[0].n).toBe(before);
	});

	it('a co-founder may ask too', async () => {
		const fatima = await asUser(people.fatima);
		const result = await askNeighboursForHelp(fatima, initiativeId, { submission_id: randomUUID(), category_id: 'lending', description: 'Wie leent ons een kruiwagen?', address: '' }, null);
		expect(result).toHaveProperty('id');
		made.push((result as { id: string }).id);
	});

	it('another resident, an officer and anon may not; they see no link either', async () => {
		for (const who of [people.jan, people.ahmed]) {
			const db = await asUser(who);
			const refused = await db.rpc('initiative_help_request', { p_initiative: initiativeId, p_submission: randomUUID(), p_category: 'odd_jobs', p_description: 'Ik help.' });
			expect(refused.error?.code).toBe('42501');
			expect((await db.from('initiative_help_requests').select('request_id').eq('initiative_id', initiativeId)).data).toEqual([]);
			expect(await readHelpNeeds(db, initiativeId, who)).toBeNull();
		}
		const anon = await asAnon();
		expect((await anon.rpc('initiative_help_request', { p_initiative: initiativeId, p_submission: randomUUID(), p_category: 'odd_jobs', p_description: 'x' })).error?.code).toBe('42501');
		expect((await anon.from('initiative_help_requests').select('*')).error?.code).toBe('42501');
	});

	it('refuses an unknown kind of help and an empty text next to the field, and saves nothing', async () => {
		const truus = await asUser(people.truus);
		const before = (await sql<{ n: number }>(`select count(*)::int as n from initiative_help_requests where initiative_id = $1`, [initiativeId]))[0].n;
		expect(await askNeighboursForHelp(truus, initiativeId, { submission_id: randomUUID(), category_id: 'flying', description: 'Wie vliegt?', address: '' }, null)).toMatchObject({ field: 'category_id', status: 400 });
		expect(await askNeighboursForHelp(truus, initiativeId, { submission_id: randomUUID(), category_id: 'odd_jobs', description: '   ', address: '' }, null)).toMatchObject({ field: 'description', status: 400 });
		expect((await sql<{ n: number }>(`select count(*)::int as n from initiative_help_requests where initiative_id = $1`, [initiativeId]))[0].n).toBe(before);
	});
});
