// adapter-node, with static files that vanish answered 404 and OMZIEN_BUILD_DIR (see adapter.js)
import adapter from './adapter.js';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// Forms post from our own pages only: SvelteKit refuses other origins.
		csrf: { trustedOrigins: [] },
		// The Content-Security-Policy: SvelteKit puts a fresh nonce on its own inline script per
		// page (mode auto). The other security headers are in src/lib/server/security-headers.ts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Style attributes (the recorder's level bar, app.html) need 'unsafe-inline' for styles
				// only; with it SvelteKit adds no style nonce, which would switch it off again.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				// A recording is played back from a blob: URL before it is sent.
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
