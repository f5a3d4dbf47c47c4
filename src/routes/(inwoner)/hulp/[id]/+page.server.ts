import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { readRequestPage, sendMessage, sendThanks, takeStep, writeSummary } from '$lib/server/help/lifecycle';
import { messageSchema, stepSchema, summarySchema, thanksSchema } from '$lib/schemas/help';
import { transcriptAction } from '$lib/server/voice/transcript-action';
import { refuse } from '$lib/server/forms';

// Several forms on one page, each with its own superforms id.
const forms = { act: zod4(stepSchema), message: zod4(messageSchema), thanks: zod4(thanksSchema), summary: zod4(summarySchema) };

/** The request id from the URL: anything but a UUID is a page that does not exist. */
const requestId = (params: { id: string }) => (isUuid(params.id) ? params.id : error(404, 'errors.not_found'));

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const page = await readRequestPage(locals.db, user, requestId(params));
	if (!page) error(404, 'errors.not_found');
	const [act, messageForm, thanks, summary] = await Promise.all([
		superValidate(forms.act, { id: 'act' }), superValidate(forms.message, { id: 'message' }), superValidate(forms.thanks, { id: 'thanks' }),
		superValidate({ summary: page.request.summary ?? '' }, forms.summary, { id: 'summary', errors: false })
	]);
	return { ...page, forms: { act, message: messageForm, thanks, summary }, justAsked: url.searchParams.has('gevraagd') };
};

export const actions: Actions = {
	/** One lifecycle step; the database checks who may do it and when. */
	act: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, forms.act, { id: 'act' });
		if (!form.valid) return fail(400, { form });
		const refused = await takeStep(locals.db, user, requestId(params), form.data.action, form.data.helper || undefined, url.origin);
		return refused ? refuse(form, refused) : message(form, `help.done.${form.data.action}`);
	},
	message: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, forms.message, { id: 'message' });
		if (!form.valid) return fail(400, { form });
		const refused = await sendMessage(locals.db, user, requestId(params), form.data.body, form.data.voice ?? null, url.origin);
		return refused ? refuse(form, refused) : message(form, 'help.messageSent');
	},
	summary: async ({ request, locals, params }) => {
		requireUser(locals);
		const form = await superValidate(request, forms.summary, { id: 'summary' });
		if (!form.valid) return fail(400, { form });
		if (!(await writeSummary(locals.db, requestId(params), form.data.summary))) return refuse(form, { status: 403, field: 'summary', message: 'errors.not_allowed' });
		return message(form, 'voice.summarySaved');
	},
	transcript: transcriptAction,
	thanks: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		const form = await superValidate(request, forms.thanks, { id: 'thanks' });
		if (!form.valid) return fail(400, { form });
		const refused = await sendThanks(locals.db, user, requestId(params), form.data.body, form.data.voice ?? null);
		return refused ? refuse(form, refused) : message(form, 'help.thanksSent');
	}
};
