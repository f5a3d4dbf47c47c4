// Saving and reading voice messages. Writes go through the person's own client, so RLS decides;
// the audio bytes are read back through PostgREST as raw bytes (application/octet-stream).
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { config } from '../config';
import { mintAccessToken } from '../db/jwt';
import { toBytea } from '../db/bytea';
import { checkVoiceUpload, type AudioType } from './audio';
import { isNotAllowed } from '../db/errors';
import type { Json } from '../db/types';
import { queueJob } from '../jobs/queue';

export type SaveResult = { ok: true; id: string } | { ok: false; error: string };

/** A file field with something in it, or nothing. */
export function uploadedFile(value: FormDataEntryValue | null): File | null {
	return value instanceof File && value.size > 0 ? value : null;
}

/** A checked recording, ready to be saved with the item it belongs to (insert_with_voice). */
export type PreparedVoice = { p_voice_mime: AudioType; p_voice_duration_ms: number | undefined; p_voice_bytes: string };

/**
 * Checks a recording without saving it. A person who may not post (blocked) is refused before
 * the file is read at all; then type, size and length, each within a bounded time.
 */
export async function prepareRecording(db: Db, file: File): Promise<{ ok: true; voice: PreparedVoice } | { ok: false; error: string }> {
	if (unwrap(await db.rpc('can_post')) !== true) return { ok: false, error: 'voice.errors.blocked' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const check = checkVoiceUpload(bytes);
	if (!check.ok) return check;
	return {
		ok: true,
		voice: {
			p_voice_mime: check.type,
			p_voice_duration_ms: check.seconds === null ? undefined : Math.round(check.seconds * 1000),
			p_voice_bytes: toBytea(Buffer.from(bytes))
		}
	};
}

/**
 * Stores a recording as the author's draft (description and audio in one transaction). The item
 * that points at it (its voice_id) ties it to itself when it is saved; from then on whoever may
 * see that item may hear it. Prefer saving the item and its recording together (insertWithVoice).
 */
export async function saveVoice(db: Db, _authorId: string, file: File): Promise<SaveResult> {
	const prepared = await prepareRecording(db, file);
	if (!prepared.ok) return prepared;
	const { p_voice_mime, p_voice_duration_ms, p_voice_bytes } = prepared.voice;
	const { data, error } = await db.rpc('save_voice_draft', { p_mime: p_voice_mime, p_duration_ms: p_voice_duration_ms as number, p_bytes: p_voice_bytes });
	if (error && isNotAllowed(error)) return { ok: false, error: 'voice.errors.blocked' };
	if (error) throw new Error(error.message);
	await queueTranscription();
	return { ok: true, id: data };
}

/** Written down now rather than at the next minute's run (any instance's worker takes it, once). */
async function queueTranscription(): Promise<void> {
	if (process.env.TRANSCRIBE_URL) await queueJob('voice-transcription');
}

/** A recording if there is one, checked but not yet saved; a refused file is the person's to fix (an i18n key). */
export async function recordingFor(db: Db, file: File | null): Promise<{ voice: PreparedVoice | null } | { error: string }> {
	if (!file) return { voice: null };
	const prepared = await prepareRecording(db, file);
	return prepared.ok ? { voice: prepared.voice } : { error: prepared.error };
}

/**
 * A recording kept as the author's draft right away, for forms of several screens that save a
 * draft item at each step; its id, or null without a file. A refused file is an i18n key.
 */
export async function keepDraft(db: Db, file: File | null): Promise<{ id: string | null } | { error: string }> {
	if (!file) return { id: null };
	const saved = await saveVoice(db, '', file);
	return saved.ok ? { id: saved.id } : { error: saved.error };
}

/**
 * Saves an item of a registered type and its recording (if any) in one transaction: when the
 * database refuses the item, no recording is left behind. `voice` may also be the id of a draft
 * recorded before (the author's own). Returns the item's id; throws the database's refusal (see db/errors).
 */
export async function insertWithVoice(db: Db, type: string, row: Record<string, unknown>, voice: PreparedVoice | string | null): Promise<string> {
	const recording = typeof voice === 'string' ? { p_voice: voice } : (voice ?? {});
	const id = unwrap(await db.rpc('insert_with_voice', { p_type: type, p_row: row as Json, ...recording }));
	if (voice && typeof voice !== 'string') await queueTranscription(); // a draft was queued when it was kept
	return id;
}

export async function readVoice(db: Db, id: string) {
	return unwrapMaybe(
		await db
			.from('voice_messages')
			.select('id, author_id, subject_type, subject_id, mime_type, byte_size, duration_ms, transcript, transcript_source, audio_deleted_at')
			.eq('id', id)
			.maybeSingle()
	);
}

/**
 * The audio bytes as this person may see them (RLS), or null. With a range, only those bytes:
 * Postgres reads just the chunks they are in.
 */
export async function readVoiceBytes(
	userId: string,
	id: string,
	range?: { start: number; end: number }
): Promise<Uint8Array<ArrayBuffer> | null> {
	const token = await mintAccessToken(userId);
	const query = range
		? `voice_audio_range?p_voice=${encodeURIComponent(id)}&p_from=${range.start}&p_length=${range.end - range.start + 1}`
		: `voice_audio_bytes?p_voice=${encodeURIComponent(id)}`;
	const res = await fetch(`${config.supabaseUrl}/rest/v1/rpc/${query}`, {
		headers: {
			apikey: config.supabaseAnonKey,
			authorization: `Bearer ${token}`,
			accept: 'application/octet-stream'
		}
	});
	if (!res.ok) return null;
	const bytes = new Uint8Array(await res.arrayBuffer());
	return bytes.length ? bytes : null;
}

export async function correctTranscript(db: Db, id: string, transcript: string): Promise<boolean> {
	const rows = unwrap(
		await db.from('voice_messages').update({ transcript, transcript_source: 'corrected' }).eq('id', id).select('id')
	);
	return rows.length === 1;
}

/** Which of these recordings this person may hear now (RLS), audio not yet deleted. */
export async function audibleVoiceIds(db: Db, ids: string[]): Promise<string[]> {
	const rows = unwrap(await db.from('voice_messages').select('id').in('id', ids).is('audio_deleted_at', null));
	return rows.map((r) => r.id);
}
