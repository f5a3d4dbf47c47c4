import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asAnon, asUser, people, areas, sql } from './helpers';

const seeded = { truusGroceries: '00000000-0000-4000-8000-000000000401', willemsLamp: '00000000-0000-4000-8000-000000000402' };

async function ask(userId: string, overrides: Record<string, unknown> = {}) {
	const db = await asUser(userId);
	const { data, error } = await db.rpc('create_help_request', {
		p_submission: randomUUID(),
		p_requester: userId,
		p_category: 'groceries',
		p_description: 'Wie doet boodschappen voor mij?',
		p_area: areas.noord,
		p_when: 'asap',
		p_address: 'Kerkstraat 1',
		...overrides
	});
	if (error) throw new Error(error.message);
	return data as string;
}

describe('asking for help', () => {
	it('a resident asks; the address is stored apart and only they see it', async () => {
		const id = await ask(people.truus);
		const truus = await asUser(people.truus);
		expect((await truus.from('help_request_private').select('address').eq('request_id', id)).data).toEqual([{ address: 'Kerkstraat 1' }]);
		const fatima = await asUser(people.fatima); // a volunteer
		expect((await fatima.from('help_requests').select('id').eq('id', id)).data).toEqual([{ id }]);
		expect((await fatima.from('help_request_private').select('address').eq('request_id', id)).data).toEqual([]);
		const jan = await asUser(people.jan); // another resident
		expect((await jan.from('help_requests').select('id').eq('id', id)).data).toEqual([]);
		// anon holds no privilege on the table at all (see anon-key.test.ts): refused, no rows.
		const anon = await (await asAnon()).from('help_requests').select('id');
		expect(anon.data ?? []).toEqual([]);
		expect(anon.error?.code).toBe('42501');
	});

	it('a double submit makes one request', async () => {
		const submission = randomUUID();
		const a = await ask(people.truus, { p_submission: submission });
		const b = await ask(people.truus, { p_submission: submission });
		expect(b).toBe(a);
		expect(await sql('select id from help_requests where submission_id = $1', [submission])).toHaveLength(1);
	});

	it('a date in the past is refused and nothing is saved', async () => {
		const submission = randomUUID();
		await expect(ask(people.truus, { p_submission: submission, p_when: 'on_date', p_when_date: '2020-01-01' })).rejects.toThrow(
			'The date must be today or later.'
		);
		expect(await sql('select id from help_requests where submission_id = $1', [submission])).toEqual([]);
	});

	it('a text over 1000 characters is refused', async () => {
		await expect(ask(people.truus, { p_description: 'x'.repeat(1001) })).rejects.toThrow(/check constraint/);
	});

	it('nobody can ask in someone else’s name, except a coordinator for a resident in their area', async () => {
		await expect(ask(people.jan, { p_requester: people.truus })).rejects.toThrow(/row-level security/);
		const db = await asUser(people.sanne);
		const { data: id, error } = await db.rpc('create_help_request', {
			p_submission: randomUUID(),
			p_requester: people.willems,
			p_category: 'odd_jobs',
			p_description: 'Het kraantje lekt.',
			p_area: areas.centrum,
			p_when: 'asap'
		});
		expect(error).toBeNull();
		const log = await sql<{ actor_id: string }>("select actor_id from audit_log where on_behalf_of = $1 and action = 'help.asked_on_behalf'", [people.willems]);
		expect(log.map((l) => l.actor_id)).toContain(people.sanne);
		expect(id).toBeTruthy();
		const kees = await asUser(people.kees);
		const other = await kees.rpc('create_help_request', {
			p_submission: randomUUID(), p_requester: people.willems, p_category: 'odd_jobs', p_description: 'x', p_area: areas.centrum, p_when: 'asap'
		});
		expect(other.error?.code).toBe('42501');
	});

	it('a blocked person cannot post', async () => {
		await sql('update profiles set blocked_at = now() where id = $1', [people.jan]);
		try {
			await expect(ask(people.jan, { p_area: areas.heide })).rejects.toThrow(/row-level security/);
		} finally {
			await sql('update profiles set blocked_at = null where id = $1', [people.jan]);
		}
	});
});

describe('the lifecycle, through the real API', () => {
	it('open → offered → matched → done_pending → done, and contact details only after the match', async () => {
		const id = await ask(people.truus);
		const truus = await asUser(people.truus);
		const fatima = await asUser(people.fatima);

		expect((await fatima.rpc('contact_details', { p_request: id })).data).toEqual([]);
		expect((await fatima.rpc('help_act', { p_request: id, p_action: 'offer' })).data).toBe('offered');
		expect((await fatima.rpc('contact_details', { p_request: id })).data).toEqual([]);
		expect((await truus.rpc('contact_details', { p_request: id })).data).toEqual([]);

		expect((await truus.rpc('help_act', { p_request: id, p_action: 'accept' })).data).toBe('matched');
		expect((await truus.rpc('contact_details', { p_request: id })).data).toEqual([
			{ display_name: 'Fatima Bakker', phone: '06 98 76 54 32', email: 'fatima@voorbeeld.nl', address: null }
		]);
		expect((await fatima.rpc('contact_details', { p_request: id })).data).toEqual([
			{ display_name: 'Truus Peters', phone: '06 12 34 56 78', email: 'truus@voorbeeld.nl', address: 'Kerkstraat 1' }
		]);
		expect((await fatima.from('help_request_private').select('address').eq('request_id', id)).data).toEqual([{ address: 'Kerkstraat 1' }]);

		expect((await fatima.rpc('help_act', { p_request: id, p_action: 'mark_done' })).data).toBe('done_pending');
		const self = await fatima.rpc('help_act', { p_request: id, p_action: 'confirm_done' });
		expect(self.error?.message).toBe('The other side confirms that it is done.');
		expect((await truus.rpc('help_act', { p_request: id, p_action: 'confirm_done' })).data).toBe('done');

		const thanks = await truus.from('thanks').insert({ request_id: id, from_id: people.truus, to_id: people.fatima, body: 'Dank je wel!' });
		expect(thanks.error).toBeNull();
		expect((await fatima.from('thanks').select('body').eq('request_id', id)).data).toEqual([{ body: 'Dank je wel!' }]);
		const events = await sql<{ action: string }>('select action from help_events where request_id = $1 order by id', [id]);
		expect(events.map((e) => e.action)).toEqual(['offer', 'accept', 'mark_done', 'confirm_done']);
	});

	it('decline puts the request back and the volunteer is not suggested again; cancel and reopen', async () => {
		const id = await ask(people.truus);
		const truus = await asUser(people.truus);
		const fatima = await asUser(people.fatima);
		await fatima.rpc('help_act', { p_request: id, p_action: 'offer' });
		expect((await truus.rpc('help_act', { p_request: id, p_action: 'decline' })).data).toBe('open');
		const suggestions = (await truus.rpc('suggest_helpers', { p_request: id })).data ?? [];
		expect(suggestions.map((s) => s.helper_id)).not.toContain(people.fatima);
		expect((await truus.rpc('help_act', { p_request: id, p_action: 'cancel' })).data).toBe('cancelled');
		expect((await truus.rpc('help_act', { p_request: id, p_action: 'reopen' })).data).toBe('open');
	});

	it('a "done" that is not confirmed counts as done after 7 days; an unmatched request expires after 30', async () => {
		const id = await ask(people.truus);
		await (await asUser(people.fatima)).rpc('help_act', { p_request: id, p_action: 'offer' });
		await (await asUser(people.truus)).rpc('help_act', { p_request: id, p_action: 'accept' });
		await (await asUser(people.truus)).rpc('help_act', { p_request: id, p_action: 'mark_done' });
		await sql("update help_requests set done_marked_at = now() - interval '8 days' where id = $1", [id]);
		const { data } = await (await asUser(people.truus)).from('help_requests').select('status, effective_status').eq('id', id).single();
		expect(data).toEqual({ status: 'done_pending', effective_status: 'done' });

		const old = await ask(people.truus);
		await sql("update help_requests set opened_at = now() - interval '31 days' where id = $1", [old]);
		const offer = await (await asUser(people.fatima)).rpc('help_act', { p_request: old, p_action: 'offer' });
		expect(offer.error?.message).toBe('This request is not open.');
		const truus = await asUser(people.truus);
		expect((await truus.from('help_requests').select('effective_status').eq('id', old).single()).data).toEqual({ effective_status: 'expired' });
		expect((await truus.rpc('help_act', { p_request: old, p_action: 'reopen' })).data).toBe('open');
		const events = await sql<{ action: string; to_status: string }>('select action, to_status from help_events where request_id = $1 order by id', [old]);
		expect(events).toEqual([{ action: 'time', to_status: 'expired' }, { action: 'reopen', to_status: 'open' }]);
	});

	const refused: [string, string, string][] = [
		// [who, action, from status] that must be refused
		['truus', 'offer', 'open'], // the requester cannot offer to herself
		['jan', 'offer', 'open'], // not a volunteer
		['fatima', 'accept', 'offered'], // the helper cannot accept her own offer
		['jan', 'accept', 'offered'],
		['truus', 'accept', 'open'], // nothing to accept
		['truus', 'mark_done', 'offered'],
		['jan', 'cancel', 'open'],
		['truus', 'reopen', 'open'],
		['truus', 'confirm_done', 'matched'],
		['fatima', 'cancel', 'matched'],
		['truus', 'fly', 'open']
	];
	for (const [who, action, from] of refused) {
		it(`refuses ${action} by ${who} when ${from}`, async () => {
			const id = await ask(people.truus);
			if (from !== 'open') await (await asUser(people.fatima)).rpc('help_act', { p_request: id, p_action: 'offer' });
			if (from === 'matched') await (await asUser(people.truus)).rpc('help_act', { p_request: id, p_action: 'accept' });
			const { data, error } = await (await asUser(people[who as keyof typeof people])).rpc('help_act', { p_request: id, p_action: action });
			expect(data).toBeNull();
			expect(error).not.toBeNull();
			const [row] = await sql<{ status: string }>('select status from help_requests where id = $1', [id]);
			expect(row.status).toBe(from);
		});
	}

	it('nobody changes a status directly, and the database refuses a jump even for its owner', async () => {
		const id = await ask(people.truus);
		const direct = await (await asUser(people.truus)).from('help_requests').update({ status: 'done' }).eq('id', id).select('id');
		expect(direct.error?.code).toBe('42501');
		await expect(sql("update help_requests set status = 'done' where id = $1", [id])).rejects.toThrow('A request cannot go from open to done.');
	});
});

describe('a coordinator on the phone', () => {
	it('introduces a volunteer for a resident without e-mail and accepts for her; logged', async () => {
		const sanne = await asUser(people.sanne);
		const id = seeded.willemsLamp;
		expect((await sanne.rpc('help_act', { p_request: id, p_action: 'introduce', p_helper: people.fatima })).data).toBe('offered');
		expect((await sanne.rpc('help_act', { p_request: id, p_action: 'accept' })).data).toBe('matched');
		const log = await sql<{ action: string }>('select action from audit_log where on_behalf_of = $1 order by id', [people.willems]);
		expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(['help.introduce', 'help.accept']));
		const kees = await asUser(people.kees);
		expect((await kees.from('help_requests').select('id').eq('id', id)).data).toEqual([]);
	});
});

describe('reports, hiding and blocking', () => {
	it('a report reaches the coordinators of the area only; hiding takes a request out of browsing', async () => {
		const id = await ask(people.truus);
		const jan = await asUser(people.jan);
		expect((await jan.from('reports').insert({ reporter_id: people.jan, subject_type: 'help_request', subject_id: id, area_id: areas.noord, reason: 'Dit klopt niet.' })).error).toBeNull();
		const sanneReports = (await (await asUser(people.sanne)).from('reports').select('subject_id')).data ?? [];
		expect(sanneReports.map((r) => r.subject_id)).toContain(id);
		expect((await (await asUser(people.kees)).from('reports').select('id')).data).toEqual([]);

		expect((await (await asUser(people.kees)).rpc('moderate', { p_action: 'hide', p_subject_type: 'help_request', p_subject_id: id })).error?.code).toBe('42501');
		expect((await (await asUser(people.sanne)).rpc('moderate', { p_action: 'hide', p_subject_type: 'help_request', p_subject_id: id })).error).toBeNull();
		const browse = (await (await asUser(people.fatima)).rpc('browse_requests', {})).data ?? [];
		expect(browse.map((b) => b.id)).not.toContain(id);
	});

	it('a coordinator blocks a person in their area, who then cannot post; people cannot unblock themselves', async () => {
		const sanne = await asUser(people.sanne);
		expect((await sanne.rpc('moderate', { p_action: 'block', p_subject_type: 'person', p_subject_id: people.truus })).error).toBeNull();
		await expect(ask(people.truus)).rejects.toThrow(/row-level security/);
		const self = await (await asUser(people.truus)).from('profiles').update({ blocked_at: null }).eq('id', people.truus);
		expect(self.error?.code).toBe('42501');
		expect((await sanne.rpc('moderate', { p_action: 'unblock', p_subject_type: 'person', p_subject_id: people.truus })).error).toBeNull();
		expect(await ask(people.truus)).toBeTruthy();
	});

	it('a report goes to the area of what is reported, whatever area the caller sends', async () => {
		const id = await ask(people.truus); // Noord: Sanne's area
		const jan = await asUser(people.jan);
		const reason = `Verkeerd gebied ${randomUUID()}`;
		expect((await jan.from('reports').insert({ reporter_id: people.jan, subject_type: 'help_request', subject_id: id, area_id: areas.heide, reason })).error).toBeNull();
		expect((await sql<{ area_id: string }>('select area_id from reports where reason = $1', [reason]))[0].area_id).toBe(areas.noord);
		expect(((await (await asUser(people.kees)).from('reports').select('reason')).data ?? []).map((r) => r.reason)).not.toContain(reason);
	});
});

describe('browsing as a volunteer', () => {
	it('shows first name, area and when — never the address or contact details', async () => {
		const { data } = await (await asUser(people.fatima)).rpc('browse_requests', {});
		const row = data?.find((r) => r.id === seeded.truusGroceries);
		expect(row).toMatchObject({ first_name: 'Truus', area_name: 'Noord', category_id: 'groceries', when_kind: 'regularly' });
		expect(Object.keys(row!)).not.toEqual(expect.arrayContaining(['address']));
		expect(JSON.stringify(data)).not.toContain('Lindelaan');
		expect(JSON.stringify(data)).not.toContain('06 12');
	});

	it('shows open requests the volunteer may take, longest waiting first; not expired, declined or other kinds', async () => {
		const fresh = await ask(people.truus);
		const older = await ask(people.truus);
		const expired = await ask(people.truus);
		const pastDate = await ask(people.truus);
		const declined = await ask(people.truus);
		const otherKind = await ask(people.truus, { p_category: 'garden' });
		await sql("update help_requests set opened_at = now() - interval '10 days' where id = $1", [older]);
		await sql("update help_requests set opened_at = now() - interval '31 days' where id = $1", [expired]);
		await sql("update help_requests set when_kind = 'on_date', when_date = current_date - 1 where id = $1", [pastDate]);
		await sql('insert into help_declines (request_id, volunteer_id) values ($1, $2)', [declined, people.fatima]);
		const ids = ((await (await asUser(people.fatima)).rpc('browse_requests', { p_limit: 200 })).data ?? []).map((r) => r.id);
		expect(ids).toContain(fresh);
		expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(fresh));
		for (const id of [expired, pastDate, declined, otherKind]) expect(ids).not.toContain(id);
	});

	it('shows the list a page at a time: each page starts right after the last one, even at the same moment', async () => {
		const fatima = await asUser(people.fatima);
		// Five requests opened at the very same moment: the order between them is by id.
		const same = [];
		for (let i = 0; i < 5; i++) same.push(await ask(people.truus));
		await sql("update help_requests set opened_at = date_trunc('second', now()) - interval '20 days' where id = any($1)", [same]);
		const all = ((await fatima.rpc('browse_requests', { p_limit: 500 })).data ?? []).map((r) => r.id);
		expect(all).toEqual(expect.arrayContaining(same));
		const paged: string[] = [];
		let after: string | undefined;
		for (let page = 0; page < 200; page++) {
			const rows = ((await fatima.rpc('browse_requests', { p_limit: 3, p_after: after })).data ?? []).map((r) => r.id!);
			paged.push(...rows);
			if (rows.length < 3) break;
			after = rows[rows.length - 1];
		}
		expect(paged).toEqual(all);
		await sql('delete from help_requests where id = any($1)', [same]);
	});

	it('a volunteer cannot set their own VOG date; a coordinator of the area can', async () => {
		const fatima = await asUser(people.fatima);
		expect((await fatima.from('volunteer_profiles').update({ vog_date: '2026-01-01' }).eq('profile_id', people.fatima)).error?.code).toBe('42501');
		const sanne = await asUser(people.sanne);
		expect((await sanne.from('volunteer_profiles').update({ vog_date: '2026-01-01' }).eq('profile_id', people.fatima).select('vog_date')).data).toEqual([
			{ vog_date: '2026-01-01' }
		]);
	});
});
