// Carers, every year again: last year's carers are invited when the window opens, reminded
// before it closes, and told about Dag van de Mantelzorg (10 November) with the municipality's
// activities, which they sign up for on the start page. The database decides who is due and
// claims each message once (carer_invitations, unique); this module tells them through the
// notifications room, which honours each person's choice (right away, daily, never).
import { adminClient, unwrap, type Db } from '../db/clients';
import { isMissing, isNotAllowed, isRefusedNow } from '../db/errors';
import { notify } from '../notifications';
import type { FieldRefusal } from '$lib/schemas/fields';
import type { ActivityInput } from '$lib/schemas/carers';
import './register';
import { dateFormat } from '$lib/intl';

const KIND_TO_NOTIFICATION = { invite: 'carer_invited', reminder: 'carer_window_closing', day: 'carer_day' } as const;

/** The job: claims today's messages of the yearly round and sends each one (once). Admin client: a job acts for nobody. */
export async function sendYearlyMessages(origin: string, today?: string): Promise<Record<'invite' | 'reminder' | 'day', number>> {
	const rows = unwrap(await adminClient().rpc('carer_claim_yearly', today ? { p_today: today } : {}));
	const sent = { invite: 0, reminder: 0, day: 0 };
	for (const row of rows) {
		if (!row.invitation_id || !row.kind) continue;
		await notify(KIND_TO_NOTIFICATION[row.kind], [row.carer_id], { type: 'carer_invitation', id: row.invitation_id }, origin);
		sent[row.kind] += 1;
	}
	return sent;
}

/** Whether this person was invited for this year (the start page welcomes them back). */
export async function wasInvited(db: Db, userId: string, year: number): Promise<boolean> {
	const rows = unwrap(await db.from('carer_invitations').select('id').eq('carer_id', userId).eq('year', year).in('kind', ['invite', 'reminder']).limit(1));
	return rows.length > 0;
}

/** The activities of a year with the places left and whether this person signed up. */
export async function listActivities(db: Db, municipalityId: string, year: number) {
	return unwrap(await db.rpc('carer_activity_list', { p_municipality: municipalityId, p_year: year })).map((a) => ({
		...a,
		left: Math.max(0, (a.places ?? 0) - (a.taken ?? 0))
	}));
}

const SIGN_UP_REFUSALS: Record<string, FieldRefusal> = {
	full: { status: 409, field: '', message: 'carers.errors.activity_full' },
	past: { status: 409, field: '', message: 'carers.errors.activity_past' },
	missing: { status: 404, field: '', message: 'carers.errors.activity_not_found' },
	notAllowed: { status: 403, field: '', message: 'carers.errors.not_allowed' }
};

function signUpRefusal(err: unknown): FieldRefusal | null {
	const message = err instanceof Error ? err.message : '';
	if (isMissing(err)) return SIGN_UP_REFUSALS.missing;
	if (isRefusedNow(err)) return message.includes('activity_past') ? SIGN_UP_REFUSALS.past : SIGN_UP_REFUSALS.full;
	if (isNotAllowed(err)) return SIGN_UP_REFUSALS.notAllowed;
	return null;
}

/** The carer signs up ('join') or cancels ('leave'); a full activity is refused. */
export async function signUp(db: Db, activityId: string, action: 'join' | 'leave'): Promise<{ ok: true } | { ok: false; refusal: FieldRefusal }> {
	try {
		if (action === 'join') unwrap(await db.rpc('carer_activity_sign_up', { p_activity: activityId }));
		else unwrap(await db.rpc('carer_activity_cancel', { p_activity: activityId }));
		return { ok: true };
	} catch (err) {
		const refusal = signUpRefusal(err);
		if (refusal) return { ok: false, refusal };
		throw err;
	}
}

/** "2026-11-10T14:00" in Dutch time as a moment (ISO, UTC). */
export function amsterdamToIso(local: string): string {
	const asUtc = new Date(`${local}:00Z`);
	const parts = Object.fromEntries(
		dateFormat('en-US', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
			.formatToParts(asUtc)
			.map((p) => [p.type, p.value])
	);
	const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
	return new Date(asUtc.getTime() - (shown - asUtc.getTime())).toISOString();
}

/** The officer's list: each activity of the year with who signed up (names only for officers of the municipality). */
export async function listActivitiesForOfficer(db: Db, municipalityId: string, year: number) {
	const activities = await listActivities(db, municipalityId, year);
	return Promise.all(
		activities.map(async (a) => ({ ...a, people: unwrap(await db.rpc('carer_activity_people', { p_activity: a.id ?? '' })).map((p) => p.display_name ?? '') }))
	);
}

/** An officer adds an activity (RLS: only officers of that municipality). */
export async function addActivity(db: Db, userId: string, municipalityId: string, input: ActivityInput): Promise<{ ok: true } | { ok: false; refusal: FieldRefusal }> {
	try {
		unwrap(
			await db.from('carer_activities').insert({
				municipality_id: municipalityId,
				year: Number(input.starts_at.slice(0, 4)),
				title: input.title,
				place: input.place,
				starts_at: amsterdamToIso(input.starts_at),
				description: input.description,
				places: input.places,
				created_by: userId
			})
		);
	} catch (err) {
		if (isNotAllowed(err)) return { ok: false, refusal: SIGN_UP_REFUSALS.notAllowed };
		throw err;
	}
	return { ok: true };
}

/** An officer removes an activity; the sign-ups go with it. */
export async function removeActivity(db: Db, activityId: string): Promise<void> {
	unwrap(await db.from('carer_activities').delete().eq('id', activityId));
}

/** What the start page adds for a signed-in person: whether they were invited back, and the year's activities. */
export async function yearlyRound(db: Db, userId: string | null, municipalityId: string | null, year: number) {
	if (!userId || !municipalityId) return { invited: false, activities: [] };
	const [invited, activities] = await Promise.all([wasInvited(db, userId, year), listActivities(db, municipalityId, year)]);
	return { invited, activities };
}
