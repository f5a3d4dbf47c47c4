// /stem/<id>: a voice message with HTTP Range (Safari on iPhone needs it).
// - With a signed address (signed-url.ts), made by a page after the database said this person may
//   hear it: the signature and expiry are checked here, no session is looked up, and one query
//   reads only the bytes asked for. Expired or changed: 403.
// - Without one (a draft just recorded in a form, or a page rendered in the browser): the
//   session decides, and RLS, as before.
import type { Db } from '../db/clients';
import { createUserClient } from '../db/clients';
import { directPool } from '../db/pool';
import { parseRange } from './range';
import { checkVoiceSignature, signedVoiceUrlFor } from './signed-url';
import { audibleVoiceIds, readVoice, readVoiceBytes } from './store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RANGE = /^bytes=(\d*)-(\d*)$/;

type Part = { mime: string; size: number; bytes: Uint8Array };

const plain = (status: number, message: string) =>
	new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export async function voiceResponse(opts: {
	id: string;
	url: URL;
	range: string | null;
	userId: string | null;
	db: Db;
}): Promise<Response> {
	const { id, url } = opts;
	if (!UUID.test(id)) return plain(404, 'Niet gevonden.');
	if (url.searchParams.has('s')) {
		const check = checkVoiceSignature(id, url.searchParams);
		if (!check.ok) return plain(403, check.reason === 'expired' ? 'Deze link is verlopen. Laad de pagina opnieuw.' : 'Geen toegang.');
		const expires = Number(url.searchParams.get('e'));
		const cache = `private, max-age=${Math.max(0, Math.min(3600, expires - Math.floor(Date.now() / 1000)))}`;
		const pool = directPool();
		if (pool) return answer(await readPartDirect(pool, id, opts.range), opts.range, cache);
		return answer(await readPartAs(createUserClient(check.viewer), check.viewer, id, opts.range), opts.range, cache);
	}
	if (!opts.userId) return plain(403, 'Geen toegang.');
	return answer(await readPartAs(opts.db, opts.userId, id, opts.range), opts.range, 'private, no-store');
}

function answer(part: Part | null | 'gone', rangeHeader: string | null, cacheControl: string): Response {
	if (!part || part === 'gone') return plain(404, 'Niet gevonden.');
	const headers: Record<string, string> = { 'content-type': part.mime, 'accept-ranges': 'bytes', 'cache-control': cacheControl };
	const range = parseRange(rangeHeader, part.size);
	if (range === 'invalid') return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${part.size}` } });
	if (range) {
		const bytes = part.bytes.subarray(0, range.end - range.start + 1);
		if (!bytes.length) return plain(404, 'Niet gevonden.');
		return new Response(bytes as Uint8Array<ArrayBuffer>, {
			status: 206,
			headers: { ...headers, 'content-range': `bytes ${range.start}-${range.start + bytes.length - 1}/${part.size}`, 'content-length': String(bytes.length) }
		});
	}
	if (!part.bytes.length) return plain(404, 'Niet gevonden.');
	return new Response(part.bytes as Uint8Array<ArrayBuffer>, { headers: { ...headers, 'content-length': String(part.bytes.length) } });
}

/** The asked-for bytes in one query on a direct connection: the signature already decided who may. */
async function readPartDirect(pool: NonNullable<ReturnType<typeof directPool>>, id: string, rangeHeader: string | null): Promise<Part | null> {
	let start: number | null = null;
	let end: number | null = null;
	if (rangeHeader) {
		const m = RANGE.exec(rangeHeader.trim());
		if (m && (m[1] !== '' || m[2] !== '')) {
			start = m[1] === '' ? null : Number(m[1]);
			end = m[2] === '' ? null : Number(m[2]);
			if (start !== null && end !== null && end < start) [start, end] = [0, 0]; // invalid: the size is enough
			if (start === null && end === 0) [start, end] = [0, 0];
		} else [start, end] = [0, 0]; // unreadable: read one byte, parseRange answers 416
		if (start !== null && start > 2 ** 31 - 2) [start, end] = [0, 0];
		if (end !== null && end > 2 ** 31 - 2) end = null;
	}
	// base64, not bytea's hex: a third less on the wire, and node-postgres reads it in half the time.
	const { rows } = await pool.query<{ mime_type: string; byte_size: number; part: string | null }>(
		`select m.mime_type, m.byte_size,
		        encode(case when $2::int is null and $3::int is null then a.bytes
		             when $2::int is null then substring(a.bytes from greatest(m.byte_size - $3::int, 0) + 1)
		             when $3::int is null then substring(a.bytes from $2::int + 1)
		             else substring(a.bytes from $2::int + 1 for $3::int - $2::int + 1) end, 'base64') as part
		   from public.voice_messages m join public.voice_audio a on a.voice_id = m.id
		  where m.id = $1 and m.audio_deleted_at is null`,
		[id, start, end]
	);
	const row = rows[0];
	if (!row || row.part === null) return null;
	const part = Buffer.from(row.part, 'base64'); // Postgres breaks base64 into lines; Node skips the line ends
	return { mime: row.mime_type, size: Number(row.byte_size), bytes: new Uint8Array(part.buffer, part.byteOffset, part.byteLength) };
}

/** As this person, under RLS: the description, then the bytes asked for. */
async function readPartAs(db: Db, userId: string, id: string, rangeHeader: string | null): Promise<Part | 'gone' | null> {
	const voice = await readVoice(db, id);
	if (!voice || voice.audio_deleted_at) return 'gone';
	const range = parseRange(rangeHeader, voice.byte_size);
	if (range === 'invalid') return { mime: voice.mime_type, size: voice.byte_size, bytes: new Uint8Array() };
	const bytes = await readVoiceBytes(userId, voice.id, range ?? undefined);
	if (!bytes) return null;
	return { mime: voice.mime_type, size: voice.byte_size, bytes };
}

/**
 * /stem/<id>/adres: the signed address of a recording as JSON, for a player drawn in the browser
 * after a client-side navigation (a page from the server has it in its HTML already). 404 for a
 * recording this person may not hear, as /stem/<id> itself answers.
 */
export async function signedAddressResponse(opts: { id: string; userId: string | null; db: Db }): Promise<Response> {
	const url = await signedVoiceUrlFor(opts.userId, opts.id, (ids) => audibleVoiceIds(opts.db, ids));
	if (!url) return plain(404, 'Niet gevonden.');
	return new Response(JSON.stringify({ url }), { headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' } });
}
