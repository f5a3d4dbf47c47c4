// Work that follows from time, run by the job queue: a reminder before a request expires, and
// the daily digest for people who chose one e-mail a day. Both use the admin client on purpose:
// they act for nobody in particular.
import { adminClient } from '../db/clients';
import { sendMail } from '../mail';
import { translate } from '../i18n';
import { notify } from './notify';

export const REMINDER_DAYS_BEFORE_EXPIRY = 3;
const EXPIRY_DAYS = 30;

/** Open requests that expire within three days get one reminder to the person who asked. */
export async function sendExpiryReminders(origin: string, now = new Date()): Promise<number> {
	const db = adminClient();
	const threshold = new Date(now.getTime() - (EXPIRY_DAYS - REMINDER_DAYS_BEFORE_EXPIRY) * 86_400_000).toISOString();
	const { data: due } = await db
		.from('help_requests')
		.select('id, requester_id, created_by, effective_status')
		.eq('status', 'open')
		.is('reminder_sent_at', null)
		.is('hidden_at', null)
		.lt('opened_at', threshold);
	let sent = 0;
	for (const r of due ?? []) {
		if (r.effective_status !== 'open') continue;
		// Claim it first, so two workers never remind twice.
		const { data: claimed } = await db
			.from('help_requests')
			.update({ reminder_sent_at: now.toISOString() })
			.eq('id', r.id)
			.is('reminder_sent_at', null)
			.select('id');
		if (!claimed?.length) continue;
		await notify('reminder', [r.created_by !== r.requester_id ? r.created_by : r.requester_id], r.id, origin);
		sent++;
	}
	return sent;
}

/** One e-mail with everything not yet sent, for each person who chose "once a day". */
export async function sendDailyDigests(origin: string): Promise<number> {
	const db = adminClient();
	const { data: daily } = await db.from('notification_preferences').select('profile_id, kind').eq('frequency', 'daily');
	const wanted = new Set((daily ?? []).map((p) => `${p.profile_id}:${p.kind}`));
	const people = [...new Set((daily ?? []).map((p) => p.profile_id))];
	if (people.length === 0) return 0;
	const { data: pending } = await db
		.from('notifications')
		.select('id, profile_id, kind, request_id, profiles(email, preferred_language)')
		.is('emailed_at', null)
		.in('profile_id', people)
		.order('created_at');
	const byPerson = new Map<string, NonNullable<typeof pending>>();
	for (const n of pending ?? []) {
		if (!wanted.has(`${n.profile_id}:${n.kind}`) || !n.profiles?.email) continue;
		byPerson.set(n.profile_id, [...(byPerson.get(n.profile_id) ?? []), n]);
	}
	for (const [, items] of byPerson) {
		const { email, preferred_language } = items[0].profiles!;
		const lang = preferred_language === 'en' ? 'en' : 'nl';
		const lines = items.map((n) => `- ${translate(lang, `notifications.kind.${n.kind}`)}: ${origin}/hulp/${n.request_id}`);
		await sendMail({
			to: email!,
			subject: translate(lang, 'mail.digest.subject'),
			text: `${translate(lang, 'mail.digest.body')}\n\n${lines.join('\n')}\n\n${translate(lang, 'mail.settings', { link: `${origin}/meldingen` })}`
		});
		await db.from('notifications').update({ emailed_at: new Date().toISOString() }).in('id', items.map((n) => n.id));
	}
	return byPerson.size;
}
