import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { browseRequests, listCategories, listMyRequests } from '$lib/server/help/requests';
import { readVolunteerProfile } from '$lib/server/help/volunteers';
import { listThanksReceived } from '$lib/server/help/conversation';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const isVolunteer = user.roles.some((r) => r.role === 'volunteer');
	// One round of queries at once: browse_requests itself returns nothing without a volunteer profile.
	const [categories, mine, volunteer, nearby, thanks] = await Promise.all([
		listCategories(locals.db),
		listMyRequests(locals.db, user.id),
		isVolunteer ? readVolunteerProfile(locals.db, user.id) : null,
		isVolunteer ? browseRequests(locals.db) : [],
		isVolunteer ? listThanksReceived(locals.db, user.id) : []
	]);
	return {
		categories,
		asked: mine.filter((r) => r.requester_id === user.id),
		helping: mine.filter((r) => r.helper_id === user.id),
		isVolunteer,
		hasVolunteerProfile: !!volunteer,
		nearby,
		thanks
	};
};
