// Notifications, for every domain: always in the person's list; by e-mail right away unless they
// chose a daily digest or never. A domain registers its kinds (texts: notifications.kind.<kind>,
// mail.<kind>.subject and mail.<kind>.body) and its item types (for the link); who is told about
// an action is the domain's decision, how they are told is decided here.
import { adminClient, unwrap, type Db } from '../db/clients';
import { sendMail } from '../mail';
import { translate } from '../i18n';
import { itemLink, type Subject } from '../items';
import type { Enums } from '../db/types';
import type { Language } from '$lib/i18n';

export type Frequency = Enums<'notification_frequency'>;

const kinds: string[] = [];

/** A domain's notification kinds, in the order the settings page lists them. */
export function registerNotificationKinds(domainKinds: string[]): void {
	for (const kind of domainKinds) if (!kinds.includes(kind)) kinds.push(kind);
}

export function notificationKinds(): readonly string[] {
	return kinds;
}

function languageOf(person: { preferred_language: string }): Language {
	return person.preferred_language === 'en' ? 'en' : 'nl';
}

/**
 * Tells these people about something that happened to an item. A resident without e-mail, whom a
 * coordinator registered after a phone call, is told through that coordinator: they call her.
 */
export async function notify(kind: string, recipientIds: (string | null | undefined)[], subject: Subject, siteOrigin: string): Promise<void> {
	if (!kinds.includes(kind)) throw new Error(`Unknown notification kind ${kind}: register it with registerNotificationKinds().`);
	const db = adminClient(); // notifications have no insert policy: nobody may write them for others
	const wanted = [...new Set(recipientIds.filter((id): id is string => !!id))];
	if (wanted.length === 0) return;
	const people = unwrap(await db.from('profiles').select('id, email, created_by').in('id', wanted));
	const ids = [...new Set(people.map((p) => (!p.email && p.created_by ? p.created_by : p.id)))];
	const [recipients, choices] = await Promise.all([
		db.from('profiles').select('id, email, preferred_language').in('id', ids).then(unwrap),
		db.from('notification_preferences').select('profile_id, frequency').eq('kind', kind).in('profile_id', ids).then(unwrap)
	]);
	const frequency = new Map(choices.map((c) => [c.profile_id, c.frequency]));
	const inserted = unwrap(
		await db
			.from('notifications')
			.insert(ids.map((profile_id) => ({ profile_id, kind, subject_type: subject.type, subject_id: subject.id })))
			.select('id, profile_id')
	);
	const link = `${siteOrigin}${itemLink(subject)}`;
	for (const person of recipients) {
		if (!person.email || (frequency.get(person.id) ?? 'immediately') !== 'immediately') continue;
		const lang = languageOf(person);
		await sendMail({
			to: person.email,
			subject: translate(lang, `mail.${kind}.subject`),
			text: `${translate(lang, `mail.${kind}.body`)}\n\n${translate(lang, 'mail.look', { link })}\n\n${translate(lang, 'mail.settings', { link: `${siteOrigin}/meldingen` })}`
		});
		const id = inserted.find((n) => n.profile_id === person.id)?.id;
		if (id) unwrap(await db.from('notifications').update({ emailed_at: new Date().toISOString() }).eq('id', id));
	}
}

/** The person's latest notifications, each with the path to its item. */
export async function listNotifications(db: Db, userId: string) {
	const rows = unwrap(
		await db
			.from('notifications')
			.select('id, kind, subject_type, subject_id, created_at, read_at')
			.eq('profile_id', userId)
			.order('created_at', { ascending: false })
			.limit(50)
	);
	return rows.map((n) => ({ ...n, link: itemLink({ type: n.subject_type, id: n.subject_id }) }));
}

export async function markAllRead(db: Db, userId: string): Promise<void> {
	unwrap(await db.from('notifications').update({ read_at: new Date().toISOString() }).eq('profile_id', userId).is('read_at', null));
}

export async function readPreferences(db: Db, userId: string): Promise<Record<string, Frequency>> {
	const chosen = new Map(unwrap(await db.from('notification_preferences').select('kind, frequency').eq('profile_id', userId)).map((p) => [p.kind, p.frequency]));
	return Object.fromEntries(kinds.map((k) => [k, chosen.get(k) ?? 'immediately']));
}

export async function savePreferences(db: Db, userId: string, prefs: Record<string, Frequency>): Promise<void> {
	const rows = kinds.filter((kind) => prefs[kind]).map((kind) => ({ profile_id: userId, kind, frequency: prefs[kind] }));
	unwrap(await db.from('notification_preferences').upsert(rows));
}

/** One e-mail with everything not yet sent, for each person who chose "once a day". A job. */
export async function sendDailyDigests(origin: string): Promise<number> {
	const db = adminClient(); // a job: it acts for nobody in particular
	const daily = unwrap(await db.from('notification_preferences').select('profile_id, kind').eq('frequency', 'daily'));
	const wanted = new Set(daily.map((p) => `${p.profile_id}:${p.kind}`));
	const people = [...new Set(daily.map((p) => p.profile_id))];
	if (people.length === 0) return 0;
	const pending = unwrap(
		await db
			.from('notifications')
			.select('id, profile_id, kind, subject_type, subject_id, profiles(email, preferred_language)')
			.is('emailed_at', null)
			.in('profile_id', people)
			.order('created_at')
	);
	const byPerson = new Map<string, typeof pending>();
	for (const n of pending) {
		if (!wanted.has(`${n.profile_id}:${n.kind}`) || !n.profiles?.email) continue;
		byPerson.set(n.profile_id, [...(byPerson.get(n.profile_id) ?? []), n]);
	}
	let sent = 0;
	for (const [, unclaimed] of byPerson) {
		// Claim before sending, so a retried job (after an outage) or a second worker never sends
		// the same line twice; a mail that fails gives its lines back for the next try.
		const items = unwrap(
			await db.from('notifications').update({ emailed_at: new Date().toISOString() }).in('id', unclaimed.map((n) => n.id)).is('emailed_at', null).select('id')
		).map((claimed) => unclaimed.find((n) => n.id === claimed.id)!);
		if (!items.length) continue;
		const person = items[0].profiles!;
		const lang = languageOf(person);
		const lines = items.map((n) => `- ${translate(lang, `notifications.kind.${n.kind}`)}: ${origin}${itemLink({ type: n.subject_type, id: n.subject_id })}`);
		try {
			await sendMail({
				to: person.email!,
				subject: translate(lang, 'mail.digest.subject'),
				text: `${translate(lang, 'mail.digest.body')}\n\n${lines.join('\n')}\n\n${translate(lang, 'mail.settings', { link: `${origin}/meldingen` })}`
			});
		} catch (err) {
			await db.from('notifications').update({ emailed_at: null }).in('id', items.map((n) => n.id));
			throw err; // the job fails and pg-boss tries again later
		}
		sent++;
	}
	return sent;
}
