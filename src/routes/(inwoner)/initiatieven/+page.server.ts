import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { listMyInitiatives } from '$lib/server/initiatives/initiatives';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	return { initiatives: await listMyInitiatives(locals.db, user.id) };
};
