// The security headers Omzien sends, in one list (tests/e2e/headers.spec.ts checks them on a public
// page, a personal page, its __data.json and a static file). The Content-Security-Policy itself is
// made by SvelteKit (kit.csp in svelte.config.js), which puts a fresh nonce on its own scripts.
import { ServerResponse } from 'node:http';
import { config } from './config';

/** Sent with every response, static files included. */
export function baseSecurityHeaders(): [string, string][] {
	const headers: [string, string][] = [
		['x-content-type-options', 'nosniff'],
		['referrer-policy', 'same-origin'],
		// frame-ancestors 'none' in the CSP says the same to browsers that read it.
		['x-frame-options', 'DENY'],
		// The voice recorder needs the microphone, on our own pages only.
		['permissions-policy', 'camera=(), geolocation=(), microphone=(self), payment=(), usb=()'],
		['cross-origin-opener-policy', 'same-origin']
	];
	// HSTS only where the site really is https (a local http site would lock itself out).
	if (config.secureCookies) headers.push(['strict-transport-security', 'max-age=63072000; includeSubDomains']);
	return headers;
}

/** Pages and their __data.json: never kept by a browser or a proxy (they can show a person's data). */
export const DYNAMIC_CACHE_CONTROL = 'private, no-store';

let patched = false;

/**
 * adapter-node serves static files (build/client) before SvelteKit's handle runs, so the base
 * headers are added where every response of this process is written. Headers a response sets
 * itself win.
 */
export function addSecurityHeadersToEveryResponse(): void {
	if (patched) return;
	patched = true;
	const writeHead = ServerResponse.prototype.writeHead;
	ServerResponse.prototype.writeHead = function (this: ServerResponse, ...args: unknown[]) {
		if (!this.headersSent) {
			for (const [name, value] of baseSecurityHeaders()) if (!this.hasHeader(name)) this.setHeader(name, value);
		}
		return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
	} as typeof writeHead;
}
