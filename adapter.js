// Omzien's adapter: @sveltejs/adapter-node, with two changes to how it serves static files (sirv,
// which it bundles into build/handler.js):
// - a file that was there when the site started but is gone now (a rebuild in the same folder)
//   goes on to the site, which answers 404, instead of crashing the server with an unhandled
//   'error' event on a ReadStream (sirv lists the files once, at start);
// - a read that fails after that check ends that one response, never the process.
// And where it builds: build/, or OMZIEN_BUILD_DIR, so that tests and benchmarks build into a
// folder of their own and never under a running `npm start`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodeAdapter from '@sveltejs/adapter-node';

/** The changes, each a piece of sirv's source and what it becomes; the build fails if one is not found. */
export const SIRV_PATCHES = [
	{
		what: 'a listed file that is gone goes on to the site (404)',
		from: 'if (!data) return next ? next() : isNotFound(req, res);',
		to: 'if (!data || !fs.existsSync(data.abs)) return next ? next() : isNotFound(req, res);'
	},
	{
		what: 'a failed read ends the response, not the process',
		from: 'fs.createReadStream(file, opts).pipe(res);',
		to: "fs.createReadStream(file, opts).on('error', () => res.destroy()).pipe(res);"
	}
];

/** Applies SIRV_PATCHES to adapter-node's copy of sirv; throws when adapter-node's code changed. */
export function patchSirv(file) {
	let source = readFileSync(file, 'utf8');
	for (const patch of SIRV_PATCHES) {
		if (!source.includes(patch.from)) {
			throw new Error(`adapter.js: adapter-node's static file server changed (${file}); cannot apply "${patch.what}". Update SIRV_PATCHES.`);
		}
		source = source.replace(patch.from, patch.to);
	}
	writeFileSync(file, source);
}

/** @param {import('@sveltejs/adapter-node').AdapterOptions} [options] */
export default function adapter(options = {}) {
	const base = nodeAdapter({ out: process.env.OMZIEN_BUILD_DIR || 'build', ...options });
	return {
		...base,
		/** @param {import('@sveltejs/kit').Builder} builder */
		async adapt(builder) {
			// adapter-node copies its entry files (with sirv in chunks/vendor.js) and then bundles
			// them; patch the copy before the bundle is made.
			let done = false;
			const patched = Object.create(builder);
			patched.copy = (/** @type {string} */ from, /** @type {string} */ to, /** @type {any} */ opts) => {
				const copied = builder.copy(from, to, opts);
				if (copied.includes('chunks/vendor.js')) {
					patchSirv(path.join(to, 'chunks', 'vendor.js'));
					done = true;
				}
				return copied;
			};
			await base.adapt(patched);
			if (!done) throw new Error("adapter.js: adapter-node no longer copies chunks/vendor.js (sirv); static files are served unpatched. Update adapter.js.");
		}
	};
}
