import { redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { registerResidentSchema } from '$lib/schemas/people';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listAreas, registerResident } from '$lib/server/people';

export const load: PageServerLoad = async ({ locals }) => {
	requireCoordinator(locals);
	return {
		form: await superValidate(zod4(registerResidentSchema)),
		areas: await listAreas(locals.db)
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await superValidate(request, zod4(registerResidentSchema));
		if (!form.valid) return fail(400, { form });
		// The database checks the coordinator's area and logs the registration.
		const result = await registerResident(locals.db, form.data);
		if (!result.ok) return setError(form, 'area_id', 'errors.area_missing', { status: 403 });
		redirect(303, `/coordinatie/bewoners/${result.id}?nieuw`);
	}
};
