import { error, redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { STEPS, stepSchemas, type Step } from '$lib/schemas/initiatives';
import { readInitiative, saveStep } from '$lib/server/initiatives/initiatives';
import { listAreas } from '$lib/server/people';
import { uploadedFile } from '$lib/server/voice/store';

// One schema per screen; the URL names the screen (the matcher allows only these).
const adapter = (step: Step) => zod4(stepSchemas[step] as typeof stepSchemas.wat);
const next = (id: string, step: Step) => (step === 'wie' ? `/initiatieven/${id}/vragen` : `/initiatieven/${id}/${STEPS[STEPS.indexOf(step) + 1]}`);

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const found = isUuid(params.id) ? await readInitiative(locals.db, params.id, user.id) : null;
	if (!found) error(404, 'initiatives.errors.not_found');
	if (!found.canEdit) redirect(303, `/initiatieven/${params.id}`);
	const step = params.step as Step;
	const { initiative } = found;
	const values = { description: initiative.description ?? '', area_id: initiative.area_id ?? user.areaId ?? '', place: initiative.place ?? '', when_text: initiative.when_text ?? '', email: '' };
	return {
		step,
		number: STEPS.indexOf(step) + 2,
		total: STEPS.length + 2,
		initiative: { id: initiative.id, name: initiative.name, voice_id: initiative.voice_id, place_voice_id: initiative.place_voice_id, when_voice_id: initiative.when_voice_id },
		areas: step === 'waar' ? await listAreas(locals.db) : [],
		form: await superValidate(values, adapter(step), { errors: false })
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		if (!isUuid(params.id)) error(404, 'initiatives.errors.not_found');
		const step = params.step as Step;
		const formData = await request.formData();
		const voice = uploadedFile(formData.get('voice'));
		formData.delete('voice');
		const form = await superValidate(formData, adapter(step));
		if (!form.valid) return fail(400, { form });
		const saved = await saveStep(locals.db, { userId: user.id, origin: url.origin }, params.id, step, form.data as Record<string, string>, voice);
		if (!saved.ok) return setError(form, saved.field as 'description', saved.error, { status: saved.status });
		redirect(303, next(params.id, step));
	}
};
