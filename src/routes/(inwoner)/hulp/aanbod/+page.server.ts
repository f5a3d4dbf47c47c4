import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { listCategories } from '$lib/server/help/requests';
import { browseOffers } from '$lib/server/help/volunteers';

export const load: PageServerLoad = async ({ locals }) => {
	requireUser(locals);
	const [categories, offers] = await Promise.all([listCategories(locals.db), browseOffers(locals.db)]);
	return { categories, offers };
};
