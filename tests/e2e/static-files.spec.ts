// A rebuild under a running site (issue 12): a static file that was there when the site started
// and is gone now (a rebuild in the same folder) is a 404, and the site keeps running. And the
// tests build into a folder of their own, so they never rebuild the build/ a running `npm start` serves.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { startBuiltSite } from '../support/stack';
import { siteBuildDir } from '../../supabase/local/stack.js';

const compressed = { 'accept-encoding': 'br, gzip' };

test('a static file that disappears under a running site is a 404, not a crash', async () => {
	// A copy of the build inside the project (its server finds node_modules from there), served as npm start serves it.
	const dir = mkdtempSync(path.resolve('.data/build-vanishing-'));
	cpSync(siteBuildDir(), dir, { recursive: true });
	const site = await startBuiltSite(JSON.parse(process.env.E2E_SITE_ENV!), { quiet: true, dir });
	try {
		const entry = path.join(dir, 'client/_app/immutable/entry');
		const name = readdirSync(entry).find((f) => /^start\..+\.js$/.test(f))!;
		const url = `${site.baseURL}/_app/immutable/entry/${name}`;
		expect(existsSync(path.join(entry, `${name}.br`))).toBe(true);
		expect((await fetch(url, { headers: compressed })).status).toBe(200);

		// the rebuild: the hashed file and its compressed forms are gone
		for (const suffix of ['', '.br', '.gz']) rmSync(path.join(entry, `${name}${suffix}`), { force: true });
		expect((await fetch(url, { headers: compressed })).status).toBe(404);
		expect((await fetch(url)).status).toBe(404);

		// the site still runs
		const page = await fetch(`${site.baseURL}/toegankelijkheid`);
		expect(page.status).toBe(200);
	} finally {
		await site.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('the tests serve a build of their own, never build/ (which npm start serves)', async ({ page }) => {
	expect(siteBuildDir()).not.toBe(path.resolve('build'));
	expect(siteBuildDir()).toBe(path.resolve('.data/build-e2e'));
	// the site under test loads its scripts from that build
	const response = await page.request.get('/');
	const asset = /\/_app\/immutable\/entry\/(start\.[\w-]+\.js)/.exec(await response.text())?.[1];
	expect(asset).toBeTruthy();
	expect(existsSync(path.join(siteBuildDir(), 'client/_app/immutable/entry', asset!))).toBe(true);
});
