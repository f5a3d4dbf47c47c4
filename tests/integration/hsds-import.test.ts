// HSDS import through the API: a file checked with ajv against the HSDS 3.0 schemas (unknown
// fields refused), broken references refused, all of it or nothing, and only for the
// organisation that keeps an entry.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asAnon, asUser, people, sql } from './helpers';

const S = (n: number) => `00000000-0000-4000-8000-000000000${n}`;
const CENTRE = S(201);

describe('HSDS import', async () => {
	const { exportHsds } = await import('../../src/lib/server/social-map/hsds');
	const { importHsds } = await import('../../src/lib/server/social-map/hsds-import');
	const ours = async () => {
		const rows = await sql<{ id: string }>('select id from map_services where editor_organisation_id = $1', [CENTRE]);
		const ids = new Set(rows.map((r) => r.id));
		return (await exportHsds(await asAnon())).contents.filter((s) => ids.has(s.id ?? ''));
	};

	it('the export of the own entries comes back in unchanged, and a changed name is logged', async () => {
		const services = await ours();
		expect(services.length).toBeGreaterThan(3);
		const first = { ...services[0], name: `${services[0].name} (nieuw)` };
		const result = await importHsds(await asUser(people.sanne), people.sanne, JSON.stringify({ contents: [first, ...services.slice(1)] }));
		expect(result).toEqual({ ok: true, saved: services.length });
		const [row] = await sql<{ name: string }>('select name from map_services where id = $1', [first.id]);
		expect(row.name).toBe(first.name);
		const log = await sql<{ field: string; new_value: string }>(`select field, new_value from map_changes where service_id = $1 and field = 'name'`, [first.id]);
		expect(log.map((l) => l.new_value)).toContain(first.name);
	});

	it('a new service is made for the importer\'s organisation, with its place and opening times', async () => {
		const model = (await ours()).find((s) => s.service_at_locations?.length)!;
		const id = randomUUID();
		const location = { ...model.service_at_locations![0].location, id: randomUUID() };
		location.addresses = location.addresses!.map((a) => ({ ...a, location_id: location.id }));
		const fresh = {
			...model, id, name: 'Buurtmoestuin De Hof', phones: [], languages: [], cost_options: [], metadata: [],
			schedules: [{ id: randomUUID(), service_id: id, freq: 'WEEKLY', interval: 1, byday: 'SA', opens_at: '10:00', closes_at: '12:00' }],
			service_at_locations: [{ id: randomUUID(), service_id: id, location_id: location.id, location }],
			attributes: model.attributes!.map((a) => ({ ...a, id: randomUUID(), link_id: id }))
		};
		expect(await importHsds(await asUser(people.sanne), people.sanne, JSON.stringify([fresh]))).toEqual({ ok: true, saved: 1 });
		const [row] = await sql<{ editor_organisation_id: string }>('select editor_organisation_id from map_services where id = $1', [id]);
		expect(row.editor_organisation_id).toBe(CENTRE);
		expect(await sql('select day from map_schedules where service_id = $1', [id])).toEqual([{ day: 6 }]);
		expect(await sql('select 1 from map_service_at_location where service_id = $1', [id])).toHaveLength(1);
	});

	it('someone who coordinates for two organisations says for which; never for one they are not in', async () => {
		const model = (await ours()).find((s) => s.service_at_locations?.length)!;
		const coordinator = randomUUID();
		const second = randomUUID();
		await sql(`insert into profiles (id, display_name, email, onboarded_at) values ($1, 'Twee Petten', $2, now())`, [coordinator, `twee.${coordinator.slice(0, 8)}@voorbeeld.nl`]);
		await sql(`insert into organisations (id, municipality_id, name, kind) values ($1, '00000000-0000-4000-8000-000000000001', 'Buurtwerk Tweede', 'welfare')`, [second]);
		await sql(`insert into organisation_areas (organisation_id, area_id) select $1, area_id from organisation_areas where organisation_id = $2`, [second, CENTRE]);
		await sql(`insert into memberships (organisation_id, profile_id, role) values ($1, $3, 'coordinator'), ($2, $3, 'coordinator')`, [CENTRE, second, coordinator]);
		const id = randomUUID();
		const location = { ...model.service_at_locations![0].location, id: randomUUID() };
		location.addresses = location.addresses!.map((a) => ({ ...a, location_id: location.id }));
		const file = JSON.stringify([
			{
				...model, id, name: 'Repaircafé Tweede', phones: [], languages: [], cost_options: [], metadata: [], schedules: [],
				service_at_locations: [{ id: randomUUID(), service_id: id, location_id: location.id, location }],
				attributes: model.attributes!.map((a) => ({ ...a, id: randomUUID(), link_id: id }))
			}
		]);
		const db = await asUser(coordinator);
		expect(await importHsds(db, coordinator, file)).toEqual({ ok: false, status: 400, problems: [{ service: 0, message: 'socialMap.import.organisationMissing' }] });
		expect(await importHsds(db, coordinator, file, S(202))).toMatchObject({ ok: false, status: 403 });
		expect(await sql('select 1 from map_services where id = $1', [id])).toEqual([]);
		expect(await importHsds(db, coordinator, file, second)).toEqual({ ok: true, saved: 1 });
		expect(await sql('select editor_organisation_id from map_services where id = $1', [id])).toEqual([{ editor_organisation_id: second }]);
		// Other files count the coordinators of the centre (VOG reminders, re-checks): this one leaves none.
		await sql('delete from map_services where id = $1', [id]);
		await sql('delete from profiles where id = $1', [coordinator]);
		await sql('delete from organisations where id = $1', [second]);
	});

	it('unknown fields, broken references and bad JSON are refused; nothing is saved', async () => {
		const services = await ours();
		const before = await sql('select id, name, updated_at from map_services order by id');
		const sanne = await asUser(people.sanne);
		const unknown = await importHsds(sanne, people.sanne, JSON.stringify([{ ...services[0], name: 'Gewijzigd' }, { ...services[1], kleur: 'rood' }]));
		expect(unknown).toMatchObject({ ok: false, status: 400 });
		expect(JSON.stringify(unknown)).toContain('kleur');
		const nested = await importHsds(sanne, people.sanne, JSON.stringify([{ ...services[0], organization: { ...services[0].organization, geheim: 1 } }]));
		expect(JSON.stringify(nested)).toContain('geheim');
		const broken = { ...services[0], phones: [{ id: randomUUID(), service_id: randomUUID(), number: '043 123 45 67' }] };
		expect(JSON.stringify(await importHsds(sanne, people.sanne, JSON.stringify([broken])))).toContain('ref phones[0]');
		const noOrg = { ...services[0], organization: undefined };
		expect(JSON.stringify(await importHsds(sanne, people.sanne, JSON.stringify([noOrg])))).toContain('ref organization');
		expect(await importHsds(sanne, people.sanne, '{ niet af')).toMatchObject({ ok: false, status: 400, problems: [{ message: 'socialMap.import.notJson' }] });
		expect(await sql('select id, name, updated_at from map_services order by id')).toEqual(before);
	});

	it('another organisation\'s entries, a resident and anon are refused; nothing is saved', async () => {
		const services = await ours();
		const before = await sql('select id, name, updated_at from map_services order by id');
		expect(await importHsds(await asUser(people.kees), people.kees, JSON.stringify([{ ...services[0], name: 'Overgenomen' }]))).toMatchObject({ ok: false, status: 403 });
		expect(await importHsds(await asUser(people.truus), people.truus, JSON.stringify([services[0]]))).toMatchObject({ ok: false, status: 403 });
		expect((await (await asUser(people.truus)).rpc('import_hsds_services', { p_organisation: CENTRE, p_services: [] })).error?.code).toBe('42501');
		expect((await (await asAnon()).rpc('import_hsds_services', { p_organisation: CENTRE, p_services: [] })).error?.code).toBe('42501');
		expect(await sql('select id, name, updated_at from map_services order by id')).toEqual(before);
	});
});
