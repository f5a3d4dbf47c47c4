// `npm run bench`: benchmarks against the production build on the local stack. Not part of npm test.
import { startSite } from './lib.js';
import { benchPages } from './pages.bench.js';
import { benchMatching } from './matching.bench.js';

const site = await startSite();
try {
	await benchPages(site);
	await benchMatching(site);
} finally {
	await site.stop();
}
