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
	const bytes = await readVoiceBytes(locals.user.id, voice.id);
	if (!bytes) error(404, 'errors.not_found');

	const headers = {
		'content-type': voice.mime_type,
		'accept-ranges': 'bytes',
		'cache-control': 'private, no-store'
	};
	const range = parseRange(request.headers.get('range'), bytes.length);
	if (range === 'invalid') {
		return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${bytes.length}` } });
	}
	if (range) {
		return new Response(bytes.slice(range.start, range.end + 1), {
			status: 206,
			headers: { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${bytes.length}`, 'content-length': String(range.end - range.start + 1) }
		});
	}
	return new Response(bytes, { headers: { ...headers, 'content-length': String(bytes.length) } });
};
