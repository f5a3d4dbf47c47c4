import { error } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { answerQuestion, readApplication } from '$lib/server/carers';
import { answerSchema } from '$lib/schemas/carers';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireUser(locals);
	const application = isUuid(params.id) ? await readApplication(locals.db, params.id) : null;
	if (!application) error(404, 'errors.not_found');
	const { account, ...rest } = application;
	return {
		application: rest,
		accountEnd: account ? account.iban.slice(-4) : null,
		justSent: url.searchParams.has('verstuurd'),
		form: await superValidate(zod4(answerSchema))
	};
};

export const actions: Actions = {
	/** The carer answers the officer's question. */
	default: async ({ request, locals, params }) => {
		requireUser(locals);
		const form = await superValidate(request, zod4(answerSchema));
		if (!form.valid) return fail(400, { form });
		const answered = await answerQuestion(locals.db, params.id, form.data.answer);
		if (!answered.ok) return setError(form, 'answer', answered.error, { status: answered.status });
		return message(form, 'carers.answered');
	}
};
