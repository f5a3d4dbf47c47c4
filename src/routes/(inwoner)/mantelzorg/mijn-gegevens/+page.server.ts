import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { deleteMyData, keepPaidYears } from '$lib/server/carers';
import { deleteMineSchema } from '$lib/schemas/carers';

/** The carer's own data: download it, or delete what no payment depends on. */
export const load: PageServerLoad = async ({ locals }) => {
	requireUser(locals);
	return { keepYears: await keepPaidYears(locals.db), form: await superValidate(zod4(deleteMineSchema)) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		requireUser(locals);
		const form = await superValidate(request, zod4(deleteMineSchema));
		if (!form.valid) return fail(400, { form });
		const { kept } = await deleteMyData(locals.db);
		return message(form, kept > 0 ? 'carers.own.deletedSomeKept' : 'carers.own.deleted');
	}
};
