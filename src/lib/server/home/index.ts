// The front door: what the home page shows each person, by the roles they have. Like the
// coordination room, it may read several domains; it only reads, and asks only what a role needs.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import type { Enums } from '../db/types';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/guard';
import { groupOpeningHours, parseOpeningHours, type HoursGroup } from '$lib/home/opening-hours';

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

/**
 * Everything the home page shows this person: one call to front_door() (kinds of help, their
 * requests, unread notifications, the volunteer's part; RLS decides), and for a coordinator
 * their part beside it, at the same time.
 */
export async function readFrontDoor(db: Db, user: SessionUser | null): Promise<FrontDoor> {
	if (!user) {
		return { ...nobody, phoneLines: await readPhoneLines(db) };
	}
	if (!user.onboarded) return { ...nobody, needsOnboarding: true };

	const isVolunteer = hasRole(user, 'volunteer');
	const isCoordinator = hasRole(user, 'coordinator');
	const [door, coordinator] = await Promise.all([
		db.rpc('front_door', { p_volunteer: isVolunteer }),
		isCoordinator ? readCoordinatorPart(db, coordinatedOrganisations(user)) : null
	]);
	const part = unwrap(door) as unknown as FrontDoorRow;
	return {
		...nobody,
		categories: part.categories,
		resident: { requests: part.requests, unread: { count: part.unread_count, newest: part.unread } },
		volunteer: part.volunteer ? { hasProfile: part.volunteer.has_profile, nearby: part.volunteer.nearby } : null,
		coordinator,
		officer: hasRole(user, 'officer')
	};
}

/** What front_door() returns (supabase/migrations/20261124004200_front_door.sql). */
type FrontDoorRow = {
	categories: Category[];
	requests: NonNullable<FrontDoor['resident']>['requests'];
	unread_count: number;
	unread: { id: string; kind: string; created_at: string }[];
	volunteer: { has_profile: boolean; nearby: NonNullable<FrontDoor['volunteer']>['nearby'] } | null;
};

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
