// Notifications: always in the in-app list; by e-mail right away unless the person chose a daily
// digest or never. Written with the admin client: nobody may write notifications for others.
import { adminClient } from '../db/clients';
import { sendMail } from '../mail';
import { translate } from '../i18n';
import type { Enums } from '../db/types';

export type NotificationKind = Enums<'notification_kind'>;

export async function notify(kind: NotificationKind, recipientIds: (string | null)[], requestId: string, siteOrigin: string) {
	const db = adminClient(); // notifications have no insert policy; only the server writes them
	const ids = [...new Set(recipientIds.filter((id): id is string => !!id))];
	if (ids.length === 0) return;
	const { data: people } = await db.from('profiles').select('id, email, preferred_language, created_by').in('id', ids);
	const { data: choices } = await db.from('notification_preferences').select('profile_id, frequency').eq('kind', kind).in('profile_id', ids);
	const frequency = new Map((choices ?? []).map((c) => [c.profile_id, c.frequency]));
	const rows = ids.map((profile_id) => ({ profile_id, kind, request_id: requestId }));
	const { data: inserted } = await db.from('notifications').insert(rows).select('id, profile_id');

	for (const person of people ?? []) {
		if (!person.email || (frequency.get(person.id) ?? 'immediately') !== 'immediately') continue;
		const lang = person.preferred_language === 'en' ? 'en' : 'nl';
		const link = `${siteOrigin}/hulp/${requestId}`;
		await sendMail({
			to: person.email,
			subject: translate(lang, `mail.${kind}.subject`),
			text: `${translate(lang, `mail.${kind}.body`)}\n\n${translate(lang, 'mail.look', { link })}\n\n${translate(lang, 'mail.settings', { link: `${siteOrigin}/meldingen` })}`
		});
		const id = inserted?.find((n) => n.profile_id === person.id)?.id;
		if (id) await db.from('notifications').update({ emailed_at: new Date().toISOString() }).eq('id', id);
	}
}

/** Volunteers who would see this new request when browsing: the best suggestions. */
export async function volunteersNear(requestId: string): Promise<string[]> {
	// admin client: suggest_helpers checks the caller; the server asks as service_role on purpose
	const { data } = await adminClient().rpc('suggest_helpers', { p_request: requestId, p_limit: 20 });
	return (data ?? []).filter((s) => s.kind === 'volunteer' && s.helper_id).map((s) => s.helper_id!) ;
}

export async function listNotifications(db: import('../db/clients').Db, userId: string) {
	const { data } = await db
		.from('notifications')
		.select('id, kind, request_id, created_at, read_at')
		.eq('profile_id', userId)
		.order('created_at', { ascending: false })
		.limit(50);
	return data ?? [];
}

export async function markAllRead(db: import('../db/clients').Db, userId: string) {
	await db.from('notifications').update({ read_at: new Date().toISOString() }).eq('profile_id', userId).is('read_at', null);
}

export const NOTIFICATION_KINDS: NotificationKind[] = ['new_request_nearby', 'offer_received', 'offer_accepted', 'reminder', 'done', 'message'];

export async function readPreferences(db: import('../db/clients').Db, userId: string) {
	const { data } = await db.from('notification_preferences').select('kind, frequency').eq('profile_id', userId);
	const chosen = new Map((data ?? []).map((p) => [p.kind, p.frequency]));
	return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, chosen.get(k) ?? 'immediately'])) as Record<NotificationKind, Enums<'notification_frequency'>>;
}

export async function savePreferences(db: import('../db/clients').Db, userId: string, prefs: Record<NotificationKind, Enums<'notification_frequency'>>) {
	const rows = NOTIFICATION_KINDS.map((kind) => ({ profile_id: userId, kind, frequency: prefs[kind] }));
	const { error } = await db.from('notification_preferences').upsert(rows);
	if (error) throw new Error(error.message);
}
