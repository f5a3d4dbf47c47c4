import { error } from '@sveltejs/kit';
import { superValidate, setError, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireOfficer } from '$lib/server/auth/guard';
import { ANSWER_TEXTS, answerSchema, questionSchema, reconsiderationResponseSchema } from '$lib/schemas/initiatives';
import { answerAsk, readAskForOfficer } from '$lib/server/initiatives/answers';
import { askFounder, respondToReconsideration } from '$lib/server/initiatives/followup';
import { adviseFirst, refuse } from '$lib/server/forms';

// One ask: the initiative beside the answer form, a question to the founder (the clock stops),
// and for the team lead the answer to a reconsideration. Each form has its own superforms id.
const forms = { answer: zod4(answerSchema), question: zod4(questionSchema), respond: zod4(reconsiderationResponseSchema) };

async function readAsk(locals: App.Locals, id: string) {
	requireOfficer(locals);
	const found = isUuid(id) ? await readAskForOfficer(locals.db, id) : null;
	if (!found) error(404, 'initiatives.errors.not_found');
	return found;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await readAsk(locals, params.id);
	const [form, question, respond] = await Promise.all([
		superValidate(forms.answer, { id: 'answer' }), superValidate(forms.question, { id: 'question' }), superValidate(forms.respond, { id: 'respond' })
	]);
	return { ...found, form, question, respond };
};

export const actions: Actions = {
	answer: async ({ request, locals, params, url }) => {
		await readAsk(locals, params.id);
		const form = await superValidate(request, forms.answer, { id: 'answer' });
		if (!form.valid) return fail(400, { form });
		const held = adviseFirst(form, ANSWER_TEXTS); // plain-language tips first, unless "Toch versturen"
		if (held) return held;
		const result = await answerAsk(locals.db, params.id, form.data, url.origin);
		if (!result.ok) return setError(form, result.field as 'alternative', result.error, { status: result.status });
		return message(form, 'initiatives.officer.sent');
	},
	question: async ({ request, locals, params, url }) => {
		await readAsk(locals, params.id);
		const form = await superValidate(request, forms.question, { id: 'question' });
		if (!form.valid) return fail(400, { form });
		const refused = await askFounder(locals.db, params.id, form.data.question, url.origin);
		return refused ? refuse(form, refused) : message(form, 'initiatives.ask.sent');
	},
	respond: async ({ request, locals, params, url }) => {
		await readAsk(locals, params.id);
		const form = await superValidate(request, forms.respond, { id: 'respond' });
		if (!form.valid) return fail(400, { form });
		const refused = await respondToReconsideration(locals.db, form.data.reconsideration_id, form.data.response, url.origin);
		return refused ? refuse(form, refused) : message(form, 'initiatives.reconsider.responded');
	}
};
