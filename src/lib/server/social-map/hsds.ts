// The whole sociale kaart as Open Referral HSDS 3.0 JSON, for reuse by others: a page of
// service objects as the HSDS API's GET /services answers, each with its organization,
// locations, schedules, phones, languages, cost and topics. Only what the public may see.
import { createHash } from 'node:crypto';
import { unwrap, type Db } from '../db/clients';

const LANGUAGE_NAMES: Record<string, string> = {
	nl: 'Nederlands', en: 'English', ar: 'العربية', tr: 'Türkçe', uk: 'Українська', pl: 'Polski', de: 'Deutsch'
};
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const ROUTE_NAMES = {
	green: 'Groen: uw eigen netwerk',
	yellow: 'Geel: buren en vrijwilligers',
	orange: 'Oranje: open hulp zonder verwijzing',
	blue: 'Blauw: hulp met een verwijzing'
} as const;

/** A stable uuid for a part HSDS wants an id for but we keep as a column (a phone, a language). */
function derivedId(...parts: string[]): string {
	const h = createHash('sha1').update(parts.join('|')).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Leaves out empty values: HSDS types do not allow null. */
function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Partial<T>;
}

type Row = {
	id: string; name: string; summary: string; description: string; route: keyof typeof ROUTE_NAMES; status: string;
	free: boolean; cost_description: string; minimum_age: number | null; maximum_age: number | null;
	eligibility_description: string; languages: string[]; accessibility_description: string;
	phone: string | null; email: string | null; url: string | null; assured_date: string; updated_at: string;
	provider: { id: string; name: string; description: string; website: string | null; email: string | null; phone: string | null };
	editor: { name: string } | null;
	map_service_topics: { topic: { id: string; name_nl: string } | null }[];
	map_service_at_location: {
		id: string;
		location: { id: string; name: string; address_1: string; postal_code: string; city: string; province: string; latitude: number | null; longitude: number | null; accessibility_description: string } | null;
	}[];
	map_schedules: { id: string; day: number; opens: string; closes: string }[];
};

const SELECT = `id, name, summary, description, route, status, free, cost_description, minimum_age, maximum_age,
	eligibility_description, languages, accessibility_description, phone, email, url, assured_date, updated_at,
	provider:map_providers(id, name, description, website, email, phone),
	editor:organisations(name),
	map_service_topics(topic:map_topics(id, name_nl)),
	map_service_at_location(id, location:map_locations(id, name, address_1, postal_code, city, province, latitude, longitude, accessibility_description)),
	map_schedules(id, day, opens, closes)`;

function toService(r: Row) {
	return compact({
		id: r.id,
		organization_id: r.provider.id,
		name: r.name,
		description: r.description ? `${r.summary}\n\n${r.description}` : r.summary,
		url: r.url,
		email: r.email,
		status: r.status,
		fees_description: r.free ? 'Gratis' : r.cost_description,
		eligibility_description: r.eligibility_description,
		minimum_age: r.minimum_age,
		maximum_age: r.maximum_age,
		assured_date: r.assured_date,
		last_modified: new Date(r.updated_at).toISOString(),
		organization: compact({
			id: r.provider.id, name: r.provider.name, description: r.provider.description || r.provider.name,
			website: r.provider.website, email: r.provider.email
		}),
		phones: r.phone ? [{ id: derivedId(r.id, 'phone'), service_id: r.id, number: r.phone }] : [],
		languages: r.languages.map((code) => ({ id: derivedId(r.id, 'language', code), service_id: r.id, code, name: LANGUAGE_NAMES[code] ?? code })),
		cost_options: r.free
			? [{ id: derivedId(r.id, 'cost'), service_id: r.id, option: 'Gratis', amount: 0, currency: 'EUR' }]
			: [{ id: derivedId(r.id, 'cost'), service_id: r.id, option: r.cost_description, currency: 'EUR' }],
		schedules: r.map_schedules.map((s) => ({
			id: s.id, service_id: r.id, freq: 'WEEKLY', interval: 1, byday: DAYS[s.day - 1], wkst: 'MO',
			opens_at: s.opens.slice(0, 5), closes_at: s.closes.slice(0, 5), notes: 'Tijden in Nederlandse tijd (Europe/Amsterdam).'
		})),
		service_at_locations: r.map_service_at_location.filter((sl) => sl.location).map((sl) => {
			const l = sl.location!;
			return {
				id: sl.id, service_id: r.id, location_id: l.id,
				location: compact({
					id: l.id, location_type: 'physical', organization_id: r.provider.id, name: l.name, latitude: l.latitude, longitude: l.longitude,
					addresses: [{ id: derivedId(l.id, 'address'), location_id: l.id, address_1: l.address_1, city: l.city, state_province: l.province, postal_code: l.postal_code, country: 'NL', address_type: 'physical' }],
					accessibility: l.accessibility_description ? [{ id: derivedId(l.id, 'accessibility'), location_id: l.id, description: l.accessibility_description }] : []
				})
			};
		}),
		attributes: [
			{
				id: derivedId(r.id, 'route'), link_id: r.id, link_type: 'route', link_entity: 'service', value: r.route,
				taxonomy_term: { id: derivedId('route', r.route), code: r.route, name: ROUTE_NAMES[r.route], description: ROUTE_NAMES[r.route], taxonomy: 'Sociale routekaart' }
			},
			...r.map_service_topics.filter((t) => t.topic).map((t) => ({
				id: derivedId(r.id, 'topic', t.topic!.id), link_id: r.id, link_type: 'topic', link_entity: 'service', value: t.topic!.id,
				taxonomy_term: { id: derivedId('topic', t.topic!.id), code: t.topic!.id, name: t.topic!.name_nl, description: t.topic!.name_nl, taxonomy: 'Omzien onderwerpen' }
			}))
		],
		metadata: r.editor
			? [{ id: derivedId(r.id, 'assured', r.assured_date), resource_id: r.id, resource_type: 'service', last_action_date: r.assured_date, last_action_type: 'verify', field_name: 'assured_date', previous_value: '', replacement_value: r.assured_date, updated_by: r.editor.name }]
			: []
	});
}

/** The kaart as one page of HSDS services (the shape of the HSDS API's GET /services). */
export async function exportHsds(db: Db) {
	const rows = unwrap(await db.from('map_services').select(SELECT).order('name')) as unknown as Row[];
	const contents = rows.map(toService);
	return {
		total_items: contents.length, total_pages: 1, page_number: 1, size: contents.length,
		first_page: true, last_page: true, empty: contents.length === 0, contents
	};
}
