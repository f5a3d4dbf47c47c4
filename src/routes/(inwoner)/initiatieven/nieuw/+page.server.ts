import { redirect } from '@sveltejs/kit';
import { superValidate, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { nameSchema } from '$lib/schemas/initiatives';
import { startInitiative } from '$lib/server/initiatives/initiatives';

export const load: PageServerLoad = async ({ locals }) => {
	requireUser(locals);
	return { form: await superValidate(zod4(nameSchema)) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, zod4(nameSchema));
		if (!form.valid) return fail(400, { form });
		// The first step saves the draft; every next screen changes it.
		const id = await startInitiative(locals.db, user.areaId, form.data.name);
		redirect(303, `/initiatieven/${id}/wat`);
	}
};
