import { error, redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireOfficer } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { readPartner, removePartner } from '$lib/server/carers';
import { partnerIdSchema } from '$lib/schemas/carers';

/** The officer removes a partner: asked once more, since its staff can then no longer use any code. */
export const load: PageServerLoad = async ({ locals, params }) => {
	requireOfficer(locals);
	const partner = isUuid(params.id) ? await readPartner(locals.db, params.id) : null;
	if (!partner) error(404, 'carers.errors.partner_not_found');
	return { partner, form: await superValidate({ partner: partner.id }, zod4(partnerIdSchema)) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		requireOfficer(locals);
		const form = await superValidate(request, zod4(partnerIdSchema));
		if (!form.valid) return fail(400, { form });
		const removed = await removePartner(locals.db, form.data.partner);
		if (!removed.ok) return refuse(form, removed.refusal);
		redirect(303, '/gemeente/mantelzorg?partner=weg#partners');
	}
};
