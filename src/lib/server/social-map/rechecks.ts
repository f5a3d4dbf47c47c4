// Scheduled re-checks: every entry is put before its editors, and its provider is asked by
// e-mail, recheck_months after it was last checked. The database picks what is due and claims it
// (claim_map_rechecks: a re-check task marked as asked), so a second run asks nobody twice.
import { adminClient, unwrap } from '../db/clients';
import { notify } from '../notifications';
import { sendMail } from '../mail';
import { translate } from '../i18n';
import './register';

export async function askForRechecks(origin: string, today?: string): Promise<number> {
	// service role: the job acts for nobody in particular; claim_map_rechecks is granted to it alone
	const due = unwrap(await adminClient().rpc('claim_map_rechecks', today ? { p_today: today } : {})) as {
		service_id: string;
		service_name: string;
		provider_email: string | null;
		editor_ids: string[] | null;
	}[];
	for (const entry of due) {
		await notify('map_recheck_due', entry.editor_ids ?? [], { type: 'map_service', id: entry.service_id }, origin);
		if (entry.provider_email) {
			await sendMail({
				to: entry.provider_email,
				subject: translate('nl', 'mail.map_recheck_provider.subject', { name: entry.service_name }),
				text: translate('nl', 'mail.map_recheck_provider.body', { name: entry.service_name, link: `${origin}/kaart/${entry.service_id}` })
			});
		}
	}
	return due.length;
}
