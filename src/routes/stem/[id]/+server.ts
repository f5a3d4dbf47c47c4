// Serves a voice message to the people who may listen (RLS), with HTTP Range for Safari on iPhone.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readVoice, readVoiceBytes } from '$lib/server/voice/store';
import { parseRange } from '$lib/server/voice/range';
import { isUuid } from '$lib/server/auth/guard';

export const GET: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) error(403, 'errors.not_allowed');
	if (!isUuid(params.id)) error(404, 'errors.not_found');
	const voice = await readVoice(locals.db, params.id);
	if (!voice || voice.audio_deleted_at) error(404, 'errors.not_found');
	const size = voice.byte_size;
	const headers = {
		'content-type': voice.mime_type,
		'accept-ranges': 'bytes',
		'cache-control': 'private, no-store'
	};
	const range = parseRange(request.headers.get('range'), size);
	if (range === 'invalid') {
		return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
	}
	// RLS decides again here: readVoice saw the description, this reads the audio itself.
	const bytes = await readVoiceBytes(locals.user.id, voice.id, range ?? undefined);
	if (!bytes) error(404, 'errors.not_found');
	if (range) {
		return new Response(bytes, {
			status: 206,
			headers: { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': String(bytes.length) }
		});
	}
	return new Response(bytes, { headers: { ...headers, 'content-length': String(bytes.length) } });
};
