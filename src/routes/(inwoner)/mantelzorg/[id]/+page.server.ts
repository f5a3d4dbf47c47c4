import { error, redirect } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, isUuid, requireUser } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { answerQuestion, confirmByPhone, newConfirmation, readApplication } from '$lib/server/carers';
import { answerSchema, newConfirmationSchema, phoneConfirmSchema } from '$lib/schemas/carers';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const application = isUuid(params.id) ? await readApplication(locals.db, params.id) : null;
	if (!application) error(404, 'errors.not_found');
	// An officer who follows a notification lands on the officer's page of the application.
	if (![application.carer_id, application.applied_by].includes(user.id) && hasRole(user, 'officer')) redirect(303, `/gemeente/mantelzorg/${params.id}`);
	const { account, ...rest } = application;
	return {
		application: rest,
		accountEnd: account ? account.iban.slice(-4) : null,
		justSent: url.searchParams.has('verstuurd'),
		userId: user.id,
		mayPhone: hasRole(user, 'coordinator') && application.carer_id !== user.id,
		form: await superValidate(zod4(answerSchema)),
		codeForm: await superValidate(zod4(newConfirmationSchema)),
		phoneForm: await superValidate(zod4(phoneConfirmSchema))
	};
};

export const actions: Actions = {
	/** The carer answers the officer's question. */
	answer: async ({ request, locals, params }) => {
		requireUser(locals);
		const form = await superValidate(request, zod4(answerSchema));
		if (!form.valid) return fail(400, { form });
		const answered = await answerQuestion(locals.db, params.id, form.data.answer);
		if (!answered.ok) return setError(form, 'answer', answered.error, { status: answered.status });
		return message(form, 'carers.answered');
	},

	/** A code for the person cared for (on paper or by phone), and the link by e-mail if an address is given. */
	code: async ({ request, locals, params, url }) => {
		requireUser(locals);
		const codeForm = await superValidate(request, zod4(newConfirmationSchema));
		if (!codeForm.valid) return fail(400, { codeForm });
		const made = await newConfirmation(locals.db, params.id, codeForm.data.email, url.origin, locals.lang);
		if (!made.ok) return refuse(codeForm, made.refusal);
		return { codeForm, made };
	},

	/** A coordinator confirms after a phone call with the person cared for (logged with the note). */
	phone: async ({ request, locals, params }) => {
		requireUser(locals);
		const phoneForm = await superValidate(request, zod4(phoneConfirmSchema));
		if (!phoneForm.valid) return fail(400, { phoneForm });
		const confirmed = await confirmByPhone(locals.db, params.id, phoneForm.data.note);
		if (!confirmed.ok) return refuse(phoneForm, confirmed.refusal);
		return message(phoneForm, 'carers.confirm.byPhoneDone');
	}
};
