import { error, redirect, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { signInFor } from '$lib/server/auth/return-path';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { readInitiative, sendInitiative, setPublished } from '$lib/server/initiatives/initiatives';
import { tickCondition } from '$lib/server/initiatives/followup';
import { tickSchema } from '$lib/schemas/initiatives';

// The summary before sending, and afterwards the answers, the officer's questions, the
// conditions to tick off and reconsiderations. A published initiative is public: anyone may
// read it, signed in or not (RLS decides).
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const found = isUuid(params.id) ? await readInitiative(locals.db, params.id, locals.user?.id ?? null) : null;
	if (!found && !locals.user) redirect(303, signInFor(url.pathname));
	if (!found) error(404, 'initiatives.errors.not_found');
	const notice = ['verstuurd', 'beantwoord', 'heroverweging', 'gesteund', 'zorg', 'meedoen'].find((k) => url.searchParams.has(k)) ?? null;
	return { ...found, notice, signedIn: !!locals.user };
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
	},
	/** A condition of a "ja, mits" ticked off, or put back: one small form per condition. */
	tick: async ({ request, locals }) => {
		requireUser(locals);
		const form = await superValidate(request, zod4(tickSchema));
		if (!form.valid) return fail(400, { tickError: 'initiatives.errors.not_found' });
		const refused = await tickCondition(locals.db, form.data.answer_id, form.data.position, form.data.done === 'ja');
		return refused ? fail(refused.status, { tickError: refused.message }) : { ticked: form.data.done };
	}
};
