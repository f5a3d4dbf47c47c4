// `npm run bench`: benchmarks against the production build on the local stack. Not part of npm test.
import { startSite } from './lib.js';
import { benchPages } from './pages.bench.js';
import { benchMatching } from './matching.bench.js';
import { benchVoice, oneMinuteMp3 } from './voice.bench.js';
import { benchCoordination } from './coordination.bench.js';
import { startTestStack } from '../support/stack.ts';

// `npm run bench -- voice` runs only the named parts; without names, all of them.
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);

if (only.length > 0 && only.every((name) => name === 'coordination')) {
	// The coordination part measures queries only: the stack without a site build.
	const stack = await startTestStack('bench');
	try {
		await benchCoordination({ stack });
	} finally {
		await stack.stop();
	}
} else {
	const audio = oneMinuteMp3();
	const site = await startSite({ staticFiles: { 'bench/voice-60s.mp3': audio } });
	try {
		if (wanted('pages')) await benchPages(site);
		if (wanted('voice')) await benchVoice(site, audio);
		if (wanted('matching')) await benchMatching(site);
		if (wanted('coordination')) await benchCoordination(site);
	} finally {
		await site.stop();
	}
import { benchInitiatives } from './initiatives.bench.js';
import { startTestStack } from '../support/stack.ts';

// `npm run bench -- voice` runs only the named parts; without names, all of them.
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);

// The initiatives queries need only the database: alone, they run without building the site.
if (only.length === 1 && only[0] === 'initiatives') {
	const stack = await startTestStack('bench');
	try {
		await benchInitiatives(stack);
	} finally {
		await stack.stop();
	}
	process.exit(0);
}

const audio = oneMinuteMp3();
// BENCH_SKIP_BUILD=1 serves the build already in .data/build-bench (after a bench that stopped halfway).
const site = await startSite({ build: !process.env.BENCH_SKIP_BUILD, staticFiles: { 'bench/voice-60s.mp3': audio } });
try {
	if (wanted('pages')) await benchPages(site);
	// `npm run bench -- voice` runs only the named parts; without names, all of them.
	const only = process.argv.slice(2);
	const wanted = (name) => only.length === 0 || only.includes(name);
	if (wanted('pages')) await benchPages(site, audio);
	if (wanted('voice')) await benchVoice(site, audio);
	if (wanted('matching')) await benchMatching(site);
	if (wanted('initiatives')) await benchInitiatives(site.stack);
} finally {
	await site.stop();
}
