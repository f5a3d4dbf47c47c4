import { describe, expect, it } from 'vitest';
import { asAnon, asUser, people, areas, sql } from './helpers';

describe('profiles', () => {
	it('anon sees no one', async () => {
		// anon holds no privilege on profiles at all (see anon-key.test.ts): refused, no rows.
		const { data, error } = await (await asAnon()).from('profiles').select('id');
		expect(data ?? []).toEqual([]);
		expect(error?.code).toBe('42501');
	});

	it('a resident sees only themself', async () => {
		const { data } = await (await asUser(people.truus)).from('profiles').select('id');
		expect(data?.map((p) => p.id)).toEqual([people.truus]);
	});

	it("another resident cannot read or change Truus's details", async () => {
		const jan = await asUser(people.jan);
		const read = await jan.from('profiles').select('phone').eq('id', people.truus);
		expect(read.data).toEqual([]);
		const write = await jan.from('profiles').update({ display_name: 'Hacked' }).eq('id', people.truus).select('id');
		expect(write.data).toEqual([]);
		const [truus] = await sql<{ display_name: string }>('select display_name from profiles where id = $1', [people.truus]);
		expect(truus.display_name).toBe('Truus Peters');
	});

	it('a coordinator sees the people in their own areas, not in another organisation’s', async () => {
		const { data } = await (await asUser(people.sanne)).from('profiles').select('id');
		const ids = data?.map((p) => p.id) ?? [];
		expect(ids).toContain(people.truus); // Noord: Sanne's
		expect(ids).toContain(people.willems); // Centrum: Sanne's
		expect(ids).not.toContain(people.jan); // Heide: Kees's

		const kees = await (await asUser(people.kees)).from('profiles').select('id').eq('id', people.willems);
		expect(kees.data).toEqual([]);
	});

	it('a person cannot change their own e-mail address (the sign-in identity) through the API', async () => {
		const { error } = await (await asUser(people.truus))
			.from('profiles')
			.update({ email: 'someone-else@voorbeeld.nl' })
			.eq('id', people.truus);
		expect(error?.code).toBe('42501');
		expect(error?.message).toBe('These details cannot be changed here.');
	});
});

describe('registering and acting for a resident who phoned in', () => {
	it('a coordinator registers a resident in their area, and the log says who did it', async () => {
		const sanne = await asUser(people.sanne);
		const { data: id, error } = await sanne.rpc('register_resident', {
			display_name: 'Meneer Bos',
			phone: '043 111 22 33',
			area_id: areas.noord
		});
		expect(error).toBeNull();
		const [row] = await sql<{ created_by: string; email: string | null }>('select created_by, email from profiles where id = $1', [id]);
		expect(row).toEqual({ created_by: people.sanne, email: null });
		const log = await sanne.from('audit_log').select('action, actor_id').eq('on_behalf_of', id!);
		expect(log.data).toEqual([{ action: 'resident.registered_by_phone', actor_id: people.sanne }]);
	});

	it('a coordinator of another organisation cannot register someone in Sanne’s area', async () => {
		const { error } = await (await asUser(people.kees)).rpc('register_resident', {
			display_name: 'Iemand',
			phone: '043 000 00 00',
			area_id: areas.centrum
		});
		expect(error?.code).toBe('42501');
	});

	it('a resident cannot register anyone', async () => {
		const { error } = await (await asUser(people.truus)).rpc('register_resident', {
			display_name: 'Iemand',
			phone: '043 000 00 00',
			area_id: areas.noord
		});
		expect(error?.code).toBe('42501');
	});

	it('a coordinator’s change for a resident is logged; another organisation’s coordinator changes nothing', async () => {
		const sanne = await asUser(people.sanne);
		const updated = await sanne.from('profiles').update({ phone: '043 765 00 00' }).eq('id', people.willems).select('id');
		expect(updated.data).toEqual([{ id: people.willems }]);
		const entries = await sql<{ actor_id: string; action: string }>(
			"select actor_id, action from audit_log where on_behalf_of = $1 and action = 'profile.updated_on_behalf'",
			[people.willems]
		);
		expect(entries).toEqual([{ actor_id: people.sanne, action: 'profile.updated_on_behalf' }]);

		const kees = await (await asUser(people.kees)).from('profiles').update({ phone: '000000' }).eq('id', people.willems).select('id');
		expect(kees.data).toEqual([]);
	});

	it('a coordinator cannot edit a resident who signs in by themself', async () => {
		const { data } = await (await asUser(people.sanne)).from('profiles').update({ display_name: 'X' }).eq('id', people.truus).select('id');
		expect(data).toEqual([]);
	});
});

describe('the audit log is append-only', () => {
	it('nobody can change or delete an entry through the API', async () => {
		const sanne = await asUser(people.sanne);
		const { data: entries } = await sanne.from('audit_log').select('id').limit(1);
		expect(entries?.length).toBe(1);
		const update = await sanne.from('audit_log').update({ action: 'nothing' }).eq('id', entries![0].id).select('id');
		expect(update.data ?? []).toEqual([]);
		const del = await sanne.from('audit_log').delete().eq('id', entries![0].id).select('id');
		expect(del.data ?? []).toEqual([]);
		const insert = await sanne.from('audit_log').insert({ action: 'fake' });
		expect(insert.error?.code).toBe('42501');
	});

	it('not even the database owner can rewrite history', async () => {
		await expect(sql("update audit_log set action = 'x'")).rejects.toThrow('The audit log is append-only.');
	});

	it('a resident reads only entries about themself', async () => {
		const { data } = await (await asUser(people.jan)).from('audit_log').select('on_behalf_of, actor_id');
		for (const row of data ?? []) expect([row.on_behalf_of, row.actor_id]).toContain(people.jan);
	});
});

describe('organisations and memberships', () => {
	it('anyone can read organisations and areas', async () => {
		const anon = await asAnon();
		// Other test files add organisations and areas of their own: anon sees every one there is.
		const [count] = await sql<{ organisations: number; areas: number }>(
			'select (select count(*)::int from public.organisations) as organisations, (select count(*)::int from public.areas) as areas'
		);
		expect(count.organisations).toBeGreaterThanOrEqual(3);
		expect((await anon.from('organisations').select('id')).data?.length).toBe(count.organisations);
		expect((await anon.from('areas').select('id')).data?.length).toBe(count.areas);
	});

	it('a member reads their own memberships; a resident reads none of the coordinators’', async () => {
		const fatima = await asUser(people.fatima);
		expect((await fatima.from('memberships').select('role')).data).toEqual([{ role: 'volunteer' }]);
		const truus = await asUser(people.truus);
		expect((await truus.from('memberships').select('role')).data).toEqual([]);
	});

	it('nobody can give themself a role through the API', async () => {
		const { error } = await (await asUser(people.truus))
			.from('memberships')
			.insert({ organisation_id: '00000000-0000-4000-8000-000000000201', profile_id: people.truus, role: 'coordinator' });
		expect(error?.code).toBe('42501');
	});
});

describe('sessions and sign-in codes are out of reach of the API', () => {
	for (const table of ['sessions', 'sign_in_codes'] as const) {
		it(`${table}: anon and a signed-in person are refused`, async () => {
			const anon = await (await asAnon()).from(table).select('*');
			expect(anon.error?.code).toBe('42501');
			const user = await (await asUser(people.truus)).from(table).select('*');
			expect(user.error?.code).toBe('42501');
		});
	}
});
