// Serves a voice message: with a signed address from the page (no session looked up), or to the
// signed-in person RLS lets listen. HTTP Range for Safari on iPhone. See voice/serve.ts.
import type { RequestHandler } from './$types';
import { voiceResponse } from '$lib/server/voice/serve';

export const GET: RequestHandler = ({ locals, params, request, url }) =>
	voiceResponse({ id: params.id, url, range: request.headers.get('range'), userId: locals.user?.id ?? null, db: locals.db });
