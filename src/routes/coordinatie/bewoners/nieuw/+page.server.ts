import { redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { registerResidentSchema } from '$lib/schemas/people';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listAreas, registerResident } from '$lib/server/people';
import type { DbError } from '$lib/server/db/clients';

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
		let id: string;
		try {
			id = await registerResident(locals.db, form.data);
		} catch (err) {
			// 42501: not a coordinator of that area; 23503: no such area.
			const code = (err as DbError).code;
			if (code === '42501' || code === '23503') return setError(form, 'area_id', 'errors.area_missing', { status: 403 });
			throw err;
		}
		redirect(303, `/coordinatie/bewoners/${id}?nieuw`);
	}
};
