import { error, redirect } from '@sveltejs/kit';
import { superValidate, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { concernSchema, supportSchema } from '$lib/schemas/initiatives';
import { raiseConcern, readPublicName, setSupport } from '$lib/server/initiatives/followup';
import { refuse } from '$lib/server/forms';

// Neighbours and a published initiative: "ik steun dit", "ik doe mee", or a concern that only
// the founders and the municipality read (with the neighbour's name).
const initiativeId = (params: { id: string }) => (isUuid(params.id) ? params.id : error(404, 'initiatives.errors.not_found'));

export const load: PageServerLoad = async ({ locals, params }) => {
	requireUser(locals);
	const initiative = await readPublicName(locals.db, initiativeId(params));
	if (!initiative) error(404, 'initiatives.errors.not_found');
	return { initiative, form: await superValidate(zod4(concernSchema)) };
};

export const actions: Actions = {
	support: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, zod4(supportSchema));
		if (!form.valid) return fail(400, { form });
		const refused = await setSupport(locals.db, user.id, initiativeId(params), form.data.kind, form.data.on === 'ja');
		if (refused) error(refused.status, refused.message);
		redirect(303, `/initiatieven/${params.id}?gesteund#buren-title`);
	},
	concern: async ({ request, locals, params, url }) => {
		requireUser(locals);
		const form = await superValidate(request, zod4(concernSchema));
		if (!form.valid) return fail(400, { form });
		const refused = await raiseConcern(locals.db, initiativeId(params), form.data.concern, url.origin);
		if (refused) return refuse(form, refused);
		redirect(303, `/initiatieven/${params.id}?zorg#buren-title`);
	}
};
