// The coordinator's workspace: what needs doing in the coordinator's own areas. A reader: it reads
// help (requests, suggestions), signals and people, and the one write it does (introduce) goes
// through help's own lifecycle step, so the database's rules and who is told stay help's.
import { adminClient, unwrap, type Db } from '../db/clients';
import { notify } from '../notifications';
import type { SessionUser } from '../auth/session';
import type { FieldRefusal } from '$lib/schemas/fields';
import { listCategories, suggestHelpers } from '../help/requests';
import { takeStep } from '../help/lifecycle';
import { isContactPerson, listSignalsToFollowUp } from '../signals';
import { listCallBacks } from './call-backs';
import './register';

/** How many stuck requests get a suggested volunteer (each is one matching query). */
const SUGGESTED = 10;

type OpenRequest = {
	id: string;
	category_id: string;
	area_id: string;
	area_name: string;
	requester_name: string | null;
	description: string | null;
	opened_at: string;
	expires_at: string;
	stuck: boolean;
	expiring: boolean;
};

export type WorkspaceRequest = {
	id: string;
	category_id: string;
	area_name: string;
	requester_name: string | null;
	description: string | null;
	opened_at: string;
	expires_at: string;
	stuck: boolean;
	expiring: boolean;
	suggestion: { helper_id: string; first_name: string; distance_m: number | null } | null;
};

/** The workspace's home: stuck requests (oldest first) with a suggestion each, those about to stop, new ones, call-backs, worries. */
export async function readWorkspace(db: Db, user: SessionUser) {
	const [open, categories, contact, callBacks, residents] = await Promise.all([
		db.rpc('coordinator_open_requests', { p_limit: 200 }).then((r) => unwrap(r) as OpenRequest[]),
		listCategories(db),
		isContactPerson(db, user.id),
		listCallBacks(db),
		listPhoneResidents(db)
	]);
	const stuck = open.filter((r) => r.stuck);
	const suggestions = await Promise.all(
		stuck.slice(0, SUGGESTED).map(async (r) => {
			const [best] = (await suggestHelpers(db, r.id, 5)).filter((s) => s.kind === 'volunteer' && s.helper_id);
			return best ? { helper_id: best.helper_id!, first_name: best.first_name ?? '', distance_m: best.distance_m } : null;
		})
	);
	const withSuggestion = (r: OpenRequest, i = -1): WorkspaceRequest => ({ ...r, suggestion: i >= 0 ? (suggestions[i] ?? null) : null });
	const signals = contact ? await listSignalsToFollowUp(db) : [];
	return {
		stuck: stuck.map((r, i) => withSuggestion(r, i)),
		expiring: open.filter((r) => r.expiring).map((r) => withSuggestion(r)),
		fresh: open.filter((r) => !r.stuck).map((r) => withSuggestion(r)),
		categories,
		callBacks,
		residents,
		signals: contact ? { open: signals.filter((s) => !s.acknowledged_at), picked: signals.filter((s) => s.acknowledged_at).slice(0, 10) } : null
	};
}

export type PhoneResident = {
	id: string;
	display_name: string;
	phone: string | null;
	area_name: string;
	registered_at: string;
	registered_by: string | null;
	/** The latest things done on their behalf, newest first (audit_log). */
	actions: { at: string; action: string; by: string | null }[];
};

/** People registered by phone who live in the coordinator's areas, with what was done for them. */
export async function listPhoneResidents(db: Db): Promise<PhoneResident[]> {
	return unwrap(await db.rpc('coordinator_phone_residents', { p_actions: 5 })) as PhoneResident[];
}

/**
 * "Voorstellen": the coordinator introduces a volunteer for a request in their area. Help's
 * step checks it (their area, still open) and tells the requester; the volunteer is told here.
 */
export async function introduce(db: Db, user: SessionUser, requestId: string, helperId: string, origin: string): Promise<FieldRefusal | null> {
	const refused = await takeStep(db, user, requestId, 'introduce', helperId, origin);
	if (refused) return { ...refused, field: '', message: refused.status === 409 ? 'coordination.workspace.alreadyMatched' : refused.message };
	await notify('introduced', [helperId], { type: 'help_request', id: requestId }, origin);
	return null;
}

export type VolunteerRow = {
	profile_id: string;
	name: string;
	area_id: string;
	area_name: string;
	categories: string[];
	availability: number;
	active: boolean;
	last_active: string | null;
	vog_date: string | null;
	vog_expires: string | null;
	vog_expiring: boolean;
	vog_expired: boolean;
};

/** The volunteers of the coordinator's areas, with last active and VOG dates. */
export async function listVolunteers(db: Db): Promise<VolunteerRow[]> {
	return unwrap(await db.rpc('coordinator_volunteers')) as VolunteerRow[];
}

/**
 * The job: a month before a VOG runs out, the coordinators of the volunteer's area are told
 * (they ask for a new one), once per VOG date (claimed in SQL before sending). Returns how many.
 */
export async function sendVogReminders(origin: string, today?: string): Promise<number> {
	// service role: the job acts for nobody in particular; claim_vog_reminders is granted to it alone
	const due = unwrap(await adminClient().rpc('claim_vog_reminders', today ? { p_today: today } : {})) as { volunteer_id: string; coordinator_ids: string[] | null }[];
	for (const d of due) {
		await notify('vog_expiring', d.coordinator_ids ?? [], { type: 'volunteer', id: d.volunteer_id }, origin);
	}
	return due.length;
}
