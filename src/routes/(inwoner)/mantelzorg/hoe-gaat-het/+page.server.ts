import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { askCallBack, listMyChecks, saveCheck } from '$lib/server/carers';
import { checkSchema } from '$lib/schemas/carers';

/** "Hoe gaat het met u?": optional, never part of the appreciation; the carer's own history below. */
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	return { form: await superValidate(zod4(checkSchema)), history: await listMyChecks(locals.db, user.id), areaId: user.areaId };
};

export const actions: Actions = {
	check: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, zod4(checkSchema));
		if (!form.valid) return fail(400, { form });
		return { form, checked: await saveCheck(locals.db, user, form.data) };
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
