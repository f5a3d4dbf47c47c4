import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { refuse } from '$lib/server/forms';
import { addActivity, currentYear, listActivitiesForOfficer, removeActivity } from '$lib/server/carers';
import { activityIdSchema, activitySchema } from '$lib/schemas/carers';
import { requireCarerOfficer } from '../officer';

/** Dag van de Mantelzorg: the officer's activities of this year, with who signed up. */
export const load: PageServerLoad = async ({ locals }) => {
	const { municipalityId } = await requireCarerOfficer(locals);
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
		const { user, municipalityId } = await requireCarerOfficer(locals);
		const form = await superValidate(request, zod4(activitySchema));
		if (!form.valid) return fail(400, { form });
		const saved = await addActivity(locals.db, user.id, municipalityId, form.data);
		if (!saved.ok) return refuse(form, saved.refusal);
		return message(form, 'carers.yearly.added');
	},

	remove: async ({ request, locals }) => {
		await requireCarerOfficer(locals);
		const removeForm = await superValidate(request, zod4(activityIdSchema));
		if (!removeForm.valid) return fail(400, { removeForm });
		await removeActivity(locals.db, removeForm.data.activity);
		return message(removeForm, 'carers.yearly.removed');
	}
};
