// Work that follows from the answer clock, run by the job queue each morning: the team is
// reminded two working days before a deadline, the team lead is told when an ask of an
// "escalate" kind passed its deadline in silence, and each working day the team lead gets the
// list of late asks (the inbox, late first). The database claims each one, so it is sent once.
// Uses the admin client on purpose: a job acts for nobody in particular.
import { adminClient, unwrap } from '../db/clients';
import { notify } from '../notifications';
import type { InitiativeNotificationKind } from './register';
import './register';
import { dateFormat } from '$lib/intl';

/** Today in the Netherlands, as the database's clock counts it. */
function todayNL(now: Date): string {
	return dateFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

export async function sendInitiativeReminders(origin: string, now = new Date()): Promise<{ reminders: number; lists: number }> {
	const db = adminClient();
	const today = todayNL(now);
	const reminders = unwrap(await db.rpc('claim_initiative_reminders', { p_today: today }));
	for (const r of reminders) {
		const kind: InitiativeNotificationKind = r.kind === 'escalated' ? 'ask_escalated' : 'ask_due_soon';
		await notify(kind, (r.recipients ?? []) as string[], { type: 'initiative_ask', id: r.ask_id! }, origin);
	}
	const lists = unwrap(await db.rpc('claim_late_lists', { p_today: today }));
	for (const list of lists) {
		await notify('late_asks_list' satisfies InitiativeNotificationKind, (list.leads ?? []) as string[], { type: 'initiative_late_list', id: list.list_id! }, origin);
	}
	return { reminders: reminders.length, lists: lists.length };
}
