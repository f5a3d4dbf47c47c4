// Help requests: asking, reading, the lifecycle actions, contact after a match, suggestions.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import type { AskInput } from '$lib/schemas/help';
import type { Enums } from '../db/types';
import type { SessionUser } from '../auth/session';

export type HelpStatus = Enums<'help_status'>;
export type HelpAction = 'offer' | 'introduce' | 'accept' | 'decline' | 'withdraw' | 'mark_done' | 'confirm_done' | 'cancel' | 'reopen';

export async function listCategories(db: Db) {
	return unwrap(await db.from('help_categories').select('*').order('sort_order'));
}

/** Creates the request (and its private address) in one step; a repeated submit returns the same id. */
export async function askForHelp(db: Db, requesterId: string, input: AskInput): Promise<string | null> {
	return unwrap(
		await db.rpc('create_help_request', {
			p_submission: input.submission_id,
			p_requester: requesterId,
			p_category: input.category_id,
			p_description: input.description,
			p_area: input.area_id,
			p_when: input.when_kind,
			p_when_date: input.when_kind === 'on_date' ? input.when_date : undefined,
			p_when_note: input.when_note || undefined,
			p_address: input.address || undefined,
			p_voice: input.voice_id || undefined
		})
	);
}

const requestColumns =
	'id, voice_id, summary, requester_id, created_by, helper_id, category_id, description, area_id, when_kind, when_date, when_note, status, effective_status, is_stuck, done_marked_by, created_at, opened_at, hidden_at, areas(name), help_categories(icon, requires_vog)';

export async function readRequest(db: Db, id: string) {
	return unwrapMaybe(await db.from('help_requests').select(requestColumns).eq('id', id).maybeSingle());
}

export async function readAddress(db: Db, id: string) {
	return unwrapMaybe(await db.from('help_request_private').select('address').eq('request_id', id).maybeSingle())?.address ?? null;
}

/** Requests I asked for, or help with. */
export async function listMyRequests(db: Db, userId: string) {
	return unwrap(
		await db
			.from('help_requests')
			.select(requestColumns)
			.or(`requester_id.eq.${userId},helper_id.eq.${userId}`)
			.order('created_at', { ascending: false })
	);
}

/** For a coordinator: requests in their areas that are not finished, oldest first, and the kinds of help. */
export async function listOpenInMyAreas(db: Db) {
	const [requests, categories] = await Promise.all([
		db.from('help_requests').select(requestColumns).in('status', ['open', 'offered']).is('hidden_at', null).order('opened_at', { ascending: true }).then(unwrap),
		listCategories(db)
	]);
	return { requests, categories };
}

export async function act(db: Db, requestId: string, action: HelpAction, helperId?: string): Promise<HelpStatus> {
	return unwrap(await db.rpc('help_act', { p_request: requestId, p_action: action, p_helper: helperId }));
}

export async function contactDetails(db: Db, requestId: string) {
	const rows = unwrap(await db.rpc('contact_details', { p_request: requestId }));
	return rows[0] ?? null;
}

export async function suggestHelpers(db: Db, requestId: string, limit = 10) {
	return unwrap(await db.rpc('suggest_helpers', { p_request: requestId, p_limit: limit }));
}

type Overview = {
	categories: Awaited<ReturnType<typeof listCategories>>;
	mine: Awaited<ReturnType<typeof listMyRequests>>;
	has_volunteer_profile: boolean;
	nearby: Awaited<ReturnType<typeof browseRequests>>;
	thanks: {
		id: string;
		from_id: string;
		body: string;
		voice_id: string | null;
		created_at: string;
		help_requests: { category_id: string } | null;
		voice_messages: { transcript: string | null; transcript_source: string | null } | null;
	}[];
};

/** How many open requests /hulp shows a volunteer at a time; a link shows the next ones. */
export const NEARBY_PAGE_SIZE = 20;

/**
 * Everything /hulp shows this person in one call to help_overview() (RLS decides, as for the
 * separate reads): kinds of help, what they asked and help with, and for a volunteer their
 * profile's existence, a page of the open requests near them (after `after`, the last request of
 * the page before) and the thanks they received. nextAfter is where the next page starts, if any.
 */
export async function readHelpOverview(db: Db, user: SessionUser, after: string | null = null) {
	const isVolunteer = user.roles.some((r) => r.role === 'volunteer');
	const o = unwrap(
		await db.rpc('help_overview', { p_volunteer: isVolunteer, p_after: after ?? undefined, p_nearby: NEARBY_PAGE_SIZE + 1 })
	) as unknown as Overview;
	const nearby = o.nearby.slice(0, NEARBY_PAGE_SIZE);
	return {
		categories: o.categories,
		asked: o.mine.filter((r) => r.requester_id === user.id),
		helping: o.mine.filter((r) => r.helper_id === user.id),
		isVolunteer,
		hasVolunteerProfile: o.has_volunteer_profile,
		nearby,
		nearbyAfter: after,
		nextAfter: o.nearby.length > NEARBY_PAGE_SIZE ? nearby[nearby.length - 1].id : null,
		thanks: o.thanks
	};
}

/** Open requests near a volunteer, oldest first, after the request `after` (browse_requests). */
export async function browseRequests(db: Db, limit = 50, after: string | null = null) {
	return unwrap(await db.rpc('browse_requests', { p_limit: limit, p_after: after ?? undefined }));
}

export async function firstNameOf(db: Db, personId: string | null): Promise<string> {
	if (!personId) return '';
	return unwrap(await db.rpc('first_name_of', { person: personId })) ?? '';
}

export async function listEvents(db: Db, requestId: string) {
	return unwrap(await db.from('help_events').select('id, action, to_status, at, actor_id').eq('request_id', requestId).order('at'));
}

/**
 * What the current person may do now. The database decides in help_act(); this only keeps the
 * page from offering buttons that would be refused.
 */
export function allowedActions(
	r: { requester_id: string; created_by: string; helper_id: string | null; effective_status: HelpStatus | null; done_marked_by: string | null; hidden_at: string | null },
	me: { id: string; isVolunteer: boolean; coordinatesArea: boolean }
): HelpAction[] {
	const status = r.effective_status;
	const requester = me.id === r.requester_id;
	const helper = me.id === r.helper_id;
	const forResident = me.coordinatesArea && r.created_by !== r.requester_id;
	const actions: HelpAction[] = [];
	if (status === 'open' && !requester && me.isVolunteer && !r.hidden_at) actions.push('offer');
	if (status === 'offered' && (requester || forResident)) actions.push('accept', 'decline');
	if ((status === 'offered' || status === 'matched') && helper) actions.push('withdraw');
	if (status === 'matched' && (requester || helper || forResident)) actions.push('mark_done');
	if (status === 'done_pending' && (requester || helper || forResident) && me.id !== r.done_marked_by) actions.push('confirm_done');
	if ((status === 'open' || status === 'offered' || status === 'matched') && (requester || me.coordinatesArea)) actions.push('cancel');
	if ((status === 'cancelled' || status === 'expired') && (requester || me.coordinatesArea)) actions.push('reopen');
	return actions;
}
