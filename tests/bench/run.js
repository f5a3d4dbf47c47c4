// `npm run bench`: benchmarks against the production build on the local stack. Not part of npm test.
import { startSite } from './lib.js';
import { benchPages } from './pages.bench.js';
import { benchMatching } from './matching.bench.js';
import { benchVoice, oneMinuteMp3 } from './voice.bench.js';

const audio = oneMinuteMp3();
// BENCH_SKIP_BUILD=1 serves the build already in .data/build-bench (after a bench that stopped halfway).
const site = await startSite({ build: !process.env.BENCH_SKIP_BUILD, staticFiles: { 'bench/voice-60s.mp3': audio } });
try {
	// `npm run bench -- voice` runs only the named parts; without names, all of them.
	const only = process.argv.slice(2);
	const wanted = (name) => only.length === 0 || only.includes(name);
	if (wanted('pages')) await benchPages(site, audio);
	if (wanted('voice')) await benchVoice(site, audio);
	if (wanted('matching')) await benchMatching(site);
} finally {
	await site.stop();
}
