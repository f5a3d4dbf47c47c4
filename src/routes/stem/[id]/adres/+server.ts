// The signed address of a recording, for a player drawn in the browser after a client-side
// navigation (pages from the server carry it in their HTML). See voice/serve.ts.
import type { RequestHandler } from './$types';
import { signedAddressResponse } from '$lib/server/voice/serve';

export const GET: RequestHandler = ({ locals, params }) => signedAddressResponse({ id: params.id, userId: locals.user?.id ?? null, db: locals.db });
