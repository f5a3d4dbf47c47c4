// With SMTP_URL set, mail leaves through a real SMTP conversation and the dev mailbox is gone.
// The SMTP server here is smtp-server (nodemailer's own), speaking the real protocol with a login.
import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { test, expect, newEmail, sql } from './fixtures';
import { startBuiltSite } from '../support/stack';
import { findFreePort } from '../../supabase/local/stack.js';

type Received = { from: string; to: string[]; raw: string };

/** A second site on the e2e stack, with the e2e site's settings and its own mail settings. */
const startSiteWith = (mail: Record<string, string>) => startBuiltSite({ ...JSON.parse(process.env.E2E_SITE_ENV!), ...mail });

test('with an SMTP server the sign-in code arrives by SMTP, and /dev/mail does not exist', async ({ browser }, testInfo) => {
	const received: Received[] = [];
	const smtp = new SMTPServer({
		disabledCommands: ['STARTTLS'],
		allowInsecureAuth: true,
		onAuth(auth, _session, callback) {
			if (auth.username === 'omzien' && auth.password === 'geheim') return callback(null, { user: auth.username });
			callback(new Error('Invalid username or password'));
		},
		onData(stream, session, callback) {
			let raw = '';
			stream.on('data', (chunk) => (raw += chunk));
			stream.on('end', () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw
				});
				callback();
			});
		}
	});
	const smtpPort = await findFreePort();
	await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));

	const site = await startSiteWith({
		SMTP_URL: `smtp://omzien:geheim@127.0.0.1:${smtpPort}`,
		MAIL_FROM: 'Omzien <omzien@heuvelrijk.nl>'
	});
	const baseURL = site.baseURL;
	try {
		const context = await browser.newContext({ baseURL });
		const page = await context.newPage();

		expect((await page.goto('/dev/mail'))?.status()).toBe(404);
		await expect(page.getByRole('link', { name: 'Testpostvak' })).toHaveCount(0);

		const email = newEmail(testInfo, 'smtp');
		await page.goto('/inloggen');
		await page.getByLabel('Uw e-mailadres').fill(email);
		await page.getByRole('button', { name: 'Stuur mij een code' }).click();
		await expect(page).toHaveURL(/\/inloggen\/code$/);

		await expect.poll(() => received.length).toBe(1);
		const [mail] = received;
		expect(mail.from).toBe('omzien@heuvelrijk.nl');
		expect(mail.to).toEqual([email]);
		expect(mail.raw).toMatch(/^Subject: Uw code voor Omzien: \d{6}\r?$/m);
		const code = /Uw code is (\d{6})\./.exec(mail.raw)?.[1];
		expect(code).toMatch(/^\d{6}$/);

		await page.getByLabel('Code van zes cijfers').fill(code!);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await expect(page).toHaveURL(/\/welkom$/);
		await context.close();
	} finally {
		await site.stop();
		await new Promise<void>((resolve) => smtp.close(() => resolve()));
	}
});

test('when the SMTP server does not answer, the person reads that next to the field, and no code is kept', async ({ browser }, testInfo) => {
	const nobodyListens = await findFreePort();
	const site = await startSiteWith({ SMTP_URL: `smtp://127.0.0.1:${nobodyListens}` });
	try {
		const context = await browser.newContext({ baseURL: site.baseURL });
		const page = await context.newPage();
		const email = newEmail(testInfo, 'smtpdown');
		await page.goto('/inloggen');
		await page.getByLabel('Uw e-mailadres').fill(email);
		await page.getByRole('button', { name: 'Stuur mij een code' }).click();
		const message = 'Het lukt nu niet om u een e-mail te sturen. Dat ligt niet aan u. Probeer het over een paar minuten opnieuw.';
		await expect(page.locator('#email-error')).toHaveText(message);
		await expect(page).toHaveURL(/\/inloggen$/);
		await expect(page.getByLabel('Uw e-mailadres')).toHaveValue(email);

		// The same form posted as a browser without JavaScript does: the page itself comes back as 503.
		const plain = await context.request.post('/inloggen', { form: { email }, headers: { origin: site.baseURL, accept: 'text/html' }, maxRedirects: 0 });
		expect(plain.status()).toBe(503);
		expect(await plain.text()).toContain(message);

		expect(await sql('select id from sign_in_codes where email = $1', [email])).toEqual([]);
		await context.close();
	} finally {
		await site.stop();
	}
});

test('an SMTP server that accepts the connection but never answers does not keep the person waiting long', async ({ browser }, testInfo) => {
	const silent = net.createServer(() => {
		/* accepts, never greets */
	});
	const silentPort = await findFreePort();
	await new Promise<void>((resolve) => silent.listen(silentPort, '127.0.0.1', resolve));
	const site = await startSiteWith({ SMTP_URL: `smtp://127.0.0.1:${silentPort}` });
	try {
		const context = await browser.newContext({ baseURL: site.baseURL });
		const page = await context.newPage();
		await page.goto('/inloggen');
		await page.getByLabel('Uw e-mailadres').fill(newEmail(testInfo, 'smtpsilent'));
		const started = Date.now();
		await page.getByRole('button', { name: 'Stuur mij een code' }).click();
		await expect(page.locator('#email-error')).toHaveText(/Het lukt nu niet om u een e-mail te sturen\./, { timeout: 15_000 });
		expect(Date.now() - started).toBeLessThan(12_000);
		await context.close();
	} finally {
		await site.stop();
		silent.close();
	}
});
