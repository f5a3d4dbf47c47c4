// Issue 12, "a crafted upload stalls everyone": files with real magic bytes and millions of tiny
// elements are refused quickly, and the site keeps answering everyone else meanwhile. The files
// are made at test time (tests/fixtures/crafted-audio.ts). The uploads go from this process with
// Node's fetch, so the browser's protocol does not add its own time to the measurement.
// Here they are 2 MB; the full 12 MB ones (six million WebM elements) are refused by the parser
// in bounded time in tests/unit/voice.test.ts. Over HTTP a 12 MB form costs what the framework
// takes to read any 12 MB form, parser or not, which is too noisy to time on a shared machine.
import { test, expect, signIn, newEmail, sql } from './fixtures';
import { CRAFTED } from '../fixtures/crafted-audio';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
	const started = performance.now();
	const value = await run();
	return { value, ms: performance.now() - started };
}

/** The draft-recording step of "Hulp vragen", posted as the form without JavaScript posts it. */
function draftUpload(baseURL: string, cookie: string, name: string, bytes: Uint8Array) {
	const form = new FormData();
	for (const [key, value] of Object.entries({ step: 'description', category_id: 'groceries', description: '', when_kind: 'asap', submission_id: crypto.randomUUID() })) {
		form.set(key, value);
	}
	form.set('voice', new Blob([new Uint8Array(bytes)]), name);
	return fetch(`${baseURL}/hulp/vragen?/step`, { method: 'POST', body: form, headers: { cookie, origin: baseURL, accept: 'text/html' }, redirect: 'manual' });
}

/**
 * Sends an upload and, meanwhile, other people's page requests: how long the upload took and the
 * slowest of the others. A few tries, the quickest counted: a stall caused by the upload shows in
 * every try, a busy test machine (other processes) only in some.
 */
async function uploadBesideOthers(baseURL: string, cookie: string, name: string, bytes: Uint8Array, other: () => Promise<unknown>, count = 3) {
	const tries = [];
	for (let t = 0; t < count; t++) {
		const upload = timed(async () => {
			const res = await draftUpload(baseURL, cookie, name, bytes);
			return { status: res.status, body: await res.text() };
		});
		const others = [];
		for (let i = 0; i < 6; i++) {
			await sleep(10);
			others.push(timed(other));
		}
		const answered = await upload;
		tries.push({ answered, slowestOther: Math.max(...(await Promise.all(others)).map((o) => o.ms)) });
	}
	return {
		answered: { value: tries[0].answered.value, ms: Math.min(...tries.map((t) => t.answered.ms)) },
		slowestOther: Math.min(...tries.map((t) => t.slowestOther))
	};
}

const REFUSED = /Dit is geen geluid dat wij kunnen afspelen|Dit bericht duurt langer dan 2 minuten/;

test('crafted WebM, Ogg and MP4 uploads are answered within 200 ms without holding up anyone else', async ({ page, baseURL }, testInfo) => {
	test.setTimeout(120_000);
	const email = newEmail(testInfo, 'crafted');
	await signIn(page, email, { name: 'Karel', area: 'Noord (wijk)' });
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const other = () => fetch(`${baseURL}/toegankelijkheid`).then((r) => r.text());

	for (let i = 0; i < 3; i++) await other(); // warm
	// The server's first large bodies are slower (buffers grow, code warms): warm it with plain ones.
	for (let i = 0; i < 5; i++) await draftUpload(baseURL!, cookie, 'tekst.webm', new Uint8Array(2 * 1024 * 1024).fill(0x20)).then((r) => r.text());
	const quiet = [];
	for (let i = 0; i < 7; i++) quiet.push((await timed(other)).ms);
	const baseline = quiet.sort((a, b) => a - b)[3];

	// Two megabytes each: a million WebM elements, a quarter of a million MP4 boxes (the parser
	// before the bound took seconds on these), an Ogg whose last page never comes.
	for (const [name, make] of Object.entries(CRAFTED)) {
		const bytes = make(2 * 1024 * 1024);
		await draftUpload(baseURL!, cookie, name, bytes).then((r) => r.text()); // this container's parser, once, to warm it
		// Beside it, in turns, the same route with a plain file of the same size, refused at its first
		// bytes: on a machine so busy that this alone takes longer than the bounds, the crafted file
		// may take no more than 100 ms beyond it. (Before the parser was bounded, these took seconds.)
		const plainBytes = new Uint8Array(bytes.length).fill(0x20);
		const crafted: Awaited<ReturnType<typeof uploadBesideOthers>>[] = [];
		const plains: typeof crafted = [];
		for (let i = 0; i < 4; i++) {
			crafted.push(await uploadBesideOthers(baseURL!, cookie, name, bytes, other, 1));
			plains.push(await uploadBesideOthers(baseURL!, cookie, 'tekst.webm', plainBytes, other, 1));
		}
		const quickest = (runs: typeof crafted) => ({
			answered: { value: runs[0].answered.value, ms: Math.min(...runs.map((r) => r.answered.ms)) },
			slowestOther: Math.min(...runs.map((r) => r.slowestOther))
		});
		const { answered, slowestOther } = quickest(crafted);
		const plain = quickest(plains);
		expect(answered.value.status, name).toBe(400);
		expect(answered.value.body, name).toMatch(REFUSED);
		expect(answered.ms, `${name}: ${answered.ms.toFixed(0)} ms; a plain file ${plain.answered.ms.toFixed(0)} ms`).toBeLessThan(Math.max(200, plain.answered.ms + 100));
		expect(slowestOther, `${name}: a parallel request took ${slowestOther.toFixed(0)} ms, ${baseline.toFixed(0)} ms when quiet, ${plain.slowestOther.toFixed(0)} ms beside a plain file`).toBeLessThan(
			Math.max(baseline, plain.slowestOther) + 100
		);
	}

	const [{ n }] = await sql<{ n: string }>('select count(*) as n from voice_messages v join profiles p on p.id = v.author_id where p.email = $1', [email]);
	expect(Number(n)).toBe(0);
});

test('a blocked person uploading a draft recording gets a plain message, not an error page', async ({ page, baseURL }, testInfo) => {
	const email = newEmail(testInfo, 'geblokkeerd');
	await signIn(page, email, { name: 'Bert', area: 'Noord (wijk)' });
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	await sql('update profiles set blocked_at = now() where email = $1', [email]);
	const res = await draftUpload(baseURL!, cookie, 'bericht.webm', CRAFTED['crafted.webm']());
	expect(res.status).toBe(400);
	expect(await res.text()).toContain('U kunt op dit moment geen berichten plaatsen.');
});
