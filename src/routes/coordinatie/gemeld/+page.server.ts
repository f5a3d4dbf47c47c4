import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listOpenReports, moderate } from '$lib/server/moderation';
import { moderationSchema } from '$lib/schemas/moderation';

const moderationForm = zod4(moderationSchema);

export const load: PageServerLoad = async ({ locals }) => {
	requireCoordinator(locals);
	// One form per report, all with the same schema and id: only one notice shows at a time.
	return { reports: await listOpenReports(locals.db), form: await superValidate(moderationForm, { id: 'moderate' }) };
};

export const actions: Actions = {
	moderate: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await superValidate(request, moderationForm);
		if (!form.valid) return fail(400, { form });
		const { action, subject_type, subject_id, report } = form.data;
		const outcome = await moderate(locals.db, action, { type: subject_type, id: subject_id }, report || undefined);
		if (!outcome.ok) return setError(form, outcome.status === 403 ? 'errors.not_allowed' : 'errors.form', { status: outcome.status });
		return message(form, 'coordination.moderated');
	}
};
