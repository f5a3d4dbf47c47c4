// The JavaScript a page makes the browser load first, measured from the build's own files: the
// modules the HTML names (modulepreload links and the start script's imports), each as its
// brotli-compressed size (quality 11, as a static file server would precompress it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** At most this much brotli JavaScript on any page's first load (issue 13). */
export const JS_BUDGET_BYTES = 25 * 1024;

export function firstLoadScripts(html: string): string[] {
	const files = new Set<string>();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /\shref="([^"]+)"/.exec(tag)?.[1];
		if (href && /\srel="modulepreload"/.test(tag)) files.add(href);
	}
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) files.add(m[1]);
	for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(m[1]);
	return [...files].map((f) => f.replace(/^(\.\.?\/)+/, '/').replace(/^https?:\/\/[^/]+/, ''));
}

const sizes = new Map<string, number>();

/** Brotli bytes of the first-load JavaScript of this HTML, with the client folder of the build. */
export function firstLoadJsBytes(html: string, clientDir: string): { bytes: number; files: number } {
	let bytes = 0;
	const files = firstLoadScripts(html);
	for (const file of files) {
		const full = path.join(clientDir, file.replace(/^\//, ''));
		let size = sizes.get(full);
		if (size === undefined) {
			size = brotliCompressSync(readFileSync(full), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
			sizes.set(full, size);
		}
		bytes += size;
	}
	return { bytes, files: files.length };
}
