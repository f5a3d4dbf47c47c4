// Saving and reading voice messages. Writes go through the person's own client, so RLS decides;
// the audio bytes are read back through PostgREST as raw bytes (application/octet-stream).
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { config } from '../config';
import { mintAccessToken } from '../db/jwt';
import { toBytea } from '../db/bytea';
import { checkVoiceUpload } from './audio';

export type SaveResult = { ok: true; id: string } | { ok: false; error: string };

/** A file field with something in it, or nothing. */
export function uploadedFile(value: FormDataEntryValue | null): File | null {
	return value instanceof File && value.size > 0 ? value : null;
}

/**
 * Stores a recording as the author's draft. The item that points at it (its voice_id) ties it
 * to itself when it is saved; from then on whoever may see that item may hear it.
 */
export async function saveVoice(db: Db, authorId: string, file: File): Promise<SaveResult> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	const check = checkVoiceUpload(bytes);
	if (!check.ok) return check;
	const row = unwrap(
		await db
			.from('voice_messages')
			.insert({
				author_id: authorId,
				mime_type: check.type,
				byte_size: bytes.length,
				duration_ms: check.seconds === null ? null : Math.round(check.seconds * 1000)
			})
			.select('id')
			.single()
	);
	const audio = await db.from('voice_audio').insert({ voice_id: row.id, bytes: toBytea(Buffer.from(bytes)) });
	if (audio.error) {
		// Nothing half-saved: without its audio the description goes too (the author may delete drafts).
		await db.from('voice_messages').delete().eq('id', row.id);
		throw new Error(audio.error.message);
	}
	return { ok: true, id: row.id };
}

/** Saves a recording if there is one; a refused file is the person's to fix (an i18n key). */
export async function recordingFor(db: Db, authorId: string, file: File | null): Promise<{ id: string | null } | { error: string }> {
	if (!file) return { id: null };
	const saved = await saveVoice(db, authorId, file);
	return saved.ok ? { id: saved.id } : { error: saved.error };
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
