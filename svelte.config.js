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
		csrf: { trustedOrigins: [] }
	}
};

export default config;
