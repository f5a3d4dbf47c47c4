import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asUser, env, people, areas, sql } from './helpers';
import { sendExpiryReminders } from '../../src/lib/server/help/reminders';
import { notify, sendDailyDigests } from '../../src/lib/server/notifications';
import { startJobs, stopJobs } from '../../src/lib/server/jobs';

const origin = 'http://omzien.test';
// Run on its own, no mail has made the dev mailbox yet.
mkdirSync(env.DEV_MAILBOX_DIR, { recursive: true });
const mailsTo = (email: string) =>
	readdirSync(env.DEV_MAILBOX_DIR)
		.map((f) => JSON.parse(readFileSync(path.join(env.DEV_MAILBOX_DIR, f), 'utf8')))
		.filter((m) => m.to === email);

async function ask(userId: string) {
	const { data, error } = await (await asUser(userId)).rpc('create_help_request', {
		p_submission: randomUUID(), p_requester: userId, p_category: 'groceries', p_description: 'Herinnering test', p_area: areas.noord, p_when: 'asap'
	});
	if (error) throw new Error(error.message);
	return data!;
}

afterAll(() => stopJobs());

describe('reminder before a request expires', () => {
	it('reminds once, three days before the 30 days are up; a reopened request can be reminded again', async () => {
		const id = await ask(people.truus);
		// Other test files age Truus's requests too: count only the reminders about this one.
		const aboutThis = () =>
			mailsTo('truus@voorbeeld.nl').filter((m) => m.subject === 'Uw hulpvraag stopt bijna' && m.text.includes(`${origin}/hulp/${id}`));
		await sql("update help_requests set opened_at = now() - interval '28 days' where id = $1", [id]);
		await sendExpiryReminders(origin);
		await sendExpiryReminders(origin);
		expect(aboutThis()).toHaveLength(1);
		const [row] = await sql<{ reminder_sent_at: string | null }>('select reminder_sent_at from help_requests where id = $1', [id]);
		expect(row.reminder_sent_at).not.toBeNull();
	});

	it('does not remind about a fresh request', async () => {
		const id = await ask(people.truus);
		await sendExpiryReminders(origin);
		const [row] = await sql<{ reminder_sent_at: string | null }>('select reminder_sent_at from help_requests where id = $1', [id]);
		expect(row.reminder_sent_at).toBeNull();
	});
});

describe('notification choices', () => {
	it('"once a day" sends nothing right away and one digest later; "never" sends no e-mail', async () => {
		const jan = await asUser(people.jan);
		await jan.from('notification_preferences').upsert([
			{ profile_id: people.jan, kind: 'offer_received', frequency: 'daily' },
			{ profile_id: people.jan, kind: 'message', frequency: 'never' }
		]);
		const id = await ask(people.truus);
		const before = mailsTo('jan@voorbeeld.nl').length;
		await notify('offer_received', [people.jan], { type: 'help_request', id }, origin);
		await notify('message', [people.jan], { type: 'help_request', id }, origin);
		expect(mailsTo('jan@voorbeeld.nl').length).toBe(before);
		expect((await jan.from('notifications').select('kind').eq('subject_id', id)).data?.map((n) => n.kind).sort()).toEqual(['message', 'offer_received']);

		await sendDailyDigests(origin);
		const after = mailsTo('jan@voorbeeld.nl');
		expect(after.length).toBe(before + 1);
		const digest = after.find((m) => m.subject === 'Uw meldingen van vandaag');
		expect(digest.text).toContain('Iemand wil u helpen');
		expect(digest.text).not.toContain('Een nieuw bericht');
		await sendDailyDigests(origin);
		expect(mailsTo('jan@voorbeeld.nl').length).toBe(before + 1);
	});
});

describe('the job queue', () => {
	it('schedules the reminder and digest jobs in Postgres', async () => {
		await startJobs(env.DATABASE_URL, origin);
		const rows = await sql<{ name: string; cron: string }>('select name, cron from pgboss.schedule order by name');
		expect(rows).toEqual([
			{ name: 'carer-confirmation-reminders', cron: '40 * * * *' },
			{ name: 'carer-retention', cron: '50 3 * * *' },
			{ name: 'carer-yearly', cron: '20 9 * * *' },
			{ name: 'help-expiry-reminders', cron: '15 * * * *' },
			{ name: 'initiative-reminders', cron: '45 7 * * *' },
			{ name: 'map-rechecks', cron: '30 8 * * *' },
			{ name: 'notification-digest', cron: '0 7 * * *' },
			{ name: 'vog-reminders', cron: '0 8 * * *' },
			{ name: 'voice-retention', cron: '30 3 * * *' },
			{ name: 'voice-transcription', cron: '* * * * *' }
		]);
	});
});
