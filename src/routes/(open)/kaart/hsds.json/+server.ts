// The whole sociale kaart as Open Referral HSDS 3.0 JSON, at a stable address, for reuse.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { exportHsds } from '$lib/server/social-map/hsds';

export const GET: RequestHandler = async ({ locals }) => {
	return json(await exportHsds(locals.db), {
		headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' }
	});
};
