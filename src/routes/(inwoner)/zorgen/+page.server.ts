import { redirect } from '@sveltejs/kit';
import { fail, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { listAreas } from '$lib/server/people';
import { isContactPerson, listMySignals, sendSignalForm } from '$lib/server/signals';
import { signalSchema } from '$lib/schemas/signals';

const signalForm = zod4(signalSchema);

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const [form, areas, mine, contact] = await Promise.all([
		superValidate({ area_id: user.areaId ?? '' }, signalForm, { errors: false }),
		listAreas(locals.db),
		listMySignals(locals.db, user.id),
		isContactPerson(locals.db, user.id)
	]);
	return { form, areas, mine, contact };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		requireUser(locals);
		const form = await superValidate(request, signalForm);
		if (!form.valid) return fail(400, withFiles({ form }));
		const sent = await sendSignalForm(locals.db, form.data, url.origin);
		if ('status' in sent) return refuse(form, sent);
		redirect(303, `/zorgen/${sent.id}?verstuurd`);
	}
};
