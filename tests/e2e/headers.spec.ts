// The security headers, as one list (src/lib/server/security-headers.ts and kit.csp in
// svelte.config.js), on a public page, a personal page, its __data.json and static files; HSTS
// where the site is https. And the pages still work under the Content-Security-Policy.
import { createHash, randomBytes } from 'node:crypto';
import { test, expect, sql } from './fixtures';
import { startBuiltSite } from '../support/stack';

const TRUUS = '00000000-0000-4000-8000-000000000304';

/** Truus's session, made as the sign-in makes it; the cookie is what the site sees. */
async function truusCookie(): Promise<string> {
	const id = randomBytes(15).toString('base64url');
	const secret = randomBytes(15).toString('base64url');
	await sql('insert into sessions (id, secret_hash, user_id) values ($1, $2, $3)', [id, createHash('sha256').update(secret).digest(), TRUUS]);
	return `omzien_session=${id}.${secret}`;
}

function expectBaseHeaders(headers: Record<string, string>, what: string) {
	expect(headers['x-content-type-options'], what).toBe('nosniff');
	expect(headers['referrer-policy'], what).toBe('same-origin');
	expect(headers['x-frame-options'], what).toBe('DENY');
	expect(headers['permissions-policy'], what).toContain('microphone=(self)');
	expect(headers['permissions-policy'], what).toContain('camera=()');
}

function expectPageHeaders(headers: Record<string, string>, what: string) {
	expectBaseHeaders(headers, what);
	expect(headers['content-type'], what).toBe('text/html; charset=utf-8');
	const csp = headers['content-security-policy'];
	expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
	expect(csp, what).toContain("frame-ancestors 'none'");
	expect(csp, what).toContain("object-src 'none'");
	expect(csp, what).toContain("base-uri 'self'");
	expect(csp, what).toContain("form-action 'self'");
	expect(csp, what).not.toMatch(/script-src[^;]*unsafe-inline/);
}

test('the security headers on a public page, a personal page, its __data.json and static files', async ({ request, baseURL }) => {
	const cookie = await truusCookie();

	const statement = await request.get('/toegankelijkheid');
	expect(statement.status()).toBe(200);
	expectPageHeaders(statement.headers(), 'public page');
	expect(statement.headers()['strict-transport-security'], 'http: no HSTS').toBeUndefined();

	const account = await request.get('/account', { headers: { cookie } });
	expect(account.status()).toBe(200);
	expect(await account.text()).toContain('truus@voorbeeld.nl');
	expectPageHeaders(account.headers(), 'personal page');
	expect(account.headers()['cache-control']).toBe('private, no-store');

	const data = await request.get('/account/__data.json', { headers: { cookie } });
	expect(data.status()).toBe(200);
	expect(await data.text()).toContain('truus@voorbeeld.nl');
	expectBaseHeaders(data.headers(), '__data.json');
	expect(data.headers()['cache-control']).toBe('private, no-store');

	// Each page gets its own nonce, and the inline script carries it.
	const html = await statement.text();
	const nonce = /'nonce-([^']+)'/.exec(statement.headers()['content-security-policy'])![1];
	expect(html).toContain(`nonce="${nonce}"`);
	const again = await request.get('/toegankelijkheid');
	expect(again.headers()['content-security-policy']).not.toContain(nonce);

	// Static files, served before SvelteKit's hooks run.
	const asset = /\/_app\/immutable\/[^"]+\.js/.exec(html)![0];
	for (const file of ['/favicon.svg', '/robots.txt', asset]) {
		const res = await request.get(file);
		expect(res.status(), file).toBe(200);
		expectBaseHeaders(res.headers(), file);
	}
	expect(baseURL).toMatch(/^http:/);
});

test('HSTS when the site is served over https', async () => {
	const site = await startBuiltSite({ ...JSON.parse(process.env.E2E_SITE_ENV!), ORIGIN: 'https://omzien.example' }, { quiet: true });
	try {
		for (const path of ['/toegankelijkheid', '/favicon.svg']) {
			const res = await fetch(`${site.baseURL}${path}`);
			expect(res.headers.get('strict-transport-security'), path).toBe('max-age=63072000; includeSubDomains');
		}
	} finally {
		await site.stop();
	}
});

test('pages work under the Content-Security-Policy, with and without JavaScript', async ({ page, javaScriptEnabled }) => {
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => console.error(`Content-Security-Policy: ${e.violatedDirective} ${e.blockedURI}`));
	});
	await page.goto('/inloggen');
	await expect(page.getByRole('button', { name: 'Stuur mij een code' })).toBeVisible();
	if (javaScriptEnabled) {
		// Hydrated: the router takes a link click without a full page load.
		await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
		await page.getByRole('link', { name: 'Toegankelijkheid' }).first().click();
		await expect(page).toHaveURL(/\/toegankelijkheid$/);
		expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
	}
	await page.goto('/');
	await page.goto('/toegankelijkheid');
	expect(violations).toEqual([]);
});

test('caching: pages the same for everyone say public with a short lifetime; personal pages private, no-store', async ({ request }) => {
	const cookie = await truusCookie();
	for (const path of ['/', '/toegankelijkheid']) {
		const first = await request.get(path);
		const second = await request.get(path);
		for (const res of [first, second]) {
			expect(res.status(), path).toBe(200);
			expect(res.headers()['cache-control'], path).toBe('public, max-age=60');
			expect(res.headers()['vary'], path).toBe('Cookie');
			expectPageHeaders(res.headers(), path);
			// Kept once, but every answer has its own nonce, and its scripts carry it.
			const nonce = /'nonce-([^']+)'/.exec(res.headers()['content-security-policy'])![1];
			expect(await res.text(), path).toContain(`nonce="${nonce}"`);
		}
		expect(first.headers()['content-security-policy']).not.toBe(second.headers()['content-security-policy']);
	}
	// In English (a cookie) the kept page is the English one.
	const english = await request.get('/toegankelijkheid', { headers: { cookie: 'omzien_lang=en' } });
	expect(await english.text()).toContain('lang="en"');
	expect(await (await request.get('/toegankelijkheid')).text()).toContain('lang="nl"');

	// Signed in, the same addresses are personal.
	const home = await request.get('/', { headers: { cookie } });
	expect(home.headers()['cache-control']).toBe('private, no-store');
	expect(await home.text()).not.toContain('href="/inloggen"');
	expect((await request.get('/toegankelijkheid', { headers: { cookie } })).headers()['cache-control']).toBe('private, no-store');
	// Right after signing out (a message for this person) and any personal page: never kept.
	expect((await request.get('/?uitgelogd')).headers()['cache-control']).toBe('private, no-store');
	for (const path of ['/account', '/hulp', '/meldingen']) {
		expect((await request.get(path, { headers: { cookie } })).headers()['cache-control'], path).toBe('private, no-store');
	}
});
