import type { PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listOpenInMyAreas } from '$lib/server/help/requests';

export const load: PageServerLoad = async ({ locals }) => {
	requireCoordinator(locals);
	return await listOpenInMyAreas(locals.db);
};
