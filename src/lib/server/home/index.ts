// The front door: what the home page shows each person, by the roles they have. Like the
// coordination room, it may read several domains; it only reads, and asks only what a role needs.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import type { Enums } from '../db/types';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/guard';
import { groupOpeningHours, parseOpeningHours, type HoursGroup } from '$lib/home/opening-hours';

/** The statuses of a request that is still going: the resident may still have to act on it. */
const RUNNING: Enums<'help_status'>[] = ['open', 'offered', 'matched', 'done_pending'];
/** How many rows of a list the front door shows; the full list is one link away. */
const FEW = 5;

export type PhoneLine = { id: string; name: string; phone: string; hours: HoursGroup[] };
export type Municipality = { id: string; name: string; lines: PhoneLine[] };
export type Category = { id: string; icon: string };
export type RequestRow = {
	id: string;
	category_id: string;
	area: string;
	when_kind: Enums<'help_when'>;
	when_date: string | null;
	when_note: string | null;
};

export type FrontDoor = {
	/** Anonymous: whom to phone without a computer, per municipality. */
	phoneLines: Municipality[] | null;
	/** Signed in but not onboarded yet: only a way to /welkom. */
	needsOnboarding: boolean;
	/** Names and pictograms of the kinds of help the lists below use. */
	categories: Category[];
	resident: {
		requests: (RequestRow & { status: Enums<'help_status'> })[];
		unread: { count: number; newest: { id: string; kind: string; created_at: string }[] };
	} | null;
	volunteer: {
		hasProfile: boolean;
		nearby: (RequestRow & { first_name: string; description: string; spoken: boolean })[];
	} | null;
	coordinator: {
		stuck: { count: number; newest: (RequestRow & { opened_at: string })[] };
		openReports: number;
		registered: { count: number; newest: { id: string; display_name: string; area: string }[] };
	} | null;
	officer: boolean;
};

/** Everything the home page shows this person, read in one round of parallel queries. */
export async function readFrontDoor(db: Db, user: SessionUser | null): Promise<FrontDoor> {
	if (!user) {
		return { ...nobody, phoneLines: await readPhoneLines(db) };
	}
	if (!user.onboarded) return { ...nobody, needsOnboarding: true };

	const isVolunteer = hasRole(user, 'volunteer');
	const isCoordinator = hasRole(user, 'coordinator');
	const [categories, resident, volunteer, coordinator] = await Promise.all([
		readCategories(db),
		readResidentPart(db, user.id),
		isVolunteer ? readVolunteerPart(db, user.id) : null,
		isCoordinator ? readCoordinatorPart(db, coordinatedOrganisations(user)) : null
	]);
	return { ...nobody, categories, resident, volunteer, coordinator, officer: hasRole(user, 'officer') };
}

const nobody: FrontDoor = {
	phoneLines: null,
	needsOnboarding: false,
	categories: [],
	resident: null,
	volunteer: null,
	coordinator: null,
	officer: false
};

/** Volunteer centres and welfare organisations with a phone number, grouped by municipality. */
async function readPhoneLines(db: Db): Promise<Municipality[]> {
	const rows = unwrap(
		await db
			.from('organisations')
			.select('id, name, phone, opening_hours, municipality_id, municipalities(name)')
			.in('kind', ['volunteer_centre', 'welfare'])
			.not('phone', 'is', null)
			.order('kind')
			.order('name')
	);
	const municipalities = new Map<string, Municipality>();
	for (const row of rows) {
		const municipality = municipalities.get(row.municipality_id) ?? {
			id: row.municipality_id,
			name: row.municipalities?.name ?? '',
			lines: []
		};
		municipality.lines.push({
			id: row.id,
			name: row.name,
			phone: row.phone ?? '',
			hours: groupOpeningHours(parseOpeningHours(row.opening_hours))
		});
		municipalities.set(row.municipality_id, municipality);
	}
	return [...municipalities.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

async function readCategories(db: Db): Promise<Category[]> {
	return unwrap(await db.from('help_categories').select('id, icon').order('sort_order'));
}

/** The person's own requests that are still going, and the notifications they have not read. */
async function readResidentPart(db: Db, userId: string): Promise<NonNullable<FrontDoor['resident']>> {
	const [requests, unread] = await Promise.all([
		db
			.from('help_requests')
			.select('id, category_id, when_kind, when_date, when_note, effective_status, areas(name)')
			.eq('requester_id', userId)
			.in('effective_status', RUNNING)
			.order('created_at', { ascending: false })
			.limit(10),
		// The notifications table is changing what it points at; only these columns are stable.
		db
			.from('notifications')
			.select('id, kind, created_at, read_at', { count: 'exact' })
			.eq('profile_id', userId)
			.is('read_at', null)
			.order('created_at', { ascending: false })
			.limit(3)
	]);
	return {
		requests: unwrap(requests).map((r) => ({ ...requestRow(r), status: r.effective_status ?? 'open' })),
		unread: {
			count: unread.count ?? 0,
			newest: unwrap(unread).map(({ id, kind, created_at }) => ({ id, kind, created_at }))
		}
	};
}

/** Open requests near the volunteer that fit what they do (browse_requests decides), the first few. */
async function readVolunteerPart(db: Db, userId: string): Promise<NonNullable<FrontDoor['volunteer']>> {
	const [profile, nearby] = await Promise.all([
		db.from('volunteer_profiles').select('profile_id').eq('profile_id', userId).maybeSingle(),
		db.rpc('browse_requests', { p_limit: FEW })
	]);
	return {
		hasProfile: !!unwrapMaybe(profile),
		// A function's columns are all nullable to the generated types; these never are.
		nearby: unwrap(nearby).flatMap((r) =>
			r.id && r.category_id
				? [
						{
							id: r.id,
							category_id: r.category_id,
							area: r.area_name ?? '',
							when_kind: r.when_kind ?? 'asap',
							when_date: r.when_date,
							when_note: r.when_note,
							first_name: r.first_name ?? '',
							description: r.description ?? '',
							spoken: !!r.spoken
						}
					]
				: []
		)
	};
}

function coordinatedOrganisations(user: SessionUser): string[] {
	return user.roles.filter((r) => r.role === 'coordinator').map((r) => r.organisationId);
}

/**
 * What needs a coordinator: stuck requests, reports nobody handled, people registered by phone.
 * RLS also shows a coordinator who volunteers every open request, so stuck requests are limited
 * to the areas of the organisations they coordinate for.
 */
async function readCoordinatorPart(db: Db, organisationIds: string[]): Promise<NonNullable<FrontDoor['coordinator']>> {
	const [stuck, reports, registered] = await Promise.all([
		db
			.from('help_requests')
			.select('id, category_id, when_kind, when_date, when_note, opened_at, areas!inner(name, organisation_areas!inner(organisation_id))', {
				count: 'exact'
			})
			.eq('is_stuck', true)
			.is('hidden_at', null)
			.in('areas.organisation_areas.organisation_id', organisationIds)
			.order('opened_at', { ascending: true })
			.limit(FEW),
		// The reports table is changing; a count of the ones nobody handled is all this needs.
		db.from('reports').select('id', { count: 'exact', head: true }).is('handled_at', null),
		db
			.from('profiles')
			.select('id, display_name, areas(name)', { count: 'exact' })
			.not('created_by', 'is', null)
			.order('created_at', { ascending: false })
			.limit(FEW)
	]);
	unwrap(reports);
	return {
		stuck: { count: stuck.count ?? 0, newest: unwrap(stuck).map((r) => ({ ...requestRow(r), opened_at: r.opened_at })) },
		openReports: reports.count ?? 0,
		registered: {
			count: registered.count ?? 0,
			newest: unwrap(registered).map((p) => ({ id: p.id, display_name: p.display_name ?? '', area: p.areas?.name ?? '' }))
		}
	};
}

function requestRow(r: {
	id: string;
	category_id: string;
	when_kind: Enums<'help_when'>;
	when_date: string | null;
	when_note: string | null;
	areas: { name: string } | null;
}): RequestRow {
	return {
		id: r.id,
		category_id: r.category_id,
		area: r.areas?.name ?? '',
		when_kind: r.when_kind,
		when_date: r.when_date,
		when_note: r.when_note
	};
}
