import type { PageServerLoad } from './$types';
import { requireOfficer } from '$lib/server/auth/guard';

export const load: PageServerLoad = ({ locals }) => {
	requireOfficer(locals);
	return {};
};
