import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import { readRequestPage, sendMessage, sendThanks, takeStep, writeSummary } from '$lib/server/help/lifecycle';
import { messageSchema, stepSchema, summarySchema, thanksSchema } from '$lib/schemas/help';
import { transcriptAction } from '$lib/server/voice/transcript-action';

async function formOf(request: Request) {
	return Object.fromEntries(await request.formData());
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const page = isUuid(params.id) ? await readRequestPage(locals.db, user, params.id) : null;
	if (!page) error(404, 'errors.not_found');
	return { ...page, justAsked: url.searchParams.has('gevraagd') };
};

export const actions: Actions = {
	/** One lifecycle step; the database checks who may do it and when. */
	act: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		const parsed = stepSchema.safeParse(await formOf(request));
		if (!parsed.success || !isUuid(params.id)) return fail(400, { actionError: 'help.errors.not_allowed' });
		const refused = await takeStep(locals.db, user, params.id, parsed.data.action, parsed.data.helper || undefined, url.origin);
		if (refused) return fail(refused.status, { actionError: refused.message });
		return { done: `help.done.${parsed.data.action}` };
	},

	message: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		const parsed = messageSchema.safeParse(await formOf(request));
		if (!parsed.success) return fail(400, { messageError: parsed.error.issues[0].message });
		const refused = await sendMessage(locals.db, user, params.id, parsed.data.body, parsed.data.voice ?? null, url.origin);
		if (refused) return fail(refused.status ?? 400, refused);
		return { messageSent: true };
	},

	summary: async ({ request, locals, params }) => {
		requireUser(locals);
		const parsed = summarySchema.safeParse(await formOf(request));
		if (!parsed.success) return fail(400, { summaryError: parsed.error.issues[0].message });
		if (!(await writeSummary(locals.db, params.id, parsed.data.summary))) return fail(403, { summaryError: 'errors.not_allowed' });
		return { done: 'voice.summarySaved' };
	},

	transcript: transcriptAction,

	thanks: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		const parsed = thanksSchema.safeParse(await formOf(request));
		if (!parsed.success) return fail(400, { thanksError: parsed.error.issues[0].message });
		const refused = await sendThanks(locals.db, user, params.id, parsed.data.body, parsed.data.voice ?? null);
		if (refused) return fail(refused.status ?? 400, refused);
		return { done: 'help.thanksSent' };
	}
};
