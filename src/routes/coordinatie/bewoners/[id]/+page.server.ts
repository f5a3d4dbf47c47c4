import { error } from '@sveltejs/kit';
import { superValidate, setError, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { profileSchema, profileValues } from '$lib/schemas/people';
import { isUuid, requireCoordinator } from '$lib/server/auth/guard';
import { readRegisteredResident, updateProfile } from '$lib/server/people';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireCoordinator(locals);
	// RLS shows a coordinator only the people in their own areas.
	const found = isUuid(params.id) ? await readRegisteredResident(locals.db, params.id) : null;
	if (!found) error(404, 'errors.not_found');
	const { profile, areas, log } = found;
	const form = await superValidate(profileValues(profile), zod4(profileSchema), { errors: false });
	return {
		resident: { id: profile.id, name: profile.display_name ?? '' },
		justRegistered: url.searchParams.has('nieuw'),
		form,
		areas,
		log
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		requireCoordinator(locals);
		if (!isUuid(params.id)) error(404, 'errors.not_found');
		const form = await superValidate(request, zod4(profileSchema));
		if (!form.valid) return fail(400, { form });
		// The database logs this change as done on behalf of the resident.
		const result = await updateProfile(locals.db, params.id, form.data);
		if (result.ok) return message(form, 'coordination.saved');
		if (result.reason === 'not_found') error(403, 'errors.not_allowed');
		return setError(form, 'area_id', 'errors.area_missing', { status: result.reason === 'area_not_allowed' ? 403 : 400 });
	}
};
