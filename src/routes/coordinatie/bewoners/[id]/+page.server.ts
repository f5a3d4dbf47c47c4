import { error } from '@sveltejs/kit';
import { superValidate, setError, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { profileSchema } from '$lib/schemas/people';
import { isUuid, requireCoordinator } from '$lib/server/auth/guard';
import { isUnknownArea, listAreas, listAuditFor, readProfile, updateProfile } from '$lib/server/people';


export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireCoordinator(locals);
	// RLS shows a coordinator only the people in their own areas.
	const resident = isUuid(params.id) ? await readProfile(locals.db, params.id) : null;
	if (!resident || !resident.created_by) error(404, 'errors.not_found');
	const form = await superValidate(
		{
			display_name: resident.display_name ?? '',
			area_id: resident.area_id ?? '',
			preferred_language: resident.preferred_language === 'en' ? 'en' : 'nl',
			phone: resident.phone ?? ''
		},
		zod4(profileSchema),
		{ errors: false }
	);
	return {
		resident: { id: resident.id, name: resident.display_name ?? '' },
		justRegistered: url.searchParams.has('nieuw'),
		form,
		areas: await listAreas(locals.db),
		log: await listAuditFor(locals.db, resident.id)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		requireCoordinator(locals);
		if (!isUuid(params.id)) error(404, 'errors.not_found');
		const form = await superValidate(request, zod4(profileSchema));
		if (!form.valid) return fail(400, { form });
		let updated: boolean;
		try {
			// The database logs this change as done on behalf of the resident.
			updated = await updateProfile(locals.db, params.id, form.data);
		} catch (err) {
			if (isUnknownArea(err)) return setError(form, 'area_id', 'errors.area_missing');
			if ((err as { code?: string }).code === '42501') return setError(form, 'area_id', 'errors.area_missing', { status: 403 });
			throw err;
		}
		if (!updated) error(403, 'errors.not_allowed');
		return message(form, 'coordination.saved');
	}
};
