// Shared by the benchmarks: start the stack and the production build, and measure with autocannon.
import { createHash, randomBytes } from 'node:crypto';
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
	const stack = await startTestStack('bench');
	const site = await startBuiltSite(stack.env, { quiet: true });
	return {
		baseURL: site.baseURL,
		stack,
		stop: async () => {
			await site.stop();
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

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** autocannon with 50 connections; p50/p95 from every response's own time. */
export async function measure(url, { headers = {}, duration = 8, connections = 50, method = 'GET', body } = {}) {
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
	return { rps: result.requests.average, p50: percentile(times, 50), p95: percentile(times, 95), requests: times.length, non2xx, bytesPerSecond: result.throughput.average };
}

export function report(rows) {
	const pad = (s, n) => String(s).padEnd(n);
	console.log(`\n${pad('what', 34)}${pad('req/s', 10)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad('vs static', 12)}non-2xx`);
	const staticRow = rows.find((r) => r.static);
	for (const r of rows) {
		const ratio = staticRow ? (r.rps / staticRow.rps).toFixed(2) : '';
		// no response within autocannon's timeout leaves no times: say so instead of failing
		const ms = (v) => (v === undefined ? 'none' : v.toFixed(1));
		console.log(`${pad(r.name, 34)}${pad(r.rps.toFixed(0), 10)}${pad(ms(r.p50), 10)}${pad(ms(r.p95), 10)}${pad(ratio, 12)}${r.non2xx}${r.requests ? '' : ' (no response in time)'}`);
	}
}
