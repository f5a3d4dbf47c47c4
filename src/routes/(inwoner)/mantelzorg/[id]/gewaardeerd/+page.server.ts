import { error } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { answerFeeling } from '$lib/server/carers';
import { feelingSchema } from '$lib/schemas/carers';

/** "Voelt u zich gewaardeerd?" for one approved application of the carer's own. */
export const load: PageServerLoad = async ({ locals, params }) => {
	requireUser(locals);
	if (!isUuid(params.id)) error(404, 'errors.not_found');
	return { form: await superValidate(zod4(feelingSchema)) };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		requireUser(locals);
		const form = await superValidate(request, zod4(feelingSchema));
		if (!form.valid) return fail(400, { form });
		const answered = await answerFeeling(locals.db, params.id, form.data.feeling as 'yes' | 'somewhat' | 'no');
		if (!answered.ok) return setError(form, 'feeling', answered.error, { status: answered.status });
		return { form, feeling: form.data.feeling };
	}
};
