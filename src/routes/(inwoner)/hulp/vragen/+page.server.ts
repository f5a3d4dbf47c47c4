import { error, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { fail, superValidate, withFiles, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { listCategories } from '$lib/server/help/requests';
import { ask, nextAskScreen, type AskRefusal } from '$lib/server/help/lifecycle';
import { listAreas, readProfile } from '$lib/server/people';
import { askSchema, screenAfterErrors, type AskForm, type AskInput } from '$lib/schemas/help';
import { refuse } from '$lib/server/forms';

const askForm = zod4(askSchema);

/** For a coordinator: the resident they ask for (RLS: people in their areas; registered by phone). */
async function residentFor(locals: App.Locals, id: string | null) {
	if (!id) return null;
	const resident = isUuid(id) ? await readProfile(locals.db, id) : null;
	if (!resident || !resident.created_by) error(404, 'errors.not_found');
	return { id: resident.id, name: resident.display_name ?? '', areaId: resident.area_id };
}

/** Back to the screen with the (first) error, the answers kept. */
function refused(form: SuperValidated<AskForm>, refusal?: AskRefusal) {
	form.data.step = refusal?.step ?? screenAfterErrors(form.errors, form.data.step);
	return refusal ? refuse(form, refusal) : fail(400, { form });
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const resident = await residentFor(locals, url.searchParams.get('voor'));
	const initial = { submission_id: randomUUID(), requester_id: resident?.id ?? '', area_id: resident?.areaId ?? user.areaId ?? '', when_kind: 'asap' as const };
	const form = await superValidate(initial, askForm, { errors: false });
	return { form, resident, categories: await listCategories(locals.db), areas: await listAreas(locals.db) };
};

export const actions: Actions = {
	/** Checks the question on screen and moves to the next one (or back); the recording is not sent back. */
	step: async ({ request, locals }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, askForm);
		if (!form.valid) return refused(form);
		const moved = await nextAskScreen(locals.db, user, form.data);
		if ('status' in moved) return refused(form, moved);
		Object.assign(form.data, moved, { voice: undefined });
		return withFiles({ form });
	},

	/** The summary's "Hulp vragen": checks every screen again and saves it once. */
	send: async ({ request, locals, url }) => {
		const user = requireUser(locals);
		const posted = await request.formData();
		posted.set('step', 'summary');
		const form = await superValidate(posted, askForm, { strict: true });
		if (!form.valid) return refused(form);
		const asked = await ask(locals.db, user, form.data as AskInput, url.origin);
		if ('status' in asked) return refused(form, asked);
		redirect(303, `/hulp/${asked.id}?gevraagd`);
	}
};
