import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { browseRequests, listCategories, listMyRequests } from '$lib/server/help/requests';
import { readVolunteerProfile } from '$lib/server/help/volunteers';
import { listThanksReceived } from '$lib/server/help/conversation';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const isVolunteer = user.roles.some((r) => r.role === 'volunteer');
	const [categories, mine, volunteer] = await Promise.all([
		listCategories(locals.db),
		listMyRequests(locals.db, user.id),
		isVolunteer ? readVolunteerProfile(locals.db, user.id) : null
	]);
	return {
		categories,
		asked: mine.filter((r) => r.requester_id === user.id),
		helping: mine.filter((r) => r.helper_id === user.id),
		isVolunteer,
		hasVolunteerProfile: !!volunteer,
		nearby: volunteer ? await browseRequests(locals.db) : [],
		thanks: isVolunteer ? await listThanksReceived(locals.db, user.id) : []
	};
};
