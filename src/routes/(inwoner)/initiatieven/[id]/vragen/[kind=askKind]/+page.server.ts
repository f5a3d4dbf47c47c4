import { error, redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { askSchemas, type AskKind } from '$lib/schemas/initiatives';
import { addAsk, readAskSetting, readInitiative } from '$lib/server/initiatives/initiatives';
import { uploadedFile } from '$lib/server/voice/store';

// The kind in the URL picks the form (the matcher allows only the seven kinds).
const adapter = (kind: AskKind) => zod4(askSchemas[kind] as unknown as typeof askSchemas.contact);

async function editable(locals: App.Locals, id: string) {
	const user = requireUser(locals);
	const found = isUuid(id) ? await readInitiative(locals.db, id, user.id) : null;
	if (!found) error(404, 'initiatives.errors.not_found');
	if (!found.canEdit) redirect(303, `/initiatieven/${id}`);
	return { user, initiative: found.initiative };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { initiative } = await editable(locals, params.id);
	const kind = params.kind as AskKind;
	return {
		kind,
		initiative: { id: initiative.id, name: initiative.name, area_id: initiative.area_id },
		setting: await readAskSetting(locals.db, initiative.municipality_id, kind),
		form: await superValidate(adapter(kind))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const { user } = await editable(locals, params.id);
		const kind = params.kind as AskKind;
		const formData = await request.formData();
		const voice = uploadedFile(formData.get('voice'));
		formData.delete('voice');
		const form = await superValidate(formData, adapter(kind));
		if (!form.valid) return fail(400, { form });
		const saved = await addAsk(locals.db, user.id, params.id, kind, form.data, voice);
		if (!saved.ok) return setError(form, saved.field as 'note', saved.error, { status: saved.status });
		redirect(303, `/initiatieven/${params.id}/vragen?toegevoegd`);
	}
};
