import { fail, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { askCallBack, listMyChecks, myCheckQuestions, saveCheck } from '$lib/server/carers';
import { checkSchema } from '$lib/schemas/carers';

const checkForm = zod4(checkSchema);

/** "Hoe gaat het met u?": optional, never part of the appreciation; the municipality's questions, the carer's own history below. */
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const [questions, history] = await Promise.all([myCheckQuestions(locals.db), listMyChecks(locals.db, user.id)]);
	const form = await superValidate({ scale_id: questions.id, count: questions.questions.length }, checkForm, { errors: false });
	return { form, questions, history, areaId: user.areaId };
};

export const actions: Actions = {
	check: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, checkForm);
		if (!form.valid) return fail(400, withFiles({ form }));
		const checked = await saveCheck(locals.db, user, form.data);
		if ('status' in checked) return refuse(form, checked);
		return withFiles({ form, checked });
	},

	/** "Bel mij terug": one task for the carer-support team. */
	callBack: async ({ request, locals }) => {
		requireUser(locals);
		const checkId = String((await request.formData()).get('check_id') ?? '');
		if (!isUuid(checkId)) return fail(400, { callBackError: 'carers.errors.not_found' });
		const asked = await askCallBack(locals.db, checkId);
		if (!asked.ok) return fail(asked.status, { callBackError: asked.error, checked: { id: checkId, heavy: true, support: [] } });
		return { calledBack: true };
	}
};
