// Worry signals: a resident tells the contact persons of an area privately what worries them;
// a contact person picks it up and writes down what was done. The sender learns only that it
// was picked up. RLS decides who sees what (sender, the area's contact persons).
import { unwrap, type Db } from '../db/clients';
import { isBadInput, isNotAllowed } from '../db/errors';

export type MySignal = { id: string; area_id: string; body: string; created_at: string; picked_up: boolean };

/** Sends a worry signal to the contact persons of the area. */
export async function sendSignal(db: Db, input: { area_id: string; body: string }): Promise<{ ok: true; id: string } | { ok: false; status: 400 | 403 }> {
	const { data, error } = await db.from('worry_signals').insert({ area_id: input.area_id, body: input.body.trim() }).select('id').single();
	if (error) {
		if (isNotAllowed(error)) return { ok: false, status: 403 };
		if (isBadInput(error) || error.code === '23503') return { ok: false, status: 400 };
		unwrap({ data: null, error });
	}
	return { ok: true, id: data!.id };
}

/** The sender's own signals: what they wrote and whether it was picked up, nothing more. */
export async function listMySignals(db: Db, userId: string): Promise<MySignal[]> {
	const rows = unwrap(
		await db.from('worry_signals').select('id, area_id, body, created_at, acknowledged_at').eq('sender_id', userId).order('created_at', { ascending: false })
	);
	return rows.map(({ acknowledged_at, ...r }) => ({ ...r, picked_up: acknowledged_at !== null }));
}

/** For a contact person: the signals of their areas (and their own), oldest open first, with notes. */
export async function listSignalsForContactPerson(db: Db, userId: string) {
	const areas = unwrap(await db.from('area_contact_persons').select('area_id').eq('profile_id', userId)).map((a) => a.area_id);
	if (areas.length === 0) return [];
	const signals = unwrap(
		await db
			.from('worry_signals')
			.select('id, area_id, body, created_at, acknowledged_at, acknowledged_by, worry_signal_notes(note, written_at, written_by)')
			.in('area_id', areas)
			.order('created_at')
	);
	return signals.sort((a, b) => Number(a.acknowledged_at !== null) - Number(b.acknowledged_at !== null));
}

/** A contact person picks a signal up and writes down what was done. */
export async function acknowledgeSignal(db: Db, id: string, note: string): Promise<{ ok: true } | { ok: false; status: 400 | 403 }> {
	const { error } = await db.rpc('acknowledge_worry_signal', { signal: id, note });
	if (!error) return { ok: true };
	if (isNotAllowed(error)) return { ok: false, status: 403 };
	if (isBadInput(error)) return { ok: false, status: 400 };
	return unwrap({ data: null, error });
}
