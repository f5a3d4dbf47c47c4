import type { PageServerLoad } from './$types';
import { requireOfficer } from '$lib/server/auth/guard';
import { listInbox } from '$lib/server/initiatives/answers';
import { ASK_KINDS, type AskKind } from '$lib/schemas/initiatives';

// The officer's inbox: asks of their municipality without an answer, late first, then by
// deadline, then those waiting for the founder; and the reconsiderations for a team lead.
export const load: PageServerLoad = async ({ locals, url }) => {
	requireOfficer(locals);
	const wanted = url.searchParams.get('soort');
	const kind = (ASK_KINDS as readonly string[]).includes(wanted ?? '') ? (wanted as AskKind) : undefined;
	return { kind: kind ?? '', ...(await listInbox(locals.db, kind)) };
};
