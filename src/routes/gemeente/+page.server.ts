import type { PageServerLoad } from './$types';
import { requireOfficer } from '$lib/server/auth/guard';
import { listInbox } from '$lib/server/initiatives/answers';
import { inboxFilterSchema } from '$lib/schemas/initiatives';

// The officer's inbox: asks of their municipality without an answer, late first, then by
// deadline, then those waiting for the founder; by kind, area and state when chosen; and the
// reconsiderations for a team lead.
export const load: PageServerLoad = async ({ locals, url }) => {
	requireOfficer(locals);
	const filter = inboxFilterSchema.parse(Object.fromEntries(url.searchParams));
	return {
		filter: { kind: filter.soort ?? '', area: filter.wijk ?? '', state: filter.status ?? '' },
		...(await listInbox(locals.db, { kind: filter.soort, area: filter.wijk, state: filter.status }))
	};
};
