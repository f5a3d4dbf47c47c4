// A coordinator's message to volunteers through the API as each role: only the own areas, only
// the volunteers of that area and kind of help are told (by their own choice), and only they and
// the area's coordinators read it.
import { describe, expect, it } from 'vitest';
import { asAnon, asUser, people, areas, sql } from './helpers';

describe('messages to volunteers', async () => {
	const { messageVolunteers, readVolunteerMessage } = await import('../../src/lib/server/coordination/messages');

	it('goes to the volunteers of the area who do that kind of help, each by their own choice', async () => {
		await sql(`insert into notification_preferences (profile_id, kind, frequency) values ($1, 'volunteer_message', 'daily')
		           on conflict (profile_id, kind) do update set frequency = 'daily'`, [people.fatima]);
		const sent = await messageVolunteers(await asUser(people.sanne), { area_id: areas.noord, category_id: 'groceries', body: 'Wie kan zaterdag boodschappen doen?' }, 'http://localhost');
		expect(sent).toEqual({ sent: 1 });
		const [row] = await sql<{ id: string; emailed_at: string | null; profile_id: string }>(
			`select n.subject_id as id, n.emailed_at, n.profile_id from notifications n where n.kind = 'volunteer_message' order by n.created_at desc limit 1`
		);
		expect(row.profile_id).toBe(people.fatima);
		expect(row.emailed_at).toBeNull(); // she chose a daily e-mail: nothing right away
		expect((await readVolunteerMessage(await asUser(people.fatima), row.id))?.body).toBe('Wie kan zaterdag boodschappen doen?');
		for (const other of [people.pieter, people.truus, people.kees]) expect(await readVolunteerMessage(await asUser(other), row.id), other).toBeNull();
		expect(await messageVolunteers(await asUser(people.sanne), { area_id: areas.noord, category_id: 'ride', body: 'Wie kan rijden?' }, 'http://localhost')).toEqual({ sent: 0 });
	});

	it('a coordinator of another organisation, a volunteer or anon cannot write to Noord', async () => {
		const before = await sql('select id from volunteer_messages');
		expect(await messageVolunteers(await asUser(people.kees), { area_id: areas.noord, category_id: '', body: 'Hallo allemaal.' }, 'http://localhost')).toMatchObject({ status: 403 });
		expect(await messageVolunteers(await asUser(people.fatima), { area_id: areas.noord, category_id: '', body: 'Hallo allemaal.' }, 'http://localhost')).toMatchObject({ status: 403 });
		expect((await (await asAnon()).from('volunteer_messages').insert({ area_id: areas.noord, body: 'Hallo allemaal.' })).error?.code).toBe('42501');
		expect(await messageVolunteers(await asUser(people.sanne), { area_id: areas.noord, category_id: '', body: 'Hoi' }, 'http://localhost')).toMatchObject({ status: 400 });
		expect(await sql('select id from volunteer_messages')).toEqual(before);
	});
});
