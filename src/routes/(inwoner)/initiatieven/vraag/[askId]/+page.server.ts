import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { signInFor } from '$lib/server/auth/return-path';
import { hasRole, isUuid } from '$lib/server/auth/guard';
import { initiativeOfAsk } from '$lib/server/initiatives/initiatives';

// Notifications and reports link to an ask; it is shown on its initiative's page. An officer
// (a question answered, a reconsideration for the team lead) goes to the ask in the workspace.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const initiativeId = isUuid(params.askId) ? await initiativeOfAsk(locals.db, params.askId) : null;
	if (!initiativeId && !locals.user) redirect(303, signInFor(url.pathname));
	if (!initiativeId) error(404, 'initiatives.errors.not_found');
	if (hasRole(locals.user, 'officer')) redirect(303, `/gemeente/vragen/${params.askId}`);
	redirect(303, `/initiatieven/${initiativeId}#vraag-${params.askId}`);
};
