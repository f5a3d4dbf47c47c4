// Signed voice addresses: made for a page after RLS said the person may hear the recording, served
// without a session, only the bytes asked for; expired or changed → 403.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asAnon, asUser, people, areas } from './helpers';
import { saveVoice, audibleVoiceIds } from '../../src/lib/server/voice/store';
import { signedVoiceUrl, signPlayersInPage, checkVoiceSignature } from '../../src/lib/server/voice/signed-url';
import { signedAddressResponse, voiceResponse } from '../../src/lib/server/voice/serve';
import { makeWav } from '../support/wav';

const wavFile = (seconds: number) => new File([new Uint8Array(makeWav(seconds))], 'bericht.wav', { type: 'audio/wav' });

async function spokenRequest() {
	const truus = await asUser(people.truus);
	const saved = await saveVoice(truus, people.truus, wavFile(2));
	if (!saved.ok) throw new Error(saved.error);
	const { error } = await truus.rpc('create_help_request', {
		p_submission: randomUUID(), p_requester: people.truus, p_category: 'groceries', p_description: '', p_area: areas.noord, p_when: 'asap', p_voice: saved.id
	});
	if (error) throw new Error(error.message);
	return saved.id;
}

/** What /stem/<id> answers to a request without any session. */
async function fetchSigned(address: string, range?: string) {
	const url = new URL(address, 'http://omzien.test');
	const id = url.pathname.split('/')[2];
	return voiceResponse({ id, url, range: range ?? null, userId: null, db: await asAnon() });
}

describe('signed voice addresses', () => {
	it('serves the whole recording and exactly a range, with no session', async () => {
		const id = await spokenRequest();
		const original = makeWav(2);
		const address = signedVoiceUrl(id, people.fatima);
		const whole = await fetchSigned(address);
		expect(whole.status).toBe(200);
		expect(Buffer.from(await whole.arrayBuffer())).toEqual(original);
		expect(whole.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);

		const part = await fetchSigned(address, 'bytes=10-109');
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe(`bytes 10-109/${original.length}`);
		expect(Buffer.from(await part.arrayBuffer())).toEqual(original.subarray(10, 110));

		const tail = await fetchSigned(address, 'bytes=-5');
		expect(Buffer.from(await tail.arrayBuffer())).toEqual(original.subarray(original.length - 5));
		const open = await fetchSigned(address, `bytes=${original.length - 3}-`);
		expect(Buffer.from(await open.arrayBuffer())).toEqual(original.subarray(original.length - 3));
		expect((await fetchSigned(address, `bytes=${original.length}-`)).status).toBe(416);
		expect((await fetchSigned(address, 'bytes=abc')).status).toBe(416);
	});

	it('an expired, changed or moved address is refused with 403', async () => {
		const id = await spokenRequest();
		const old = signedVoiceUrl(id, people.fatima, Date.now() - 2 * 60 * 60 * 1000);
		expect((await fetchSigned(old)).status).toBe(403);
		const good = new URL(signedVoiceUrl(id, people.fatima), 'http://x');
		const tamper = (name: string, value: string) => {
			const u = new URL(good);
			u.searchParams.set(name, value);
			return `${u.pathname}${u.search}`;
		};
		expect((await fetchSigned(tamper('v', people.jan))).status).toBe(403);
		expect((await fetchSigned(tamper('e', String(Number(good.searchParams.get('e')) + 3600)))).status).toBe(403);
		expect((await fetchSigned(tamper('s', 'AAAA'))).status).toBe(403);
		const other = await spokenRequest();
		expect((await fetchSigned(`/stem/${other}${good.search}`)).status).toBe(403);
		expect(checkVoiceSignature(id, good.searchParams)).toEqual({ ok: true, viewer: people.fatima });
	});

	it('a page signs only the players its reader may hear now (RLS); without a session the plain address is refused', async () => {
		const id = await spokenRequest();
		const html = `<audio src="/stem/${id}"></audio>`;
		const forJan = await signPlayersInPage(html, people.jan, async (ids) => audibleVoiceIds(await asUser(people.jan), ids));
		expect(forJan).toBe(html); // Jan (another area) may not hear it: nothing signed
		const forFatima = await signPlayersInPage(html, people.fatima, async (ids) => audibleVoiceIds(await asUser(people.fatima), ids));
		const src = /src="([^"]+)"/.exec(forFatima)![1].replaceAll('&amp;', '&');
		expect(src).toMatch(new RegExp(`^/stem/${id}\\?v=${people.fatima}&e=\\d+&s=`));
		expect((await fetchSigned(src)).status).toBe(200);
		// The plain address without a session: 403, as before.
		expect((await voiceResponse({ id, url: new URL(`http://x/stem/${id}`), range: null, userId: null, db: await asAnon() })).status).toBe(403);
		// With the session of someone who may listen, the plain address still works (pages rendered in the browser).
		const plain = await voiceResponse({ id, url: new URL(`http://x/stem/${id}`), range: 'bytes=0-9', userId: people.fatima, db: await asUser(people.fatima) });
		expect(plain.status).toBe(206);
	});
});

describe('/stem/<id>/adres: a signed address for a player drawn in the browser', () => {
	it('gives a working signed address to whoever may hear the recording now, 404 to others and to nobody', async () => {
		const id = await spokenRequest();
		const res = await signedAddressResponse({ id, userId: people.fatima, db: await asUser(people.fatima) });
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		const { url } = (await res.json()) as { url: string };
		const address = new URL(url, 'http://omzien.test');
		expect(address.pathname).toBe(`/stem/${id}`);
		expect(checkVoiceSignature(id, address.searchParams)).toEqual({ ok: true, viewer: people.fatima });
		expect((await fetchSigned(url)).status).toBe(200);
		// Jan (a resident in another area) may not hear Truus's open request; nor may someone signed out
		expect((await signedAddressResponse({ id, userId: people.jan, db: await asUser(people.jan) })).status).toBe(404);
		expect((await signedAddressResponse({ id, userId: null, db: await asAnon() })).status).toBe(404);
		expect((await signedAddressResponse({ id: 'nope', userId: people.fatima, db: await asUser(people.fatima) })).status).toBe(404);
	});
});
