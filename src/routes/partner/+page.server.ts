import { error } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { myPartner, useVoucher } from '$lib/server/carers';
import { voucherSchema } from '$lib/schemas/carers';

/** A partner (shop, cinema, florist) of the carers' appreciation checks and redeems codes. Partners only. */
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const partner = await myPartner(locals.db, user.id);
	if (!partner) error(403, 'carers.errors.only_partners');
	return { partner, form: await superValidate(zod4(voucherSchema)) };
};

export const actions: Actions = {
	/** "Controleren" looks; "Inwisselen" uses the code, once (the database refuses a second time). */
	default: async ({ request, locals }) => {
		requireUser(locals);
		const form = await superValidate(request, zod4(voucherSchema));
		if (!form.valid) return fail(400, { form });
		const answer = await useVoucher(locals.db, form.data.code, form.data.action);
		if (!answer.ok) return refuse(form, answer.refusal);
		return { form, answer };
	}
};
