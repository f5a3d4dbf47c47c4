// `npm run bench`: benchmarks against the production build on the local stack. Not part of npm test.
import { startSite } from './lib.js';
import { benchPages } from './pages.bench.js';

const site = await startSite();
try {
	await benchPages(site);
} finally {
	await site.stop();
}
