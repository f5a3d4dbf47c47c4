// Carers' work that follows from time, run by the job queue: an application the person cared for
// has not confirmed two weeks after it was sent reminds the carer once; after four weeks the
// officers of the municipality are told once. The database claims each row before anyone is
// told, so a retried job never tells twice. Admin client on purpose: a job acts for nobody.
import { adminClient, unwrap } from '../db/clients';
import { notify } from '../notifications';
import './register';

export { sendYearlyMessages } from './yearly';

export async function sendConfirmationReminders(origin: string): Promise<{ reminded: number; escalated: number }> {
	const db = adminClient();
	const reminders = unwrap(await db.rpc('carer_claim_confirmation_reminders'));
	for (const r of reminders) {
		await notify('carer_confirm_reminder', [r.carer_id, r.applied_by], { type: 'carer_application', id: r.application_id ?? '' }, origin);
	}
	const escalations = unwrap(await db.rpc('carer_claim_confirmation_escalations'));
	for (const e of escalations) {
		await notify('carer_not_confirmed', (e.officer_ids as string[] | null) ?? [], { type: 'carer_application', id: e.application_id ?? '' }, origin);
	}
	return { reminded: reminders.length, escalated: escalations.length };
}

/** Deletes carers' data past its keeping time (the rules are in the database: carer_delete_expired()). */
export async function deleteExpiredCarerData(): Promise<{ applications: number; checks: number }> {
	const [row] = unwrap(await adminClient().rpc('carer_delete_expired'));
	return { applications: row?.applications ?? 0, checks: row?.checks ?? 0 };
}
