import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { readHelpOverview } from '$lib/server/help/requests';

// One call: help_overview() returns what the page shows (RLS decides; browse_requests returns
// nothing without a volunteer profile).
export const load: PageServerLoad = async ({ locals }) => readHelpOverview(locals.db, requireUser(locals));
