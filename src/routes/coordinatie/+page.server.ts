import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { introduce, readWorkspace } from '$lib/server/coordination/workspace';
import { finishCallBack, pickUpCallBack } from '$lib/server/coordination/call-backs';
import { finishCallBackSchema, introduceSchema, pickUpCallBackSchema } from '$lib/schemas/coordination';

const introduceForm = zod4(introduceSchema);
const pickUpForm = zod4(pickUpCallBackSchema);
const finishForm = zod4(finishCallBackSchema);

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireCoordinator(locals);
	const [workspace, form, pickUpCallBackForm, finishCallBackForm] = await Promise.all([
		readWorkspace(locals.db, user),
		superValidate(introduceForm, { id: 'introduce' }),
		superValidate(pickUpForm, { id: 'pick-up' }),
		superValidate(finishForm, { id: 'call-back-done' })
	]);
	return { ...workspace, form, pickUpCallBackForm, finishCallBackForm };
};

export const actions: Actions = {
	introduce: async ({ request, locals, url }) => {
		const user = requireCoordinator(locals);
		const form = await superValidate(request, introduceForm, { id: 'introduce' });
		if (!form.valid) return fail(400, { form });
		const refused = await introduce(locals.db, user, form.data.request, form.data.helper, url.origin);
		return refused ? refuse(form, refused) : message(form, 'coordination.workspace.introduced');
	},
	pickUp: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await superValidate(request, pickUpForm, { id: 'pick-up' });
		if (!form.valid) return fail(400, { form });
		const refused = await pickUpCallBack(locals.db, form.data.call_back);
		return refused ? refuse(form, refused) : message(form, 'coordination.callBacks.pickedUp');
	},
	callBackDone: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await superValidate(request, finishForm, { id: 'call-back-done' });
		if (!form.valid) return fail(400, { form });
		const refused = await finishCallBack(locals.db, form.data.call_back, form.data.note);
		return refused ? refuse(form, refused) : message(form, 'coordination.callBacks.finished');
	}
};
