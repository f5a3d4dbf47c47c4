import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listVolunteersInMyAreas, setVogDate } from '$lib/server/help/volunteers';
import { todayInNL } from '$lib/schemas/help';

export const load: PageServerLoad = async ({ locals }) => {
	requireCoordinator(locals);
	return { volunteers: await listVolunteersInMyAreas(locals.db) };
};

export const actions: Actions = {
	vog: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await request.formData();
		const volunteer = String(form.get('volunteer') ?? '');
		const date = String(form.get('vog_date') ?? '').trim();
		if (!/^[0-9a-f-]{36}$/i.test(volunteer)) return fail(400, { error: 'errors.form', volunteer });
		if (date !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > todayInNL())) {
			return fail(400, { error: 'coordination.vogDateWrong', volunteer });
		}
		// RLS: only coordinators of the volunteer's area can change it; the guard trigger checks it too.
		const saved = await setVogDate(locals.db, volunteer, date || null).catch(() => false);
		if (!saved) return fail(403, { error: 'errors.not_allowed', volunteer });
		return { saved: volunteer };
	}
};
