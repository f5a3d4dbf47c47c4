// Worry signals: a resident tells the contact persons of an area privately what worries them,
// typed or spoken; a contact person picks it up and writes down what was done. The sender learns
// only that it was picked up. RLS decides who sees what (sender, the area's contact persons).
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { isBadInput, isNotAllowed, isUnknownReference } from '../db/errors';
import { insertWithVoice, recordingFor } from '../voice/store';
import { notify } from '../notifications';
import type { FieldRefusal } from '$lib/schemas/fields';
import './register';

export type MySignal = { id: string; area_id: string; body: string | null; voice_id: string | null; created_at: string; picked_up: boolean };

/** Sends a worry signal (text, a recording or both) and tells the area's contact persons. */
export async function sendSignal(
	db: Db,
	input: { area_id: string; body: string; voice?: File | null },
	siteOrigin = ''
): Promise<{ ok: true; id: string } | { ok: false; status: 400 | 403; field?: string; message?: string }> {
	const voice = await recordingFor(db, input.voice ?? null);
	if ('error' in voice) return { ok: false, status: 400, field: 'voice', message: voice.error };
	const body = input.body.trim() || null;
	if (!body && !voice.voice) return { ok: false, status: 400, field: 'body', message: 'signals.errors.text_or_voice' };
	let id: string;
	try {
		id = await insertWithVoice(db, 'worry_signal', { area_id: input.area_id, body }, voice.voice);
	} catch (err) {
		if (isNotAllowed(err)) return { ok: false, status: 403 };
		if (isBadInput(err) || isUnknownReference(err)) return { ok: false, status: 400 };
		throw err;
	}
	const recipients = unwrap(await db.rpc('worry_signal_recipients', { signal: id }));
	if (siteOrigin) await notify('worry_signal_new', recipients, { type: 'worry_signal', id }, siteOrigin);
	return { ok: true, id };
}

/** The same, answered as a form refusal (next to the field) or the new signal's id. */
export async function sendSignalForm(db: Db, input: { area_id: string; body: string; voice?: File }, siteOrigin: string): Promise<FieldRefusal | { id: string }> {
	const sent = await sendSignal(db, input, siteOrigin);
	if (sent.ok) return { id: sent.id };
	return { status: sent.status, field: sent.field ?? 'body', message: sent.message ?? (sent.status === 403 ? 'errors.not_allowed' : 'signals.errors.text_or_voice') };
}

/** The sender's own signals: what they wrote and whether it was picked up, nothing more. */
export async function listMySignals(db: Db, userId: string): Promise<MySignal[]> {
	const rows = unwrap(
		await db.from('worry_signals').select('id, area_id, body, voice_id, created_at, acknowledged_at').eq('sender_id', userId).order('created_at', { ascending: false })
	);
	return rows.map(({ acknowledged_at, ...r }) => ({ ...r, picked_up: acknowledged_at !== null }));
}

export type SignalToFollowUp = {
	id: string;
	area_id: string;
	area_name: string;
	body: string | null;
	voice_id: string | null;
	created_at: string;
	sender_name: string | null;
	due_at: string;
	late: boolean;
	acknowledged_at: string | null;
	picked_up_by: string | null;
};

/** For a contact person: the signals of their areas, open ones first, oldest first, with who picked each up. */
export async function listSignalsToFollowUp(db: Db): Promise<SignalToFollowUp[]> {
	return unwrap(await db.rpc('worry_signals_to_follow_up')) as SignalToFollowUp[];
}

/** For a contact person: the signals of their areas (and their own), oldest open first, with notes. */
export async function listSignalsForContactPerson(db: Db, userId: string) {
	const areas = unwrap(await db.from('area_contact_persons').select('area_id').eq('profile_id', userId)).map((a) => a.area_id);
	if (areas.length === 0) return [];
	const signals = unwrap(
		await db
			.from('worry_signals')
			.select('id, area_id, body, voice_id, created_at, acknowledged_at, acknowledged_by, worry_signal_notes(note, written_at, written_by)')
			.in('area_id', areas)
			.order('created_at')
	);
	return signals.sort((a, b) => Number(a.acknowledged_at !== null) - Number(b.acknowledged_at !== null));
}

/** Whether the person is a contact person of any area (and so has signals to follow up). */
export async function isContactPerson(db: Db, userId: string): Promise<boolean> {
	const rows = unwrap(await db.from('area_contact_persons').select('id').eq('profile_id', userId).limit(1));
	return rows.length > 0;
}

export type SignalPage =
	| { role: 'sender'; id: string; body: string | null; voice_id: string | null; created_at: string; picked_up: boolean }
	| { role: 'contact'; signal: SignalToFollowUp; notes: { note: string; written_at: string }[] };

/**
 * One signal as this person may see it: the contact person sees it all with the notes; the
 * sender sees what they sent and whether it was picked up. Null: not theirs to see.
 */
export async function readSignal(db: Db, userId: string, id: string): Promise<SignalPage | null> {
	const row = unwrapMaybe(await db.from('worry_signals').select('id, sender_id, area_id, body, voice_id, created_at, acknowledged_at').eq('id', id).maybeSingle());
	if (!row) return null;
	const followed = (await listSignalsToFollowUp(db)).find((s) => s.id === id);
	if (followed) {
		const notes = unwrap(await db.from('worry_signal_notes').select('note, written_at').eq('signal_id', id).order('written_at'));
		return { role: 'contact', signal: followed, notes };
	}
	if (row.sender_id !== userId) return null;
	return { role: 'sender', id: row.id, body: row.body, voice_id: row.voice_id, created_at: row.created_at, picked_up: row.acknowledged_at !== null };
}

/** A contact person picks a signal up and writes down what was done. */
export async function acknowledgeSignal(db: Db, id: string, note: string): Promise<{ ok: true } | { ok: false; status: 400 | 403 }> {
	const { error } = await db.rpc('acknowledge_worry_signal', { signal: id, note });
	if (!error) return { ok: true };
	if (isNotAllowed(error)) return { ok: false, status: 403 };
	if (isBadInput(error)) return { ok: false, status: 400 };
	return unwrap({ data: null, error });
}

/** The same from the signal's page: the sender is told it was picked up (only the first time). */
export async function acknowledgeSignalForm(db: Db, id: string, note: string, siteOrigin: string): Promise<FieldRefusal | null> {
	const before = unwrapMaybe(await db.from('worry_signals').select('sender_id, acknowledged_at').eq('id', id).maybeSingle());
	const done = await acknowledgeSignal(db, id, note);
	if (!done.ok) return { status: done.status, field: 'note', message: done.status === 403 ? 'errors.not_allowed' : 'signals.errors.note_missing' };
	if (before && !before.acknowledged_at) await notify('worry_signal_picked_up', [before.sender_id], { type: 'worry_signal', id }, siteOrigin);
	return null;
}
