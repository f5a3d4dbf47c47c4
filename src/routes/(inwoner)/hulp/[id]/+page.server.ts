import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUuid, requireUser } from '$lib/server/auth/guard';
import {
	act, allowedActions, contactDetails, firstNameOf, listCategories, readAddress, readRequest, suggestHelpers, type HelpAction
} from '$lib/server/help/requests';
import { listMessages, listThanksFor, sendMessage, sendThanks } from '$lib/server/help/conversation';
import { notify } from '$lib/server/help/notify';
import { messageSchema, summarySchema, thanksSchema } from '$lib/schemas/help';
import { readVoice, saveVoice, uploadedFile } from '$lib/server/voice/store';
import { transcriptAction } from '$lib/server/voice/transcript-action';
import type { DbError } from '$lib/server/db/clients';


async function loadRequest(locals: App.Locals, id: string) {
	// RLS decides: the requester, the helper, volunteers while it is open, coordinators of the area.
	const request = isUuid(id) ? await readRequest(locals.db, id) : null;
	if (!request) error(404, 'errors.not_found');
	return request;
}

function who(locals: App.Locals, coordinatesArea: boolean) {
	const user = locals.user!;
	return { id: user.id, isVolunteer: user.roles.some((r) => r.role === 'volunteer'), coordinatesArea };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const request = await loadRequest(locals, params.id);
	const coordinatesArea = user.roles.some((r) => r.role === 'coordinator') && (await locals.db.rpc('is_coordinator_for_area', { area: request.area_id })).data === true;
	const mine = user.id === request.requester_id || user.id === request.helper_id;
	const matched = ['matched', 'done_pending', 'done'].includes(request.effective_status ?? '');
	const [requesterName, helperName, contact, address, messages, thanks, suggestions] = await Promise.all([
		firstNameOf(locals.db, request.requester_id),
		firstNameOf(locals.db, request.helper_id),
		mine && matched ? contactDetails(locals.db, request.id) : null,
		user.id === request.requester_id || coordinatesArea ? readAddress(locals.db, request.id) : null,
		mine && matched ? listMessages(locals.db, request.id) : [],
		mine ? listThanksFor(locals.db, request.id) : [],
		coordinatesArea && request.effective_status === 'open' ? suggestHelpers(locals.db, request.id) : []
	]);
	// RLS: only the author, the matched other side and coordinators get the recording.
	const voice = request.voice_id ? await readVoice(locals.db, request.voice_id) : null;
	return {
		request,
		voice: voice && !voice.audio_deleted_at ? voice : null,
		canEditTranscript: !!voice && (voice.author_id === user.id || coordinatesArea),
		me: user.id,
		requesterName,
		helperName,
		contact,
		address,
		messages,
		thanks,
		suggestions,
		coordinatesArea,
		actions: allowedActions(request, who(locals, coordinatesArea)),
		categories: await listCategories(locals.db),
		justAsked: url.searchParams.has('gevraagd')
	};
};

const ACTIONS: HelpAction[] = ['offer', 'introduce', 'accept', 'decline', 'withdraw', 'mark_done', 'confirm_done', 'cancel', 'reopen'];
const NOTIFY: Partial<Record<HelpAction, 'offer_received' | 'offer_accepted' | 'done'>> = {
	offer: 'offer_received',
	introduce: 'offer_received',
	accept: 'offer_accepted',
	mark_done: 'done'
};

export const actions: Actions = {
	/** One lifecycle step; the database checks who may do it and when. */
	act: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const action = String(form.get('action')) as HelpAction;
		if (!ACTIONS.includes(action) || !isUuid(params.id)) return fail(400, { actionError: 'help.errors.not_allowed' });
		const helper = form.get('helper');
		try {
			await act(locals.db, params.id, action, typeof helper === 'string' && isUuid(helper) ? helper : undefined);
		} catch (err) {
			const code = (err as DbError).code;
			if (code === 'P0001' || code === '42501' || code === 'P0002') {
				return fail(code === '42501' ? 403 : 409, { actionError: action === 'offer' ? 'help.errors.not_open' : 'help.errors.not_allowed' });
			}
			throw err;
		}
		const after = await readRequest(locals.db, params.id);
		const kind = NOTIFY[action];
		if (kind && after) {
			const other = user.id === after.requester_id ? after.helper_id : after.requester_id;
			// A resident without e-mail hears it from the coordinator who registered them.
			const requesterSide = after.created_by !== after.requester_id ? after.created_by : after.requester_id;
			const to = kind === 'offer_received' ? requesterSide : kind === 'offer_accepted' ? after.helper_id : other;
			await notify(kind, [to], params.id, url.origin);
		}
		return { done: `help.done.${action}` };
	},

	message: async ({ request, locals, params, url }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const parsed = messageSchema.safeParse({ body: form.get('body') ?? '' });
		if (!parsed.success) return fail(400, { messageError: parsed.error.issues[0].message });
		const file = uploadedFile(form.get('voice'));
		if (!parsed.data.body && !file) return fail(400, { messageError: 'voice.errors.message_text_or_voice' });
		try {
			let voiceId: string | null = null;
			if (file) {
				const saved = await saveVoice(locals.db, user.id, file, 'message', params.id);
				if (!saved.ok) return fail(400, { voiceError: saved.error });
				voiceId = saved.id;
			}
			await sendMessage(locals.db, params.id, user.id, parsed.data.body, voiceId);
		} catch (err) {
			if ((err as DbError).code === '42501') return fail(403, { messageError: 'errors.not_allowed' });
			throw err;
		}
		const r = await readRequest(locals.db, params.id);
		if (r) await notify('message', [user.id === r.requester_id ? r.helper_id : r.requester_id], params.id, url.origin);
		return { messageSent: true };
	},

	summary: async ({ request, locals, params }) => {
		requireUser(locals);
		const parsed = summarySchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { summaryError: parsed.error.issues[0].message });
		const { error: failed } = await locals.db.rpc('set_request_summary', { p_request: params.id, p_summary: parsed.data.summary });
		if (failed) return fail(403, { summaryError: 'errors.not_allowed' });
		return { done: 'voice.summarySaved' };
	},

	transcript: transcriptAction,

	thanks: async ({ request, locals, params }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		const parsed = thanksSchema.safeParse({ body: form.get('body') ?? '' });
		if (!parsed.success) return fail(400, { thanksError: parsed.error.issues[0].message });
		const file = uploadedFile(form.get('voice'));
		if (!parsed.data.body && !file) return fail(400, { thanksError: 'voice.errors.thanks_text_or_voice' });
		const r = await loadRequest(locals, params.id);
		const to = user.id === r.requester_id ? r.helper_id : r.requester_id;
		try {
			let voiceId: string | null = null;
			if (file) {
				const saved = await saveVoice(locals.db, user.id, file, 'thanks', params.id);
				if (!saved.ok) return fail(400, { thanksVoiceError: saved.error });
				voiceId = saved.id;
			}
			await sendThanks(locals.db, params.id, user.id, to ?? '', parsed.data.body, voiceId);
		} catch (err) {
			const code = (err as DbError).code;
			if (code === '42501' || code === '23505' || code === '22P02') return fail(403, { thanksError: 'errors.not_allowed' });
			throw err;
		}
		return { done: 'help.thanksSent' };
	}
};
