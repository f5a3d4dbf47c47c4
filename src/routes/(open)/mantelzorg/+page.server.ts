import type { PageServerLoad } from './$types';
import { listMyApplications, thisYear } from '$lib/server/carers';

/** "Wat krijgt u?": this year's rules, open to everyone; a signed-in person also sees their applications. */
export const load: PageServerLoad = async ({ locals }) => {
	const year = await thisYear(locals.db, locals.user);
	const mine = locals.user ? await listMyApplications(locals.db, locals.user.id) : [];
	return { ...year, mine, signedIn: !!locals.user };
};
