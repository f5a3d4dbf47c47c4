import { error } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireOfficer } from '$lib/server/auth/guard';
import { adviseFirst, refuse } from '$lib/server/forms';
import { confirmByPhone, decide, markPaid, readApplication } from '$lib/server/carers';
import { decisionSchema, phoneConfirmSchema } from '$lib/schemas/carers';

export const load: PageServerLoad = async ({ locals, params }) => {
	requireOfficer(locals);
	const application = isUuid(params.id) ? await readApplication(locals.db, params.id) : null;
	if (!application) error(404, 'errors.not_found');
	return { application, form: await superValidate(zod4(decisionSchema)), phoneForm: await superValidate(zod4(phoneConfirmSchema)) };
};

export const actions: Actions = {
	/** Approve, ask something, or refuse with a reason; the domain tells the carer. */
	decide: async ({ request, locals, params, url }) => {
		requireOfficer(locals);
		const form = await superValidate(request, zod4(decisionSchema));
		if (!form.valid) return fail(400, { form });
		const held = adviseFirst(form, ['text']); // plain-language tips first, unless "Toch versturen"
		if (held) return held;
		const decided = await decide(locals.db, params.id, form.data.decision, form.data.text, url.origin);
		if (!decided.ok) return setError(form, 'text', decided.error, { status: decided.status });
		return message(form, 'carers.officer.decided');
	},

	/** Confirmed by the officer after a phone call with the person cared for (logged with the note). */
	phone: async ({ request, locals, params }) => {
		requireOfficer(locals);
		const phoneForm = await superValidate(request, zod4(phoneConfirmSchema));
		if (!phoneForm.valid) return fail(400, { phoneForm });
		const confirmed = await confirmByPhone(locals.db, params.id, phoneForm.data.note);
		if (!confirmed.ok) return refuse(phoneForm, confirmed.refusal);
		return message(phoneForm, 'carers.confirm.byPhoneDone');
	},

	/** The money was paid: the database deletes the bank account. */
	paid: async ({ locals, params }) => {
		requireOfficer(locals);
		const paid = await markPaid(locals.db, params.id);
		if (!paid.ok) return fail(paid.status, { paidError: paid.error });
		return { paid: true };
	}
};
