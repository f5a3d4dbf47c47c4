// Work that follows from time, run by the job queue: a reminder before a request expires. Uses
// the admin client on purpose: a job acts for nobody in particular.
import { adminClient, unwrap } from '../db/clients';
import { notify } from '../notifications';
import './register';

export const REMINDER_DAYS_BEFORE_EXPIRY = 3;
const EXPIRY_DAYS = 30;

/** Open requests that expire within three days get one reminder to the person who asked. */
export async function sendExpiryReminders(origin: string, now = new Date()): Promise<number> {
	const db = adminClient();
	const threshold = new Date(now.getTime() - (EXPIRY_DAYS - REMINDER_DAYS_BEFORE_EXPIRY) * 86_400_000).toISOString();
	const due = unwrap(
		await db
			.from('help_requests')
			.select('id, requester_id, effective_status')
			.eq('status', 'open')
			.is('reminder_sent_at', null)
			.is('hidden_at', null)
			.lt('opened_at', threshold)
	);
	let sent = 0;
	for (const r of due) {
		if (r.effective_status !== 'open') continue;
		// Claim it first, so two workers never remind twice.
		const claimed = unwrap(
			await db.from('help_requests').update({ reminder_sent_at: now.toISOString() }).eq('id', r.id).is('reminder_sent_at', null).select('id')
		);
		if (!claimed.length) continue;
		await notify('reminder', [r.requester_id], { type: 'help_request', id: r.id }, origin);
		sent++;
	}
	return sent;
}
