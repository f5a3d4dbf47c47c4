import { superValidate, setError, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { vogDateSchema } from '$lib/schemas/people';
import { requireCoordinator } from '$lib/server/auth/guard';
import { setVogDate } from '$lib/server/help/volunteers';
import { listVolunteers } from '$lib/server/coordination/workspace';

const vogForm = zod4(vogDateSchema);

export const load: PageServerLoad = async ({ locals }) => {
	requireCoordinator(locals);
	const volunteers = await listVolunteers(locals.db);
	return {
		volunteers: await Promise.all(
			volunteers.map(async (v) => ({
				id: v.profile_id,
				name: v.name ?? '',
				area: v.area_name ?? '',
				categories: v.categories,
				lastActive: v.last_active,
				vogExpires: v.vog_expires,
				vogExpiring: v.vog_expiring,
				vogExpired: v.vog_expired,
				// One form per volunteer; the id tells superforms which one was sent.
				form: await superValidate({ volunteer: v.profile_id, vog_date: v.vog_date ?? '' }, vogForm, {
					id: `vog-${v.profile_id}`,
					errors: false
				})
			}))
		)
	};
};

export const actions: Actions = {
	vog: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await superValidate(request, vogForm);
		if (!form.valid) return fail(400, { form });
		// RLS: only coordinators of the volunteer's area can change it; the guard trigger checks it too.
		const saved = await setVogDate(locals.db, form.data.volunteer, form.data.vog_date || null).catch(() => false);
		if (!saved) return setError(form, 'vog_date', 'errors.not_allowed', { status: 403 });
		return message(form, 'coordination.vogSaved');
	}
};
