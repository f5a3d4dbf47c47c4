// `npm run bench`: benchmarks against the production build on the local stack. Not part of npm test.
// `npm run bench -- voice` runs only the named parts; without names, all of them.
import { startSite } from './lib.js';
import { benchPages } from './pages.bench.js';
import { benchMatching } from './matching.bench.js';
import { benchVoice, oneMinuteMp3 } from './voice.bench.js';
import { benchCoordination } from './coordination.bench.js';
import { benchInitiatives } from './initiatives.bench.js';
import { benchCarers } from './carers.bench.js';
import { startTestStack } from '../support/stack.ts';

const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);
/** Parts that measure database queries only: asked for alone, they run without building the site. */
const QUERY_ONLY = { coordination: benchCoordination, initiatives: benchInitiatives, carers: benchCarers };

if (only.length > 0 && only.every((name) => name in QUERY_ONLY)) {
	const stack = await startTestStack('bench');
	try {
		for (const name of only) await QUERY_ONLY[name]({ stack });
	} finally {
		await stack.stop();
	}
} else {
	const audio = oneMinuteMp3();
	// BENCH_SKIP_BUILD=1 serves the build already in .data/build-bench (after a bench that stopped halfway).
	const site = await startSite({ build: !process.env.BENCH_SKIP_BUILD, staticFiles: { 'bench/voice-60s.mp3': audio } });
	try {
		if (wanted('pages')) await benchPages(site, audio);
		if (wanted('voice')) await benchVoice(site, audio);
		if (wanted('matching')) await benchMatching(site);
		for (const [name, bench] of Object.entries(QUERY_ONLY)) if (wanted(name)) await bench(site);
	} finally {
		await site.stop();
	}
}
