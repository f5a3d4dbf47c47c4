// Shared by the benchmarks: start the stack and the production build, and measure with autocannon.
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import autocannon from 'autocannon';
import { startBuiltSite, startTestStack } from '../support/stack.ts';
import { buildSite, siteBuildDir } from '../../supabase/local/stack.js';

/** staticFiles: { 'bench/x.mp3': bytes } are put beside the build's static files before it starts. */
export async function startSite({ build = true, staticFiles = {} } = {}) {
	// A build of their own, never build/: a running `npm start` serves that one.
	process.env.OMZIEN_BUILD_DIR ||= path.resolve('.data/build-bench');
	if (build) {
		if (!buildSite()) throw new Error('vite build failed; its output is above');
	}
	for (const [name, bytes] of Object.entries(staticFiles)) {
		const file = path.join(siteBuildDir(), 'client', name);
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, bytes);
	}
	// BENCH_STACK_NAME names the stack's temporary folder (omzien-<name>-…).
	const stack = await startTestStack(process.env.BENCH_STACK_NAME || 'bench');
	const site = await startBuiltSite(stack.env, { quiet: true });
	const more = [];
	return {
		baseURL: site.baseURL,
		stack,
		/** Another `node build` instance on the same stack (as behind a load balancer). */
		another: async () => {
			const other = await startBuiltSite(stack.env, { quiet: true });
			more.push(other);
			return other.baseURL;
		},
		stop: async () => {
			await Promise.all([site.stop(), ...more.map((m) => m.stop())]);
			await stack.stop();
		}
	};
}

/** A session cookie for a demo person, made the way createSession() makes one. */
export async function sessionCookie(site, userId) {
	const id = randomBytes(15).toString('base64url');
	const secret = randomBytes(15).toString('base64url');
	const client = new pg.Client({ connectionString: site.stack.dbUrl });
	await client.connect();
	await client.query('insert into sessions (id, secret_hash, user_id) values ($1, $2, $3)', [id, createHash('sha256').update(secret).digest(), userId]);
	await client.end();
	return `omzien_session=${id}.${secret}`;
}

/** A signed voice address as the site makes it (src/lib/server/voice/signed-url.ts). */
export function signedVoicePath(site, id, viewer, seconds = 3600) {
	const key = Buffer.from(hkdfSync('sha256', site.stack.env.AUTH_SECRET, 'omzien', 'voice-url', 32));
	const expires = Math.floor(Date.now() / 1000) + seconds;
	const sig = createHmac('sha256', key).update(`${id}\n${viewer}\n${expires}`).digest('base64url');
	return `/stem/${id}?v=${viewer}&e=${expires}&s=${sig}`;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** autocannon with 50 connections; p50/p95 from every response's own time. */
export async function measure(url, { headers = {}, duration = 8, connections = 50, method = 'GET', body, keepTimes = false } = {}) {
	const times = [];
	let non2xx = 0;
	const result = await new Promise((resolve, reject) => {
		const instance = autocannon({ url, connections, duration, headers, method, body }, (err, res) => (err ? reject(err) : resolve(res)));
		instance.on('response', (_client, statusCode, _bytes, responseTime) => {
			times.push(responseTime);
			if (statusCode < 200 || statusCode >= 300) non2xx++;
		});
	});
	times.sort((a, b) => a - b);
	return {
		rps: result.requests.average,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		requests: times.length,
		non2xx,
		bytesPerSecond: result.throughput.average,
		...(keepTimes ? { times } : {})
	};
}

/**
 * Load generators in processes of their own, one per URL, all at once (two site instances: one
 * each). req/s summed; p50/p95 over every response of all of them.
 */
export async function measureApart(urls, options = {}) {
	const script = new URL('./load.js', import.meta.url).pathname;
	const runs = await Promise.all(
		urls.map(
			(url) =>
				new Promise((resolve, reject) => {
					const child = spawn(process.execPath, [script, JSON.stringify({ url, options })], { stdio: ['ignore', 'pipe', 'inherit'] });
					let out = '';
					child.stdout.on('data', (d) => (out += d));
					child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator for ${url} ended with ${code}`))));
				})
		)
	);
	const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
	return {
		rps: runs.reduce((sum, r) => sum + r.rps, 0),
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		requests: times.length,
		non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0)
	};
}

export function report(rows) {
	const pad = (s, n) => String(s).padEnd(n);
	console.log(`\n${pad('what', 34)}${pad('req/s', 10)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad('vs static', 12)}non-2xx`);
	const staticRow = rows.find((r) => r.static);
	for (const r of rows) {
		// a row may name its own baseline (the voice Range: the same bytes as a static file)
		const base = r.against ? rows.find((x) => x.name === r.against) : staticRow;
		const ratio = base ? `${(r.rps / base.rps).toFixed(2)}${r.against ? '*' : ''}` : '';
		// no response within autocannon's timeout leaves no times: say so instead of failing
		const ms = (v) => (v === undefined ? 'none' : v.toFixed(1));
		console.log(`${pad(r.name, 34)}${pad(r.rps.toFixed(0), 10)}${pad(ms(r.p50), 10)}${pad(ms(r.p95), 10)}${pad(ratio, 12)}${r.non2xx}${r.requests ? '' : ' (no response in time)'}`);
	}
}
