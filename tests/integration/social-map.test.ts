// The sociale kaart through the API as each role: what anon sees, search that forgives typos and
// missing accents, freshness from assured_date, one re-check task per entry, editors and their
// change log, and the HSDS export validated against the HSDS 3.0 schemas.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { asAnon, asUser, people, sql } from './helpers';

const S = (n: number) => `00000000-0000-4000-8000-000000000${n}`;
const FOOD_BANK = S(951);
const SHOPPING = S(964); // checked 400 days ago: flagged
const WHEELCHAIRS = S(965); // checked 700 days ago: hidden
const CAFE = S(961); // kept by Welzijn Beekdal (Kees)

describe('the sociale kaart', async () => {
	const { searchServices, readService, reportOutdated } = await import('../../src/lib/server/social-map');
	const { exportHsds } = await import('../../src/lib/server/social-map/hsds');

	it('anon reads fresh and flagged entries, not hidden ones', async () => {
		const anon = await asAnon();
		const all = await searchServices(anon, { q: '' });
		expect(all.length).toBeGreaterThanOrEqual(15);
		expect(all.map((s) => s.id)).not.toContain(WHEELCHAIRS);
		expect(all.find((s) => s.id === SHOPPING)?.freshness).toBe('flagged');
		expect(all.find((s) => s.id === FOOD_BANK)?.freshness).toBe('checked');
		expect(await readService(anon, WHEELCHAIRS)).toBeNull();
		const entry = await readService(anon, FOOD_BANK);
		expect(entry?.editor?.name).toBe('Vrijwilligerscentrale Heuvelrijk');
		expect(entry?.locations[0]?.address_1).toBe('Molenweg 40');
	});

	it('anon and residents cannot write, and read no tasks or change log', async () => {
		for (const db of [await asAnon(), await asUser(people.truus)]) {
			const { data } = await db.from('map_services').update({ name: 'Gekaapt' }).eq('id', FOOD_BANK).select('id');
			expect(data ?? []).toEqual([]);
			const { error } = await db.from('map_services').insert({ provider_id: S(904), editor_organisation_id: S(201), name: 'Nep', summary: 'Een nep dienst.', route: 'green' });
			expect(error?.code).toBe('42501');
			expect((await db.from('map_recheck_tasks').select('id')).data ?? []).toEqual([]);
			expect((await db.from('map_changes').select('id')).data ?? []).toEqual([]);
		}
		const [row] = await sql<{ name: string }>('select name from map_services where id = $1', [FOOD_BANK]);
		expect(row.name).toBe('Voedselbank');
	});

	it('finds a service by a misspelled word and without accents', async () => {
		const anon = await asAnon();
		expect((await searchServices(anon, { q: 'voedselbnak' })).map((s) => s.id)).toContain(FOOD_BANK);
		expect((await searchServices(anon, { q: 'huisatrs' })).map((s) => s.name)).toContain('Praktijkondersteuner bij de huisarts');
		// "Digitaal Café" written without the accent, and the other way round
		expect((await searchServices(anon, { q: 'digitaal cafe' })).map((s) => s.name)).toContain('Digitaal Café');
		expect((await searchServices(anon, { q: 'tàalcafé' })).map((s) => s.name)).toContain('Taalcafé');
		// Dutch stemming: "klussen" finds the klussendienst through "klus"
		expect((await searchServices(anon, { q: 'klussen' })).map((s) => s.name)).toContain('Klussendienst');
		expect(await searchServices(anon, { q: 'xyzzyqwerty' })).toEqual([]);
	});

	it('filters by route, topic, cost, age, accessibility and area', async () => {
		const anon = await asAnon();
		const blue = await searchServices(anon, { q: '', route: 'blue' });
		expect(blue.length).toBeGreaterThan(0);
		expect(blue.every((s) => s.route === 'blue')).toBe(true);
		const carers = await searchServices(anon, { q: '', topic: 'carers' });
		expect(carers.map((s) => s.name).sort()).toEqual(['Iemand neemt de zorg even over', 'Mantelzorgcafé']);
		expect((await searchServices(anon, { q: '', free: 'on' })).every((s) => s.free)).toBe(true);
		const forTen = (await searchServices(anon, { q: '', age: 10 })).map((s) => s.name);
		expect(forTen).toContain('Jeugd- en gezinscoach');
		expect(forTen).not.toContain('Ouderenadviseur');
		const accessible = (await searchServices(anon, { q: '', accessible: 'on' })).map((s) => s.name);
		expect(accessible).toContain('Taalcafé');
		expect(accessible).not.toContain('Voedselbank');
		const heide = (await searchServices(anon, { q: '', area: S(105) })).map((s) => s.name);
		expect(heide).not.toContain('Taalcafé'); // Centrum only
		expect(heide).toContain('Klussendienst'); // the whole municipality
	});

	it('"open now" follows the opening times in Dutch time', async () => {
		const [now] = await sql<{ day: number; time: string }>(
			`select extract(isodow from now() at time zone 'Europe/Amsterdam')::int as day, to_char(now() at time zone 'Europe/Amsterdam', 'HH24:MI') as time`
		);
		const open = (await searchServices(await asAnon(), { q: '', open: 'on' })).map((s) => s.name);
		const expected = now.day <= 5 && now.time >= '09:00' && now.time < '17:00';
		expect(open.includes('Sociaal Loket')).toBe(expected);
	});

	it('"Klopt dit niet meer?" from anyone makes one open re-check task per entry', async () => {
		await sql('delete from map_recheck_tasks where service_id = $1', [CAFE]);
		expect(await reportOutdated(await asAnon(), CAFE, 'De tijd is veranderd.')).toEqual({ ok: true });
		expect(await reportOutdated(await asAnon(), CAFE, '')).toEqual({ ok: true });
		expect(await reportOutdated(await asUser(people.truus), CAFE, 'Het is nu op dinsdag.')).toEqual({ ok: true });
		const tasks = await sql<{ reports: number; note: string }>('select reports, note from map_recheck_tasks where service_id = $1 and done_at is null', [CAFE]);
		expect(tasks).toHaveLength(1);
		expect(tasks[0].reports).toBe(3);
		expect(tasks[0].note).toBe('De tijd is veranderd.\nHet is nu op dinsdag.');
		// A hidden entry cannot be reported.
		expect(await reportOutdated(await asAnon(), WHEELCHAIRS, '')).toEqual({ ok: false, status: 404 });
		// Only the entry's editors see the task.
		expect((await (await asUser(people.kees)).from('map_recheck_tasks').select('service_id').eq('service_id', CAFE)).data).toHaveLength(1);
		expect((await (await asUser(people.sanne)).from('map_recheck_tasks').select('service_id').eq('service_id', CAFE)).data).toEqual([]);
	});

	it('an editor checks and edits; another organisation cannot; every change is logged with old and new value', async () => {
		const kees = await asUser(people.kees);
		const sanne = await asUser(people.sanne);
		// Editors see their hidden entries too.
		expect((await kees.from('map_services').select('id').eq('id', WHEELCHAIRS)).data).toHaveLength(1);
		expect((await sanne.from('map_services').select('id').eq('id', WHEELCHAIRS)).data).toEqual([]);

		const { error: notHers } = await sanne.rpc('confirm_map_service', { service: CAFE });
		expect(notHers?.code).toBe('42501');
		const { data: none } = await sanne.from('map_services').update({ summary: 'Niet van Sanne.' }).eq('id', CAFE).select('id');
		expect(none).toEqual([]);

		const { data: changed, error } = await kees.from('map_services').update({ summary: 'Praat met andere mantelzorgers bij een kop koffie.' }).eq('id', CAFE).select('id');
		expect(error).toBeNull();
		expect(changed).toHaveLength(1);
		const { error: moved } = await kees.from('map_services').update({ editor_organisation_id: S(201) }).eq('id', CAFE);
		expect(moved?.code).toBe('42501');

		expect((await kees.rpc('confirm_map_service', { service: CAFE })).error).toBeNull();
		const [row] = await sql<{ assured_date: string; assured_by: string }>(`select assured_date::text, assured_by from map_services where id = $1`, [CAFE]);
		const [today] = await sql<{ d: string }>('select current_date::text as d');
		expect(row).toEqual({ assured_date: today.d, assured_by: people.kees });
		expect(await sql('select 1 from map_recheck_tasks where service_id = $1 and done_at is null', [CAFE])).toEqual([]);

		const log = unwrapLog((await kees.from('map_changes').select('field, old_value, new_value, changed_by').eq('service_id', CAFE).order('id')).data);
		expect(log).toContainEqual({ field: 'summary', old_value: 'Praat met andere mensen die voor iemand zorgen.', new_value: 'Praat met andere mantelzorgers bij een kop koffie.', changed_by: people.kees });
		expect(log.map((l) => l.field)).toContain('assured_date');
		expect((await sanne.from('map_changes').select('id').eq('service_id', CAFE)).data).toEqual([]);
		await sql(`update map_services set summary = 'Praat met andere mensen die voor iemand zorgen.' where id = $1`, [CAFE]);
	});

	it('exports the kaart as HSDS 3.0 JSON that validates against the HSDS schemas', async () => {
		// The HSDS 3.0 schemas (Open Referral, CC BY-SA 4.0), copied into tests/fixtures/hsds.
		const schemaDir = path.resolve('tests/fixtures/hsds/schema');
		const ajv = new Ajv({ strict: false, allErrors: true });
		(addFormatsModule as unknown as (a: Ajv) => void)(ajv);
		for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json'))) {
			ajv.addSchema(JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8')), file);
		}
		const validate = ajv.getSchema('service.json')!;
		const page = await exportHsds(await asAnon());
		expect(page.total_items).toBe(page.contents.length);
		expect(page.contents.length).toBeGreaterThanOrEqual(15);
		expect(page.contents.map((s) => s.id)).not.toContain(WHEELCHAIRS);
		for (const service of page.contents) {
			expect(validate(service), `${service.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
		}
		const foodBank = page.contents.find((s) => s.id === FOOD_BANK)!;
		expect(foodBank.assured_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(foodBank.service_at_locations?.[0].location.addresses?.[0].postal_code).toBe('6222 BD');
		// A broken object does not validate: the check is real.
		expect(validate({ ...foodBank, status: 'open' })).toBe(false);
	});
});

function unwrapLog<T>(data: T[] | null): T[] {
	return data ?? [];
}

describe('the editors\' list', async () => {
	const { listEditorQueue, confirmService } = await import('../../src/lib/server/social-map/editors');

	it('shows a coordinator only the entries of their own organisation, open tasks first', async () => {
		await sql('delete from map_recheck_tasks where service_id = $1', [SHOPPING]);
		await sql(`insert into map_recheck_tasks (service_id, note) values ($1, 'Gesloten.')`, [SHOPPING]);
		const queue = await listEditorQueue(await asUser(people.kees), people.kees);
		expect(queue[0]).toMatchObject({ id: SHOPPING, freshness: 'flagged', task: { note: 'Gesloten.', reports: 1 } });
		expect(queue.map((q) => q.id)).toContain(WHEELCHAIRS); // hidden from the public, not from its editor
		expect(queue.map((q) => q.id)).not.toContain(FOOD_BANK);
		expect(await listEditorQueue(await asUser(people.truus), people.truus)).toEqual([]);
		expect(await confirmService(await asUser(people.sanne), SHOPPING)).toEqual({ ok: false, status: 403 });
		expect(await confirmService(await asUser(people.truus), SHOPPING)).toEqual({ ok: false, status: 403 });
		await sql('delete from map_recheck_tasks where service_id = $1', [SHOPPING]);
	});
});
