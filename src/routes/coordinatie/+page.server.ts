import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireCoordinator } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { listRegisteredResidents } from '$lib/server/people';
import { introduce, readWorkspace } from '$lib/server/coordination/workspace';
import { introduceSchema } from '$lib/schemas/coordination';

const introduceForm = zod4(introduceSchema);

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireCoordinator(locals);
	const [workspace, residents, form] = await Promise.all([
		readWorkspace(locals.db, user),
		listRegisteredResidents(locals.db),
		superValidate(introduceForm, { id: 'introduce' })
	]);
	return { ...workspace, residents, form };
};

export const actions: Actions = {
	introduce: async ({ request, locals, url }) => {
		const user = requireCoordinator(locals);
		const form = await superValidate(request, introduceForm, { id: 'introduce' });
		if (!form.valid) return fail(400, { form });
		const refused = await introduce(locals.db, user, form.data.request, form.data.helper, url.origin);
		return refused ? refuse(form, refused) : message(form, 'coordination.workspace.introduced');
	}
};
