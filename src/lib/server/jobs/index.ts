// The job queue (pg-boss, in Postgres): scheduled work survives restarts and runs once even with
// several servers. Needs DATABASE_URL (a direct Postgres connection); without it nothing is
// scheduled and the site says so in its log.
import PgBoss from 'pg-boss';
import pg from 'pg';
import { sendExpiryReminders } from '../help/reminders';
import { deleteExpiredCarerData, sendConfirmationReminders, sendYearlyMessages } from '../carers/jobs';
import { sendDailyDigests } from '../notifications';
import { sendInitiativeReminders } from '../initiatives/reminders';
import { deleteExpiredAudio, transcribeNewAudio } from '../voice/jobs';
import { sendVogReminders } from '../coordination/workspace';
import { askForRechecks } from '../social-map/rechecks';
import { setQueue } from './queue';

let boss: PgBoss | null = null;

export const JOBS = {
	'help-expiry-reminders': { cron: '15 * * * *', run: (origin: string) => sendExpiryReminders(origin) },
	'initiative-reminders': { cron: '45 7 * * *', run: (origin: string) => sendInitiativeReminders(origin) },
	'notification-digest': { cron: '0 7 * * *', run: (origin: string) => sendDailyDigests(origin) },
	'voice-retention': { cron: '30 3 * * *', run: () => deleteExpiredAudio() },
	'voice-transcription': { cron: '* * * * *', run: () => transcribeNewAudio() },
	'carer-confirmation-reminders': { cron: '40 * * * *', run: (origin: string) => sendConfirmationReminders(origin) },
	// Invitations when the window opens, reminders before it closes, Dag van de Mantelzorg: each once.
	'carer-yearly': { cron: '20 9 * * *', run: (origin: string) => sendYearlyMessages(origin) },
	'carer-retention': { cron: '50 3 * * *', run: () => deleteExpiredCarerData() },
	'vog-reminders': { cron: '0 8 * * *', run: (origin: string) => sendVogReminders(origin) },
	'map-rechecks': { cron: '30 8 * * *', run: (origin: string) => askForRechecks(origin) }
} as const;

/**
 * A job that fails (the database or the mail server went away halfway) is tried again after
 * 30 s, 60 s, 120 s …, up to 8 times, so it runs once the outage is over. Each job is safe to
 * run again: it claims its rows before it sends (reminder_sent_at, emailed_at, transcription tries).
 */
const RETRIES = { retryLimit: 8, retryDelay: 30, retryBackoff: true };
/** pg_advisory_lock key for setting up the queues ('omzien-jobs' as a number). */
const SETUP_LOCK = 0x6f6d7a69;

export async function startJobs(databaseUrl: string | undefined, origin: string): Promise<void> {
	if (boss) return;
	if (!databaseUrl) {
		console.warn('DATABASE_URL is not set: reminders and daily digests are not sent.');
		return;
	}
	boss = new PgBoss({
		connectionString: databaseUrl,
		max: 3,
		// An unreachable database is noticed within seconds, and no statement hangs for ever
		// (these go to node-postgres' pool as they are).
		connectionTimeoutMillis: 5000,
		query_timeout: 60_000,
		statement_timeout: 60_000,
		idle_in_transaction_session_timeout: 60_000
	} as PgBoss.ConstructorOptions);
	let saidDatabaseStopped = false;
	boss.on('error', (err: Error & { code?: string }) => {
		// 57P01: Postgres is shutting down (Ctrl-C, end of a test run); not worth a stack trace, and
		// each of the queue's connections reports it, so say it once.
		if (err.code !== '57P01') console.error('[jobs]', err);
		else if (!saidDatabaseStopped) console.warn('[jobs] the database stopped; jobs pause until it is back.');
		saidDatabaseStopped ||= err.code === '57P01';
	});
	// Several instances starting at once on a new database deadlock in pg-boss's queue setup
	// (tests/e2e/scale-out.spec.ts found it): one at a time, under an advisory lock.
	const lock = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000, application_name: 'omzien-jobs-setup' });
	await lock.connect();
	try {
		await lock.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
		await boss.start();
		for (const [name, job] of Object.entries(JOBS)) {
			await boss.createQueue(name, { name, ...RETRIES });
			await boss.updateQueue(name, { name, ...RETRIES }); // queues made before retries were set
			await boss.schedule(name, job.cron, {}, { tz: 'Europe/Amsterdam' });
		}
	} finally {
		await lock.end().catch(() => {}); // ending the session releases the lock
	}
	for (const [name, job] of Object.entries(JOBS)) {
		await boss.work(name, async () => {
			await job.run(origin);
		});
	}
	setQueue(boss);
}

export async function stopJobs(): Promise<void> {
	setQueue(null);
	await boss?.stop({ graceful: true, timeout: 5000 });
	boss = null;
}
