// Omzien scales out: two `node build` instances on one stack (as behind a load balancer), each
// with its own session cache. Nothing that matters lives in one process: a sign-in code asked on
// one works on the other; a sign-out on one is seen on both within a second; a role change is seen
// on both; a job queued through one runs once. Both have a speech-to-text server (a fake one that
// speaks whisper.cpp's protocol), so search by voice is shown working here too.
import pg from 'pg';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startBuiltSite, startTestStack, type BuiltSite, type TestStack } from '../support/stack';
import { startFakeTranscriber } from '../support/transcriber';
import { VOICE_WAV } from '../../playwright.config';

let stack: TestStack;
let a: BuiltSite;
let b: BuiltSite;
let transcriber: Awaited<ReturnType<typeof startFakeTranscriber>>;

test.describe.configure({ timeout: 120_000 });

// A stack of its own with exactly these two instances (the shared e2e site would be a third,
// configured differently), both with the same settings, as in production.
test.beforeAll(async () => {
	test.setTimeout(120_000);
	transcriber = await startFakeTranscriber('Ik heb hulp nodig met de boodschappen.');
	stack = await startTestStack('scale-out');
	const env = { ...stack.env, TRANSCRIBE_URL: transcriber.url };
	// A fresh stack on a busy machine may take a while to answer its first page.
	[a, b] = await Promise.all([startBuiltSite(env, { quiet: true, waitMs: 60_000 }), startBuiltSite(env, { quiet: true, waitMs: 60_000 })]);
});
test.afterAll(async () => {
	await Promise.all([a?.stop(), b?.stop()]);
	await stack?.stop();
	await transcriber?.stop();
});

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
	const client = new pg.Client({ connectionString: stack.dbUrl });
	await client.connect();
	try {
		return (await client.query(text, values)).rows as T[];
	} finally {
		await client.end();
	}
}

/** The newest code for the address, from the dev mailbox of instance A (both write to the same one). */
async function readCodeFromMailbox(page: Page, email: string): Promise<string> {
	const mailbox = await page.context().newPage();
	await mailbox.goto(`${a.baseURL}/dev/mail`);
	await mailbox.locator('li', { hasText: email }).first().getByRole('link').click();
	const body = await mailbox.locator('pre').innerText();
	await mailbox.close();
	return /(\d{6})/.exec(body)![1];
}

/** The status of a page for this cookie, without following a redirect. */
async function statusOf(site: BuiltSite, path: string, cookie: string): Promise<number> {
	const res = await fetch(`${site.baseURL}${path}`, { headers: { cookie }, redirect: 'manual' });
	await res.body?.cancel();
	return res.status;
}

/** Milliseconds until check() is true (polled every 20 ms), or throws after `within` ms. */
async function msUntil(check: () => Promise<boolean>, within: number): Promise<number> {
	const start = Date.now();
	while (!(await check())) {
		if (Date.now() - start > within) throw new Error(`not within ${within} ms`);
		await new Promise((r) => setTimeout(r, 20));
	}
	return Date.now() - start;
}

test('a code asked on one instance signs in on the other; signing out on one is seen on both within a second', async ({ page }) => {
	// Both instances share one host (cookies do not look at the port), as behind a load balancer.
	await page.goto(`${a.baseURL}/inloggen`);
	await page.getByLabel('Uw e-mailadres').fill('jan@voorbeeld.nl');
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page).toHaveURL(`${a.baseURL}/inloggen/code`);
	const code = await readCodeFromMailbox(page, 'jan@voorbeeld.nl');
	await page.goto(`${b.baseURL}/inloggen/code`);
	await page.getByLabel('Code van zes cijfers').fill(code);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(`${b.baseURL}/`);

	const session = (await page.context().cookies(b.baseURL)).find((c) => c.name === 'omzien_session')!;
	const cookie = `omzien_session=${session.value}`;
	// Signed in on both, and each keeps the session (asked twice).
	for (const site of [a, b, a, b]) expect(await statusOf(site, '/account', cookie)).toBe(200);

	// Sign out on A; B (which has the session in its cache) must refuse it within a second.
	await page.goto(`${a.baseURL}/uitloggen`);
	await page.locator('#inhoud').getByRole('button', { name: 'Uitloggen', exact: true }).click();
	await expect(page).toHaveURL(`${a.baseURL}/?uitgelogd`);
	const took = await msUntil(async () => (await statusOf(b, '/account', cookie)) === 303, 1000);
	expect(took).toBeLessThan(1000);
	expect(await statusOf(a, '/account', cookie)).toBe(303);
});

test('a role given or taken is seen by both instances, each with the session in its cache', async () => {
	const { randomBytes, createHash } = await import('node:crypto');
	const id = randomBytes(15).toString('base64url');
	const secret = randomBytes(15).toString('base64url');
	const truus = '00000000-0000-4000-8000-000000000304';
	await sql('insert into sessions (id, secret_hash, user_id) values ($1, $2, $3)', [id, createHash('sha256').update(secret).digest(), truus]);
	const cookie = `omzien_session=${id}.${secret}`;
	for (const site of [a, b, a, b]) expect(await statusOf(site, '/coordinatie', cookie)).toBe(403);

	const [org] = await sql<{ id: string }>("select organisation_id as id from memberships where role = 'coordinator' limit 1");
	await sql("insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'coordinator')", [org.id, truus]);
	try {
		await msUntil(async () => (await statusOf(a, '/coordinatie', cookie)) === 200 && (await statusOf(b, '/coordinatie', cookie)) === 200, 1000);
	} finally {
		await sql("delete from memberships where organisation_id = $1 and profile_id = $2 and role = 'coordinator'", [org.id, truus]);
	}
	await msUntil(async () => (await statusOf(a, '/coordinatie', cookie)) === 403 && (await statusOf(b, '/coordinatie', cookie)) === 403, 1000);
});

test('a job queued through one instance runs once', async ({ page }) => {
	// Truus asks for help with a spoken message through A; saving it queues the transcription job.
	await page.goto(`${a.baseURL}/inloggen`);
	await page.getByLabel('Uw e-mailadres').fill('truus@voorbeeld.nl');
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await page.getByLabel('Code van zes cijfers').fill(await readCodeFromMailbox(page, 'truus@voorbeeld.nl'));
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(`${a.baseURL}/`);
	await page.goto(`${a.baseURL}/hulp/vragen`);
	await page.getByRole('radio', { name: /Boodschappen/ }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByLabel('Of kies een spraakbericht (mag leeg blijven)').setInputFiles(VOICE_WAV);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Hulp vragen' }).click();
	await expect(page.getByText('We zoeken een helper.').first()).toBeVisible();
	const requestId = new URL(page.url()).pathname.split('/').pop();

	// Written down within seconds (the schedule alone would take up to a minute), by one worker of
	// the two, and sent to the speech server once.
	const transcriptOf = async () =>
		(await sql<{ transcript: string | null }>('select v.transcript from help_requests r join voice_messages v on v.id = r.voice_id where r.id = $1', [requestId]))[0]
			?.transcript ?? null;
	await msUntil(async () => (await transcriptOf()) !== null, 15_000);
	expect(await transcriptOf()).toBe('Ik heb hulp nodig met de boodschappen.');
	const [audio] = await sql<{ bytes: Buffer }>('select a.bytes from help_requests r join voice_audio a on a.voice_id = r.voice_id where r.id = $1', [requestId]);
	await new Promise((r) => setTimeout(r, 3000)); // both workers had time to take it again
	expect(transcriber.callsFor(new Uint8Array(audio.bytes))).toBe(1);
});

test('search by voice, with a speech-to-text server: what was said becomes the search words, and the kaart finds it', async ({ page }) => {
	await page.goto(`${a.baseURL}/kaart`);
	const form = page.locator('form.voice-search');
	await form.getByLabel('Of kies een spraakbericht (mag leeg blijven)').setInputFiles(VOICE_WAV);
	await form.getByRole('button', { name: 'Gebruik mijn stem' }).click();
	// The fake server (speaking whisper.cpp's protocol) heard "Ik heb hulp nodig met de boodschappen."
	await expect(page.locator('input[name="q"]')).toHaveValue('Ik heb hulp nodig met de boodschappen.');
	await expect(page.getByRole('link', { name: 'Boodschappenservice' })).toBeVisible();
});
