// Pages that are the same for everyone who is not signed in (the home page, the accessibility
// statement) are rendered once and kept in this process for a short time, and say so to browsers
// and proxies: `public, max-age=N`, `Vary: Cookie` (the language and text size come from cookies;
// a signed-in person's home is another page). Personal pages stay `private, no-store`
// (hooks.server.ts). Each answer still gets a fresh CSP nonce: the kept page's nonce is replaced.
import { randomBytes } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from './auth/session';
import { LANGUAGE_COOKIE } from '$lib/i18n';
import { TEXT_SIZE_COOKIE } from '$lib/settings';

/** The pages kept; each reads only public data (RLS: anon) and nothing from the request. */
export const PUBLIC_PAGES = new Set(['/', '/toegankelijkheid']);

/** How long (seconds) a public page is kept here and by browsers: PUBLIC_PAGE_SECONDS, default 60; 0 turns it off. */
export function publicPageSeconds(): number {
	const value = Number(process.env.PUBLIC_PAGE_SECONDS);
	return process.env.PUBLIC_PAGE_SECONDS !== undefined && Number.isFinite(value) && value >= 0 ? value : 60;
}

export function publicCacheControl(): string {
	return `public, max-age=${publicPageSeconds()}`;
}

type Kept = { until: number; status: number; headers: [string, string][]; body: string; nonce: string | null };
const kept = new Map<string, Kept>();

/** The key of a public page for this request, or null when this request must be rendered for the person. */
export function publicPageKey(event: RequestEvent): string | null {
	if (event.request.method !== 'GET' || event.isDataRequest || publicPageSeconds() <= 0) return null;
	if (!PUBLIC_PAGES.has(event.url.pathname) || event.url.search !== '') return null;
	if (event.cookies.get(SESSION_COOKIE)) return null;
	return `${event.url.pathname}|${event.cookies.get(LANGUAGE_COOKIE) ?? ''}|${event.cookies.get(TEXT_SIZE_COOKIE) ?? ''}`;
}

const NONCE = /'nonce-([^']+)'/;

export function keptPage(key: string): Response | null {
	const page = kept.get(key);
	if (!page) return null;
	if (page.until <= Date.now()) {
		kept.delete(key);
		return null;
	}
	let body = page.body;
	const headers = new Headers(page.headers);
	if (page.nonce) {
		const fresh = randomBytes(16).toString('base64');
		body = body.replaceAll(page.nonce, fresh);
		const csp = headers.get('content-security-policy');
		if (csp) headers.set('content-security-policy', csp.replaceAll(page.nonce, fresh));
	}
	return new Response(body, { status: page.status, headers });
}

/** Keeps a freshly rendered public page (only a plain 200 HTML answer that sets no cookie). */
export async function keepPage(key: string, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || !type.startsWith('text/html') || response.headers.has('set-cookie')) return response;
	const body = await response.text();
	const headers = new Headers(response.headers);
	headers.set('cache-control', publicCacheControl());
	headers.set('vary', 'Cookie');
	headers.delete('content-length');
	const nonce = NONCE.exec(headers.get('content-security-policy') ?? '')?.[1] ?? null;
	if (kept.size > 100) kept.clear();
	kept.set(key, { until: Date.now() + publicPageSeconds() * 1000, status: 200, headers: [...headers], body, nonce });
	return new Response(body, { status: 200, headers });
}
