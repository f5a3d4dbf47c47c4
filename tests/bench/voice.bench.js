// Voice messages: storing one-minute uploads through the real form, and serving them with HTTP
// Range, each beside the same server sending the same bytes as a static file, in the same run.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { measure, report, sessionCookie } from './lib.js';

const TRUUS = '00000000-0000-4000-8000-000000000304';

/** About one minute of MP3 (32 kbit/s): MPEG frames stand alone, so the sentence repeats cleanly. */
export function oneMinuteMp3() {
	const sentence = readFileSync(new URL('../fixtures/audio/zin.mp3', import.meta.url));
	return Buffer.concat(Array.from({ length: 14 }, () => sentence)); // 14 × 4.36 s ≈ 61 s
}

/** The ask form's description step with a voice file, as a browser sends it. */
export function multipart(bytes) {
	const boundary = '----omzienbench';
	const field = (name, value) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
	const head = Buffer.from(
		field('step', 'description') + field('category_id', 'groceries') + field('description', '') +
			`--${boundary}\r\ncontent-disposition: form-data; name="voice"; filename="bericht.mp3"\r\ncontent-type: audio/mpeg\r\n\r\n`
	);
	return { body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

export async function benchVoice(site, audio) {
	const cookie = await sessionCookie(site, TRUUS);
	const staticUrl = `${site.baseURL}/bench/voice-60s.mp3`;
	const upload = multipart(audio);
	const post = {
		method: 'POST',
		body: upload.body,
		headers: { cookie, origin: site.baseURL, 'content-type': upload.type, accept: 'application/json', 'x-sveltekit-action': 'true' }
	};
	const first = await fetch(`${site.baseURL}/hulp/vragen?/step`, post);
	if (!first.ok) throw new Error(`upload failed: ${first.status} ${await first.text()}`);

	const client = new pg.Client({ connectionString: site.stack.dbUrl });
	await client.connect();
	const { rows } = await client.query('select id from voice_messages where author_id = $1 order by created_at desc limit 1', [TRUUS]);
	const voiceUrl = `${site.baseURL}/stem/${rows[0].id}`;

	const upRows = [];
	upRows.push({ name: `static GET of the same ${Math.round(audio.length / 1024)} kB`, static: true, ...(await measure(staticUrl, { connections: 10 })) });
	upRows.push({ name: 'upload + store (ask form)', ...(await measure(`${site.baseURL}/hulp/vragen?/step`, { ...post, connections: 10 })) });
	const { rows: stored } = await client.query('select count(*)::int as n from voice_messages where author_id = $1', [TRUUS]);
	await client.end();
	console.log(`\nVoice: one-minute MP3 (${audio.length} bytes), 10 connections, 8 s each:`);
	report(upRows);
	console.log(`(${stored[0].n} recordings stored; upload is compared with sending the same bytes the other way)`);

	const range = { range: 'bytes=65536-131071' };
	console.log('\nVoice: serving a 64 kB HTTP Range (as Safari asks), 50 connections, 8 s each:');
	report([
		{ name: 'static file, Range 64 kB', static: true, ...(await measure(staticUrl, { headers: range })) },
		{ name: '/stem/<id>, Range 64 kB', ...(await measure(voiceUrl, { headers: { ...range, cookie } })) }
	]);
	console.log('\nVoice: serving the whole recording, 50 connections, 8 s each:');
	report([
		{ name: 'static file, whole', static: true, ...(await measure(staticUrl)) },
		{ name: '/stem/<id>, whole', ...(await measure(voiceUrl, { headers: { cookie } })) }
	]);
}
