import type { PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listRegisteredResidents } from '$lib/server/people';

export const load: PageServerLoad = async ({ locals }) => {
	requireCoordinator(locals);
	return { residents: await listRegisteredResidents(locals.db) };
};
