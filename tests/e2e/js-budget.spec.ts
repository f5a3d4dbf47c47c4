// At most 25 kB of JavaScript (brotli) on any page's first load, measured from the build's own
// files: the modules each page's HTML makes the browser fetch. No journey needs it (forms.spec.ts).
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { test, expect, sql } from './fixtures';
import { siteBuildDir } from '../../supabase/local/stack.js';
import { firstLoadJsBytes, JS_BUDGET_BYTES } from '../support/js-budget';

test('every page loads at most 25 kB of JavaScript (brotli) at first', async ({ request }, testInfo) => {
	const id = randomBytes(15).toString('base64url');
	const secret = randomBytes(15).toString('base64url');
	await sql('insert into sessions (id, secret_hash, user_id) values ($1, $2, $3)', [id, createHash('sha256').update(secret).digest(), '00000000-0000-4000-8000-000000000306']);
	const cookie = `omzien_session=${id}.${secret}`;
	const clientDir = path.join(siteBuildDir(), 'client');
	const pages: [string, string | null][] = [
		['/', null], ['/toegankelijkheid', null], ['/inloggen', null], ['/kaart', null],
		['/', cookie], ['/hulp', cookie], ['/hulp/vragen', cookie], ['/hulp/bieden', cookie], ['/account', cookie], ['/meldingen', cookie]
	];
	const sizes: string[] = [];
	for (const [page, who] of pages) {
		const res = await request.get(page, { headers: who ? { cookie: who } : {} });
		expect(res.status(), page).toBe(200);
		const { bytes, files } = firstLoadJsBytes(await res.text(), clientDir);
		expect(files, page).toBeGreaterThan(0);
		sizes.push(`${page}${who ? ' (signed in)' : ''}: ${(bytes / 1024).toFixed(1)} kB`);
		expect(bytes, `${page}: ${(bytes / 1024).toFixed(1)} kB`).toBeLessThanOrEqual(JS_BUDGET_BYTES);
	}
	testInfo.annotations.push({ type: 'first-load JavaScript (brotli)', description: sizes.join('; ') });
});
