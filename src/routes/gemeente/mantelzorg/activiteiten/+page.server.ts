import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireOfficer } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { addActivity, currentYear, listActivitiesForOfficer, municipalityFor, removeActivity } from '$lib/server/carers';
import { activityIdSchema, activitySchema } from '$lib/schemas/carers';

async function officerAndMunicipality(locals: App.Locals) {
	const user = requireOfficer(locals);
	const municipalityId = await municipalityFor(locals.db, user);
	if (!municipalityId) error(404, 'errors.not_found');
	return { user, municipalityId };
}

/** Dag van de Mantelzorg: the officer's activities of this year, with who signed up. */
export const load: PageServerLoad = async ({ locals }) => {
	const { municipalityId } = await officerAndMunicipality(locals);
	const year = currentYear();
	return {
		year,
		activities: await listActivitiesForOfficer(locals.db, municipalityId, year),
		form: await superValidate({ starts_at: `${year}-11-10T14:00`, places: 20 }, zod4(activitySchema), { errors: false }),
		removeForm: await superValidate(zod4(activityIdSchema))
	};
};

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const { user, municipalityId } = await officerAndMunicipality(locals);
		const form = await superValidate(request, zod4(activitySchema));
		if (!form.valid) return fail(400, { form });
		const saved = await addActivity(locals.db, user.id, municipalityId, form.data);
		if (!saved.ok) return refuse(form, saved.refusal);
		return message(form, 'carers.yearly.added');
	},

	remove: async ({ request, locals }) => {
		await officerAndMunicipality(locals);
		const removeForm = await superValidate(request, zod4(activityIdSchema));
		if (!removeForm.valid) return fail(400, { removeForm });
		await removeActivity(locals.db, removeForm.data.activity);
		return message(removeForm, 'carers.yearly.removed');
	}
};
