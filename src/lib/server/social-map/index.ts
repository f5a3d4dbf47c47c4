// The sociale kaart, "Waar kan ik terecht?": search, entries, "Klopt dit niet meer?", the
// editors' check, and the whole kaart as HSDS JSON. What anyone may see is decided by RLS
// (fresh entries for the public, every entry for its editors).
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { isMissing } from '../db/errors';
import { checkVoiceUpload } from '../voice/audio';
import { transcribeNow } from '../voice/jobs';
import type { MapSearch, Route } from '$lib/schemas/social-map';

export type Freshness = 'checked' | 'flagged' | 'hidden';

export type Topic = { id: string; name_nl: string; name_en: string; icon: string };

export type ServiceCard = {
	id: string;
	/** Metres from the centre of the searcher's area ("dichtbij mij"); null when not asked or unknown. */
	distance_m?: number | null;
	name: string;
	summary: string;
	route: Route;
	free: boolean;
	freshness: Freshness;
	assured_date: string;
	topics: string[];
};

const CARD = 'id, name, summary, route, free, assured_date, freshness, map_service_topics(topic_id)';

type CardRow = Omit<ServiceCard, 'topics'> & { map_service_topics: { topic_id: string }[] };

function toCard(row: CardRow): ServiceCard {
	const { map_service_topics, ...rest } = row;
	return { ...rest, topics: map_service_topics.map((t) => t.topic_id) };
}

export async function listTopics(db: Db): Promise<Topic[]> {
	return unwrap(await db.from('map_topics').select('id, name_nl, name_en, icon').order('position'));
}

/**
 * Services for the words and filters, best match first; with "dichtbij mij", nearest first,
 * measured from the chosen area or else the searcher's own area (no location is asked for).
 */
export async function searchServices(db: Db, search: MapSearch, homeArea?: string | null): Promise<ServiceCard[]> {
	const rows = unwrap(
		await db
			.rpc('search_social_map', {
				words: search.q ?? '',
				route: search.route,
				topic: search.topic,
				free_only: search.free === 'on',
				age: search.age,
				open_now: search.open === 'on',
				accessible: search.accessible === 'on',
				area: search.area
			})
			.select(CARD)
	) as unknown as CardRow[];
	const cards = rows.map(toCard);
	const from = search.area ?? homeArea;
	if (search.near !== 'on' || !from || cards.length === 0) return cards;
	const distances = new Map(
		unwrap(await db.rpc('map_service_distances', { p_services: cards.map((c) => c.id), p_area: from })).map((d) => [d.service_id, d.distance_m])
	);
	const far = Number.MAX_SAFE_INTEGER;
	return cards
		.map((c) => ({ ...c, distance_m: distances.get(c.id) ?? null }))
		.sort((a, b) => (a.distance_m ?? far) - (b.distance_m ?? far));
}

export type ServiceEntry = Awaited<ReturnType<typeof readService>>;

/** One entry with where, when, for whom and who checked it; null when it is not visible. */
export async function readService(db: Db, id: string) {
	const row = unwrapMaybe(
		await db
			.from('map_services')
			.select(
				`id, name, summary, description, route, status, free, cost_description, minimum_age, maximum_age,
				 eligibility_description, languages, wheelchair_accessible, accessibility_description, phone, email, url,
				 assured_date, freshness, area_id,
				 provider:map_providers(name, website, phone),
				 editor:organisations(name),
				 area:areas(name),
				 map_service_topics(topic_id),
				 map_service_at_location(location:map_locations(name, address_1, postal_code, city, wheelchair_accessible, accessibility_description)),
				 map_schedules(day, opens, closes)`
			)
			.eq('id', id)
			.maybeSingle()
	);
	if (!row) return null;
	const { map_service_topics, map_service_at_location, map_schedules, ...rest } = row;
	return {
		...rest,
		freshness: rest.freshness as unknown as Freshness,
		topics: map_service_topics.map((t) => t.topic_id),
		locations: map_service_at_location.map((l) => l.location).filter((l) => l !== null),
		schedules: [...map_schedules].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens))
	};
}

/** "Klopt dit niet meer?": opens the entry's re-check task or adds to the open one. */
export async function reportOutdated(db: Db, id: string, note: string): Promise<{ ok: true } | { ok: false; status: 404 }> {
	const { error } = await db.rpc('report_map_outdated', { service: id, note });
	if (error) {
		if (isMissing(error)) return { ok: false, status: 404 };
		unwrap({ data: null, error });
	}
	return { ok: true };
}

/**
 * "Zoek met uw stem": the words said in a recording, to search with. The recording is checked
 * (type by its bytes, size, length) and sent to the speech-to-text server, never stored.
 */
export async function wordsFromRecording(file: File): Promise<{ words: string } | { error: string }> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	const check = checkVoiceUpload(bytes);
	if (!check.ok) return { error: check.error };
	const words = await transcribeNow(bytes, check.type);
	return words ? { words } : { error: 'socialMap.voiceSearch.unavailable' };
}
