import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { refuse } from '$lib/server/forms';
import { listMyApplications, signUp, thisYear, yearlyRound } from '$lib/server/carers';
import { activityIdSchema } from '$lib/schemas/carers';

/**
 * "Wat krijgt u?": this year's rules, open to everyone; a signed-in person also sees their
 * applications, a welcome back when last year's carers were invited, and Dag van de Mantelzorg.
 */
export const load: PageServerLoad = async ({ locals }) => {
	const year = await thisYear(locals.db, locals.user);
	const mine = locals.user ? await listMyApplications(locals.db, locals.user.id) : [];
	const round = await yearlyRound(locals.db, locals.user?.id ?? null, year.municipalityId, year.year);
	return { ...year, ...round, mine, signedIn: !!locals.user };
};

/** Sign up for an activity of Dag van de Mantelzorg, or cancel; a full one is refused. */
async function signUpAction(request: Request, locals: App.Locals, action: 'join' | 'leave') {
	requireUser(locals);
	const activityForm = await superValidate(request, zod4(activityIdSchema));
	if (!activityForm.valid) return fail(400, { form: activityForm });
	const done = await signUp(locals.db, activityForm.data.activity, action);
	if (!done.ok) return refuse(activityForm, done.refusal);
	return message(activityForm, action === 'join' ? 'carers.yearly.signedUp' : 'carers.yearly.cancelled');
}

export const actions: Actions = {
	join: ({ request, locals }) => signUpAction(request, locals, 'join'),
	leave: ({ request, locals }) => signUpAction(request, locals, 'leave')
};
