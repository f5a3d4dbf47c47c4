import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { adviseFirst, refuse } from '$lib/server/forms';
import { readCheckQuestions, saveCheckQuestions } from '$lib/server/carers';
import { checkScaleSchema } from '$lib/schemas/carers';
import { requireCarerOfficer } from '../officer';

const scaleForm = zod4(checkScaleSchema);

/** The questions of "Hoe gaat het met u?" for carers in this municipality. */
export const load: PageServerLoad = async ({ locals }) => {
	const { municipalityId } = await requireCarerOfficer(locals);
	const current = await readCheckQuestions(locals.db, municipalityId);
	const form = await superValidate({ questions: current.questions.join('\n'), heavy_from: String(current.heavy_from).replace('.', ',') }, scaleForm, { errors: false });
	return { current, form };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const { user, municipalityId } = await requireCarerOfficer(locals);
		const form = await superValidate(request, scaleForm);
		if (!form.valid) return fail(400, { form });
		const held = adviseFirst(form, ['questions']); // carers read these: plain-language tips first
		if (held) return held;
		const saved = await saveCheckQuestions(locals.db, user.id, municipalityId, form.data);
		if (!saved.ok) return refuse(form, { status: saved.status, field: 'questions', message: saved.error });
		return message(form, 'carers.questions.saved');
	}
};
