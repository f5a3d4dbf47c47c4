import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listOpenReports, moderate } from '$lib/server/moderation';
import { moderationSchema } from '$lib/schemas/moderation';

export const load: PageServerLoad = async ({ locals }) => {
	requireCoordinator(locals);
	return { reports: await listOpenReports(locals.db) };
};

export const actions: Actions = {
	moderate: async ({ request, locals }) => {
		requireCoordinator(locals);
		const parsed = moderationSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { error: 'errors.form' });
		const { action, subject_type, subject_id, report } = parsed.data;
		const outcome = await moderate(locals.db, action, { type: subject_type, id: subject_id }, report || undefined);
		if (!outcome.ok) return fail(outcome.status, { error: outcome.status === 400 ? 'errors.form' : 'errors.not_allowed' });
		return { moderated: true };
	}
};
