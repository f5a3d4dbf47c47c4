// `npm run bench -- pages`: the pages people use most, side by side in one run, each beside a static
// file of the same server: 50 connections, p50/p95, req/s as a ratio to the static file. Then the
// same against two `node build` instances on one stack (two load generators, one per instance,
// summed). And the JavaScript each page makes the browser load first (brotli), from the build.
import pg from 'pg';
import path from 'node:path';
import { measureApart, report, sessionCookie, signedVoicePath } from './lib.js';
import { generate } from './matching.bench.js';
import { siteBuildDir } from '../../supabase/local/stack.js';
import { firstLoadJsBytes, JS_BUDGET_BYTES } from '../support/js-budget.ts';

const TRUUS = '00000000-0000-4000-8000-000000000304';
const FATIMA = '00000000-0000-4000-8000-000000000306';
const NOORD = '00000000-0000-4000-8000-000000000102';

/** Runs SQL as a signed-in person (role authenticated, their id in the JWT claims), as PostgREST would. */
async function asPerson(client, person, text, values = []) {
	await client.query('begin');
	try {
		await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: person, role: 'authenticated' })]);
		await client.query('set local role authenticated');
		const res = await client.query(text, values);
		await client.query('commit');
		return res.rows;
	} catch (err) {
		await client.query('rollback');
		throw err;
	}
}

/** Truus's request that Fatima helps with, and twelve messages between them. */
async function requestWithMessages(client) {
	const [{ id }] = await asPerson(
		client,
		TRUUS,
		`select create_help_request(gen_random_uuid(), $1, 'groceries', 'Boodschappen op vrijdag', $2, 'asap') as id`,
		[TRUUS, NOORD]
	);
	await asPerson(client, FATIMA, `select help_act($1, 'offer')`, [id]);
	await asPerson(client, TRUUS, `select help_act($1, 'accept')`, [id]);
	for (let i = 0; i < 12; i++) {
		const from = i % 2 ? FATIMA : TRUUS;
		await asPerson(client, from, 'insert into help_messages (request_id, sender_id, body) values ($1, $2, $3)', [id, from, `Bericht ${i + 1}: zullen we om tien uur gaan?`]);
	}
	return id;
}

/**
 * Truus's one-minute recording, stored as the voice room stores it (voice_messages + voice_audio).
 * Written straight into the database: the ask form's first step no longer takes a recording, and
 * the upload path has its own benchmark (voice.bench.js).
 */
async function storeVoice(client, audio) {
	const { rows } = await client.query(
		`insert into voice_messages (author_id, mime_type, byte_size, duration_ms) values ($1, 'audio/mpeg', $2, 60000) returning id`,
		[TRUUS, audio.length]
	);
	await client.query('insert into voice_audio (voice_id, bytes) values ($1, $2)', [rows[0].id, audio]);
	return rows[0].id;
}

export async function benchPages(site, audio) {
	let bigData = true;
	const generator = new pg.Client({ connectionString: site.stack.dbUrl });
	generator.on('error', (err) => console.error('[bench] the database connection ended:', err.message));
	await generator.connect();
	try {
		// BENCH_DEMO_DATA=1: the demo data only (quicker; /hulp then says so).
		if (process.env.BENCH_DEMO_DATA) throw new Error('BENCH_DEMO_DATA is set');
		await generate(generator);
	} catch (err) {
		// Seen on a shared machine: the connection ended from outside halfway. Measure the rest anyway, and say so.
		bigData = false;
		console.error(`[bench] the 100k data set could not be made (${err.message}); /hulp is measured with the demo data`);
	}
	await generator.end().catch(() => {});
	// A client without an 'error' listener ends the whole process when Postgres stops (57P01), and so
	// hid why this benchmark stopped: a failing step stopped the stack, and the crash came first.
	const client = new pg.Client({ connectionString: site.stack.dbUrl });
	client.on('error', (err) => console.error('[bench] the database connection ended:', err.message));
	await client.connect();
	let requestId, truus, fatima, voiceId;
	try {
		requestId = await requestWithMessages(client);
		truus = { cookie: await sessionCookie(site, TRUUS) };
		fatima = { cookie: await sessionCookie(site, FATIMA) };
		voiceId = await storeVoice(client, audio);
	} finally {
		await client.end().catch(() => {});
	}
	const voicePath = signedVoicePath(site, voiceId, TRUUS);
	const second = await site.another();

	const pages = [
		{ name: 'static file /favicon.svg', path: '/favicon.svg', static: true },
		{ name: 'home / (anonymous)', path: '/' },
		{ name: 'home / (resident, signed in)', path: '/', headers: truus },
		{ name: bigData ? '/hulp (volunteer, 100k data)' : '/hulp (volunteer, demo data)', path: '/hulp', headers: fatima },
		{ name: 'request page, 12 messages', path: `/hulp/${requestId}`, headers: truus },
		{ name: 'static file, 64 kB Range', path: '/bench/voice-60s.mp3', headers: { range: 'bytes=65536-131071' } },
		{ name: 'voice, 64 kB Range (signed)', path: voicePath, headers: { range: 'bytes=65536-131071' }, against: 'static file, 64 kB Range' }
	];
	for (const p of pages) {
		const res = await fetch(`${site.baseURL}${p.path}`, { headers: p.headers ?? {}, redirect: 'manual' });
		await res.arrayBuffer();
		if (res.status >= 300) throw new Error(`${p.name}: ${res.status}`);
	}

	for (const [title, bases] of [
		['one instance', [site.baseURL]],
		['two instances (one load generator each, summed)', [site.baseURL, second]]
	]) {
		const rows = [];
		for (const p of pages) {
			rows.push({ name: p.name, static: p.static, against: p.against, ...(await measureApart(bases.map((b) => `${b}${p.path}`), { headers: p.headers ?? {} })) });
		}
		console.log(`\nPages, ${title}: 50 connections per instance, 8 s each, production build (* against the row it names in the code: the voice Range against the same bytes as a static file):`);
		report(rows);
	}

	// The JavaScript each page makes the browser load first.
	const clientDir = path.join(siteBuildDir(), 'client');
	console.log(`\nFirst-load JavaScript (brotli, quality 11, from ${clientDir}); budget ${JS_BUDGET_BYTES / 1024} kB:`);
	for (const p of pages.filter((x) => !x.static && !x.path.startsWith('/stem/') && !x.path.startsWith('/bench/'))) {
		const html = await (await fetch(`${site.baseURL}${p.path}`, { headers: p.headers ?? {} })).text();
		const { bytes, files } = firstLoadJsBytes(html, clientDir);
		console.log(`${p.name.padEnd(34)}${(bytes / 1024).toFixed(1).padStart(6)} kB in ${files} files${bytes > JS_BUDGET_BYTES ? '  OVER BUDGET' : ''}`);
	}
}
