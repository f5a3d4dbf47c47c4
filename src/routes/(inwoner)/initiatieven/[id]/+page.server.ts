import { error, redirect, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { readInitiative, sendInitiative, setPublished } from '$lib/server/initiatives/initiatives';

// The summary before sending, and afterwards the answers. A published initiative is public:
// anyone may read it, signed in or not (RLS decides).
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const found = isUuid(params.id) ? await readInitiative(locals.db, params.id, locals.user?.id ?? null) : null;
	if (!found && !locals.user) redirect(303, '/inloggen');
	if (!found) error(404, 'initiatives.errors.not_found');
	return { ...found, justSent: url.searchParams.has('verstuurd') };
};

async function founderOnly(locals: App.Locals, id: string) {
	const user = requireUser(locals);
	const found = isUuid(id) ? await readInitiative(locals.db, id, user.id) : null;
	if (!found?.isFounder) error(403, 'initiatives.errors.not_yours');
	return found;
}

export const actions: Actions = {
	send: async ({ locals, params }) => {
		await founderOnly(locals, params.id);
		const sent = await sendInitiative(locals.db, params.id);
		if (!sent.ok) return fail(sent.status, { sendError: sent.error });
		redirect(303, `/initiatieven/${params.id}?verstuurd`);
	},
	publish: async ({ request, locals, params }) => {
		await founderOnly(locals, params.id);
		const published = (await request.formData()).get('published') === 'ja';
		await setPublished(locals.db, params.id, published);
		return { published };
	}
};
