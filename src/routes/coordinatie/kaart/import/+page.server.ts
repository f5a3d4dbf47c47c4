import { fail, message, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { importHsds, importOrganisations } from '$lib/server/social-map/hsds-import';
import { hsdsImportSchema } from '$lib/schemas/social-map';

const importForm = zod4(hsdsImportSchema);

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireCoordinator(locals);
	return { form: await superValidate(importForm), organisations: await importOrganisations(locals.db, user.id) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireCoordinator(locals);
		const form = await superValidate(request, importForm);
		if (!form.valid) return fail(400, withFiles({ form }));
		const result = await importHsds(locals.db, user.id, await form.data.file.text(), form.data.organisation_id);
		if (!result.ok) return fail(result.status, withFiles({ form, problems: result.problems }));
		return message(form, { saved: result.saved }); // message() leaves the file out itself
	}
};
