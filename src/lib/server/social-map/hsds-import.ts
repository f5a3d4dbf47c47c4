// HSDS import: services from an HSDS 3.0 file (a page as GET /services answers, a list, or one
// service) are checked against the HSDS schemas with ajv, with unknown fields refused (every
// object of the schemas is closed here), then for broken references (an id that points at
// nothing in the file), then turned into the kaart's own shape and saved by one database
// function: all of the file or nothing.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { unwrap, type Db } from '../db/clients';
import { isBadInput, isNotAllowed, isUnknownReference } from '../db/errors';
import { ROUTES, type Route } from '$lib/schemas/social-map';
import type { Json } from '../db/types';

const schemas = import.meta.glob<Record<string, unknown>>('./hsds-schema/*.json', { eager: true, import: 'default' });
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Every object schema with properties gets additionalProperties: false, so an unknown field is an error. */
function closed(schema: unknown): unknown {
	if (Array.isArray(schema)) return schema.map(closed);
	if (!schema || typeof schema !== 'object') return schema;
	const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closed(s)])) : closed(v)]));
	if ('properties' in out && (out as { type?: string }).type === 'object') (out as Record<string, unknown>).additionalProperties = false;
	return out;
}

let validator: ValidateFunction | null = null;
function validateService(): ValidateFunction {
	if (validator) return validator;
	const ajv = new Ajv({ strict: false, allErrors: true });
	(addFormatsModule as unknown as (a: Ajv) => void)(ajv);
	for (const [path, schema] of Object.entries(schemas)) ajv.addSchema(closed(schema) as object, path.split('/').pop()!);
	validator = ajv.getSchema('service.json')!;
	return validator;
}

type HsdsService = {
	id: string; name: string; description?: string; url?: string; email?: string; status: string; organization_id?: string;
	fees_description?: string; eligibility_description?: string; minimum_age?: number; maximum_age?: number; assured_date?: string;
	organization?: { id: string; name: string; description?: string; website?: string; email?: string };
	phones?: { number: string; service_id?: string }[];
	languages?: { code?: string; service_id?: string }[];
	cost_options?: { amount?: number; option?: string; service_id?: string }[];
	schedules?: { byday?: string; opens_at?: string; closes_at?: string; freq?: string; service_id?: string }[];
	service_at_locations?: { service_id?: string; location_id?: string; location?: {
		id: string; name?: string; latitude?: number; longitude?: number;
		addresses?: { location_id?: string; address_1: string; city: string; state_province: string; postal_code: string }[];
		accessibility?: { description?: string; location_id?: string }[];
	} }[];
	attributes?: { link_id?: string; link_type?: string; value?: string }[];
};

export type ImportProblem = { service: number; message: string };
export type ImportResult = { ok: true; saved: number } | { ok: false; status: 400 | 403; problems: ImportProblem[] };

/** The services in the file: a page ({contents}), a list, or one service. */
function servicesIn(data: unknown): unknown[] | null {
	if (Array.isArray(data)) return data;
	if (data && typeof data === 'object' && Array.isArray((data as { contents?: unknown }).contents)) return (data as { contents: unknown[] }).contents;
	if (data && typeof data === 'object' && 'id' in data) return [data];
	return null;
}

/** References inside one service that point at nothing: another service's id, a location not given. */
function brokenReferences(s: HsdsService): string[] {
	const wrong: string[] = [];
	const ownId = (where: string, id: string | undefined) => {
		if (id !== undefined && id !== s.id) wrong.push(`${where}: service_id ${id}`);
	};
	if (s.organization_id && s.organization && s.organization.id !== s.organization_id) wrong.push(`organization_id ${s.organization_id}`);
	if (!s.organization) wrong.push('organization');
	s.phones?.forEach((p, i) => ownId(`phones[${i}]`, p.service_id));
	s.languages?.forEach((l, i) => ownId(`languages[${i}]`, l.service_id));
	s.cost_options?.forEach((c, i) => ownId(`cost_options[${i}]`, c.service_id));
	s.schedules?.forEach((c, i) => ownId(`schedules[${i}]`, c.service_id));
	s.service_at_locations?.forEach((sl, i) => {
		ownId(`service_at_locations[${i}]`, sl.service_id);
		if (!sl.location || (sl.location_id && sl.location_id !== sl.location.id)) wrong.push(`service_at_locations[${i}]: location_id ${sl.location_id ?? ''}`);
		sl.location?.addresses?.forEach((a, j) => {
			if (a.location_id && a.location_id !== sl.location!.id) wrong.push(`service_at_locations[${i}].addresses[${j}]: location_id ${a.location_id}`);
		});
	});
	s.attributes?.forEach((a, i) => {
		if (a.link_id && a.link_id !== s.id) wrong.push(`attributes[${i}]: link_id ${a.link_id}`);
	});
	return wrong;
}

/** One checked HSDS service in the shape import_hsds_services() takes; a string says what is missing. */
function toRow(s: HsdsService): Record<string, unknown> | string {
	const route = s.attributes?.find((a) => a.link_type === 'route')?.value;
	if (!ROUTES.includes(route as Route)) return 'route';
	const [summary, ...rest] = (s.description ?? s.name).split(/\n\n/);
	const free = s.cost_options?.some((c) => c.amount === 0) || s.fees_description === 'Gratis' || (!s.fees_description && !s.cost_options?.length);
	const schedules = (s.schedules ?? []).filter((c) => c.byday && c.opens_at && c.closes_at).flatMap((c) =>
		c.byday!.split(',').map((d) => ({ day: DAYS.indexOf(d.trim()) + 1, opens: c.opens_at, closes: c.closes_at }))
	);
	if (schedules.some((c) => c.day < 1)) return 'schedules';
	return {
		id: s.id, name: s.name, summary: summary.slice(0, 160), description: rest.join('\n\n'), route, status: s.status, free,
		cost_description: free ? '' : (s.fees_description ?? s.cost_options?.[0]?.option ?? ''),
		minimum_age: s.minimum_age ?? null, maximum_age: s.maximum_age ?? null, eligibility_description: s.eligibility_description ?? '',
		languages: (s.languages ?? []).map((l) => l.code).filter(Boolean).slice(0, 10),
		phone: s.phones?.[0]?.number ?? null, email: s.email ?? null, url: s.url ?? null, assured_date: s.assured_date ?? null,
		provider: s.organization,
		locations: (s.service_at_locations ?? []).map(({ location: l }) => ({
			id: l!.id, name: l!.name ?? l!.addresses?.[0]?.address_1, address_1: l!.addresses?.[0]?.address_1, postal_code: l!.addresses?.[0]?.postal_code,
			city: l!.addresses?.[0]?.city, province: l!.addresses?.[0]?.state_province, latitude: l!.latitude ?? null, longitude: l!.longitude ?? null,
			accessibility_description: l!.accessibility?.[0]?.description ?? ''
		})),
		schedules,
		topics: (s.attributes ?? []).filter((a) => a.link_type === 'topic').map((a) => a.value)
	};
}

/** The organisations a coordinator may import for (those they coordinate for), by name. */
export async function importOrganisations(db: Db, userId: string): Promise<{ id: string; name: string }[]> {
	const rows = unwrap(await db.from('memberships').select('organisation_id, organisations(name)').eq('profile_id', userId).eq('role', 'coordinator'));
	return rows.map((r) => ({ id: r.organisation_id, name: r.organisations?.name ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * Checks the file, then saves all of it for one of the coordinator's organisations (the one
 * chosen, or their only one), or nothing.
 */
export async function importHsds(db: Db, userId: string, text: string, organisationId = ''): Promise<ImportResult> {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, status: 400, problems: [{ service: 0, message: 'socialMap.import.notJson' }] };
	}
	const list = servicesIn(data);
	if (!list || list.length === 0 || list.length > 2000) return { ok: false, status: 400, problems: [{ service: 0, message: 'socialMap.import.noServices' }] };
	const validate = validateService();
	const problems: ImportProblem[] = [];
	const rows: Record<string, unknown>[] = [];
	list.forEach((item, i) => {
		if (!validate(item)) {
			for (const e of validate.errors ?? []) {
				const field = e.keyword === 'additionalProperties' ? ` ${(e.params as { additionalProperty: string }).additionalProperty}` : '';
				problems.push({ service: i + 1, message: `${e.instancePath || '/'}: ${e.keyword}${field}` });
			}
			return;
		}
		const broken = brokenReferences(item as HsdsService);
		if (broken.length) return broken.forEach((b) => problems.push({ service: i + 1, message: `ref ${b}` }));
		const row = toRow(item as HsdsService);
		if (typeof row === 'string') problems.push({ service: i + 1, message: row });
		else rows.push(row);
	});
	if (problems.length) return { ok: false, status: 400, problems: problems.slice(0, 50) };
	const orgs = await importOrganisations(db, userId);
	if (orgs.length === 0) return { ok: false, status: 403, problems: [{ service: 0, message: 'errors.not_allowed' }] };
	// The organisation chosen on the form, or the only one; never one the coordinator is not in.
	const organisation = organisationId ? orgs.find((o) => o.id === organisationId) : orgs.length === 1 ? orgs[0] : undefined;
	if (!organisation) return organisationId ? { ok: false, status: 403, problems: [{ service: 0, message: 'errors.not_allowed' }] } : { ok: false, status: 400, problems: [{ service: 0, message: 'socialMap.import.organisationMissing' }] };
	const { data: saved, error } = await db.rpc('import_hsds_services', { p_organisation: organisation.id, p_services: rows as unknown as Json });
	if (!error) return { ok: true, saved: saved ?? 0 };
	if (isNotAllowed(error)) return { ok: false, status: 403, problems: [{ service: 0, message: error.message }] };
	// Any value the tables refuse (a check, a missing address line, a reference): the whole file is refused.
	if (isBadInput(error) || isUnknownReference(error) || /^2[23]/.test(error.code)) return { ok: false, status: 400, problems: [{ service: 0, message: error.message }] };
	return unwrap({ data: null, error });
}
