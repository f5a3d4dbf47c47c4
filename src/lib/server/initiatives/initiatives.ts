// A resident's initiative: started with a name, filled in one question a screen (each screen
// saves the draft), asks added one by one, a summary, then sent. Everything goes through the
// person's own client: RLS and the database's checks decide; this module turns refusals into
// the i18n key the person sees next to the field.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import type { Database } from '../db/types';

type Row<K extends 'Insert' | 'Update'> = Database['public']['Tables']['initiatives'][K];
import { isBadInput, isNotAllowed, isMissing } from '../db/errors';
import { keepDraft } from '../voice/store';
import { createHash, randomBytes } from 'node:crypto';
import { sendMail } from '../mail';
import { translate } from '../i18n';
import { notify } from '../notifications';
import { detailsOf, type AskKind, type Step } from '$lib/schemas/initiatives';
import type { InitiativeNotificationKind } from './register';
import { readFollowUp } from './followup';

type InitiativeRow = Omit<Database['public']['Tables']['initiatives']['Row'], 'founder_id'> & { areas: { name: string } | null };

export type Refusal = { field: string; error: string; status: 400 | 403 };
type Result = { ok: true } | ({ ok: false } & Refusal);

const ok: Result = { ok: true };
const refused = (field: string, error: string, status: 400 | 403 = 400): Result => ({ ok: false, field, error, status });

// anon holds no grant on officer_id: the public sees what was answered, not by whom.
const ANSWER_COLUMNS = 'id, ask_id, decision, info, conditions, reason, explanation, alternative, supersedes, change_reason, created_at';

export async function startInitiative(db: Db, areaId: string | null, name: string): Promise<string> {
	// municipality_id is filled in by the database from the area (or the founder's area).
	const row = { name, area_id: areaId } as Row<'Insert'>;
	return unwrap(await db.from('initiatives').insert(row).select('id').single()).id;
}

export async function listMyInitiatives(db: Db, userId: string) {
	const [own, shared] = await Promise.all([
		db.from('initiatives').select('id, name, status, sent_at, created_at').eq('founder_id', userId).order('created_at', { ascending: false }).then(unwrap),
		db.from('initiative_cofounders').select('initiatives(id, name, status, sent_at, created_at)').eq('profile_id', userId).then(unwrap)
	]);
	return [...own, ...shared.flatMap((s) => (s.initiatives ? [s.initiatives] : []))];
}

/** The initiative, its asks with their state and deadline, and every answer (newest last). Null when the reader may not see it. */
export async function readInitiative(db: Db, id: string, userId: string | null) {
	// anon holds no grant on founder_id (who founded a published initiative is not public).
	const columns = 'id, municipality_id, name, description, voice_id, place, place_voice_id, when_text, when_voice_id, status, published, sent_at, area_id, areas(name)';
	const query = db.from('initiatives').select((userId ? `founder_id, ${columns}` : columns) as '*');
	const found = unwrapMaybe(await query.eq('id', id).maybeSingle()) as unknown as ({ founder_id?: string } & InitiativeRow) | null;
	if (!found) return null;
	// Recordings are for signed-in readers only (anon holds no grant on voice_messages).
	const recording =
		userId && found.voice_id
			? unwrapMaybe(await db.from('voice_messages').select('transcript, audio_deleted_at').eq('id', found.voice_id).maybeSingle())
			: null;
	const initiative = { ...found, voice_messages: recording };
	const [asks, answers, cofounders] = await Promise.all([
		db.from('initiative_ask_states').select('*').eq('initiative_id', id).order('kind').then(unwrap),
		db.from('initiative_answers').select(`${ANSWER_COLUMNS}, initiative_asks!inner(initiative_id)`).eq('initiative_asks.initiative_id', id).order('created_at').then(unwrap),
		userId ? db.from('initiative_cofounders').select('profile_id').eq('initiative_id', id).then(unwrap) : Promise.resolve([])
	]);
	const isFounder = !!userId && (initiative.founder_id === userId || cofounders.some((c) => c.profile_id === userId));
	const followUp = await readFollowUp(db, id, asks.map((a) => a.id!), answers.map((a) => a.id), userId);
	return { initiative, asks, answers, isFounder, canEdit: isFounder && initiative.status === 'draft', ...followUp };
}

/** Saves one screen of the draft. "wat" takes text or a recording; "wie" adds a co-founder by e-mail. */
export type Actor = { userId: string; origin: string };

/** The screens that take a spoken message: the text field, its voice column, and whether one of them is needed. */
const SPOKEN: Partial<Record<Step, { text: string; voice: 'voice_id' | 'place_voice_id' | 'when_voice_id'; required: boolean; missing: string }>> = {
	wat: { text: 'description', voice: 'voice_id', required: true, missing: 'voice.errors.text_or_voice' },
	waar: { text: 'place', voice: 'place_voice_id', required: false, missing: '' },
	wanneer: { text: 'when_text', voice: 'when_voice_id', required: true, missing: 'initiatives.errors.when_missing' }
};

export async function saveStep(db: Db, { userId, origin }: Actor, id: string, step: Step, data: Record<string, string>, voice: File | null): Promise<Result> {
	if (step === 'wie') return data.email ? addCofounder(db, id, data.email, origin) : ok;
	const changes: Row<'Update'> = { ...data };
	const spoken = SPOKEN[step];
	if (spoken) {
		const recording = await keepDraft(db, voice);
		if ('error' in recording) return refused(spoken.text, recording.error);
		if (recording.id) changes[spoken.voice] = recording.id;
		if (spoken.required && !data[spoken.text] && !recording.id) {
			const current = unwrapMaybe(await db.from('initiatives').select(spoken.voice).eq('id', id).maybeSingle()) as Record<string, string | null> | null;
			if (!current?.[spoken.voice]) return refused(spoken.text, spoken.missing);
		}
	}
	const { data: rows, error } = await db.from('initiatives').update(changes).eq('id', id).select('id');
	if (error && isBadInput(error)) return refused(Object.keys(data)[0], 'initiatives.errors.too_long');
	if (error && !isNotAllowed(error)) throw error;
	return error || rows.length === 0 ? refused(Object.keys(data)[0], 'initiatives.errors.not_yours', 403) : ok;
}

async function addCofounder(db: Db, id: string, email: string, origin: string): Promise<Result> {
	const { data: person, error } = await db.rpc('add_cofounder', { p_initiative: id, p_email: email });
	if (error && isMissing(error)) return inviteCofounder(db, id, email, origin);
	if (error && isNotAllowed(error)) return refused('email', 'initiatives.errors.only_founder', 403);
	if (error) throw error;
	await notify('cofounder_added' satisfies InitiativeNotificationKind, [person], { type: 'initiative', id }, origin);
	return ok;
}

/**
 * Someone without an account (yet) is invited by e-mail: the link holds a token whose SHA-256
 * alone is kept. Whoever signs in with that address and opens the link joins.
 */
async function inviteCofounder(db: Db, id: string, email: string, origin: string): Promise<Result> {
	const token = randomBytes(24).toString('base64url');
	const { error } = await db.rpc('invite_cofounder', { p_initiative: id, p_email: email, p_token_hash: tokenHash(token) });
	if (error && isNotAllowed(error)) return refused('email', 'initiatives.errors.only_founder', 403);
	if (error) throw error;
	const name = unwrapMaybe(await db.from('initiatives').select('name').eq('id', id).maybeSingle())?.name ?? '';
	await sendMail({
		to: email.trim().toLowerCase(),
		subject: translate('nl', 'mail.initiative_invite.subject'),
		text: `${translate('nl', 'mail.initiative_invite.body', { name })}\n\n${origin}/initiatieven/uitnodiging/${token}`
	});
	return ok;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The invitation behind a link, for the person signed in; null when there is none. */
export async function readInvite(db: Db, token: string) {
	return unwrap(await db.rpc('read_initiative_invite', { p_token_hash: tokenHash(token) }))[0] ?? null;
}

/** The person signed in with the invited address joins the initiative. */
export async function acceptInvite(db: Db, token: string): Promise<{ ok: true; initiativeId: string } | ({ ok: false } & Refusal)> {
	const { data, error } = await db.rpc('accept_initiative_invite', { p_token_hash: tokenHash(token) });
	if (error && isMissing(error)) return { ok: false, field: '', error: 'initiatives.invite.invalid', status: 400 };
	if (error && isNotAllowed(error)) return { ok: false, field: '', error: 'initiatives.invite.otherAddress', status: 403 };
	if (error) throw error;
	return { ok: true, initiativeId: data };
}

export async function addAsk(db: Db, userId: string, id: string, kind: AskKind, input: Record<string, unknown> & { note: string }, voice: File | null): Promise<Result> {
	const recording = await keepDraft(db, voice);
	if ('error' in recording) return refused('note', recording.error);
	const { error } = await db
		.from('initiative_asks')
		.insert({ initiative_id: id, kind, details: detailsOf(kind, input), note: input.note || null, voice_id: recording.id });
	if (!error) return ok;
	if (error.code === '23514' && kind === 'budget') return refused('amount', 'initiatives.errors.amount_over_max');
	if (isBadInput(error)) return refused('note', 'initiatives.errors.details_missing');
	if (isNotAllowed(error)) return refused('note', 'initiatives.errors.not_yours', 403);
	throw error;
}

export async function removeAsk(db: Db, askId: string): Promise<void> {
	unwrap(await db.from('initiative_asks').delete().eq('id', askId));
}

export async function sendInitiative(db: Db, id: string): Promise<Result> {
	const { error } = await db.rpc('send_initiative', { p_initiative: id });
	if (!error) return ok;
	if (isBadInput(error)) return refused('send', 'initiatives.errors.not_complete');
	if (isNotAllowed(error)) return refused('send', 'initiatives.errors.not_yours', 403);
	throw error;
}

export async function setPublished(db: Db, id: string, published: boolean): Promise<void> {
	unwrap(await db.from('initiatives').update({ published }).eq('id', id));
}

/** The initiative an ask belongs to, for the link in a notification or a report. */
export async function initiativeOfAsk(db: Db, askId: string): Promise<string | null> {
	return unwrapMaybe(await db.from('initiative_asks').select('initiative_id').eq('id', askId).maybeSingle())?.initiative_id ?? null;
}

/** How a municipality answers each kind: for the budget maximum and the "silence" note on the ask form. */
export async function readAskSetting(db: Db, municipalityId: string, kind: AskKind) {
	return unwrapMaybe(await db.from('initiative_ask_settings').select('working_days, on_timeout, max_amount').eq('municipality_id', municipalityId).eq('kind', kind).maybeSingle());
}
