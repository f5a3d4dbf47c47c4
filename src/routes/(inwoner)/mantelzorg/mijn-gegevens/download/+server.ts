// The carer's own data as one JSON file: applications, bank account, confirmation, voucher,
// answers, checks and call-back requests (what RLS lets the carer read).
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { exportMyData } from '$lib/server/carers';

export const GET: RequestHandler = async ({ locals }) => {
	const user = requireUser(locals);
	const data = await exportMyData(locals.db, user.id);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="mijn-gegevens-mantelzorg.json"',
			'cache-control': 'no-store'
		}
	});
};
