import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listCategories, listOpenInMyAreas } from '$lib/server/help/requests';
import { listOpenReports, moderate, type ModerationAction } from '$lib/server/help/moderation';

export const load: PageServerLoad = async ({ locals }) => {
	requireCoordinator(locals);
	const [requests, reports, categories] = await Promise.all([listOpenInMyAreas(locals.db), listOpenReports(locals.db), listCategories(locals.db)]);
	return { requests, reports, categories };
};

const ACTIONS: ModerationAction[] = ['hide_request', 'hide_offer', 'block_person', 'dismiss'];

export const actions: Actions = {
	moderate: async ({ request, locals }) => {
		requireCoordinator(locals);
		const form = await request.formData();
		const action = String(form.get('action')) as ModerationAction;
		const target = String(form.get('target') ?? '');
		const report = String(form.get('report') ?? '');
		if (!ACTIONS.includes(action) || !/^[0-9a-f-]{36}$/i.test(target)) return fail(400, { error: 'errors.form' });
		try {
			await moderate(locals.db, action, target, report || undefined);
		} catch {
			return fail(403, { error: 'errors.not_allowed' });
		}
		return { moderated: true };
	}
};
