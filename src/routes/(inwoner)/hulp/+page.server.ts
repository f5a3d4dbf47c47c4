import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { readHelpOverview } from '$lib/server/help/requests';
import { browsePageSchema } from '$lib/schemas/help';

// One call: help_overview() returns what the page shows (RLS decides; browse_requests returns
// nothing without a volunteer profile). ?na=<id> shows the open requests after that one.
export const load: PageServerLoad = async ({ locals, url }) => {
	const { na } = browsePageSchema.parse(Object.fromEntries(url.searchParams));
	return readHelpOverview(locals.db, requireUser(locals), na ?? null);
};
