// Signed voice addresses: HMAC-SHA256 over id, viewer and expiry; anything changed or expired is refused.
import { beforeAll, describe, expect, it } from 'vitest';

const ID = '11111111-2222-4333-8444-555555555555';
const VIEWER = '00000000-0000-4000-8000-000000000304';

describe('signed voice addresses', async () => {
	beforeAll(() => {
		process.env.AUTH_SECRET ||= 'a-test-secret-that-is-long-enough-for-this';
	});
	const { signedVoiceUrl, checkVoiceSignature, signPlayersInPage } = await import('../../src/lib/server/voice/signed-url');
	const params = (url: string) => new URL(url, 'http://x').searchParams;

	it('accepts its own address until it expires', () => {
		const url = signedVoiceUrl(ID, VIEWER);
		expect(url).toMatch(new RegExp(`^/stem/${ID}\\?v=${VIEWER}&e=\\d+&s=[A-Za-z0-9_-]{43}$`));
		expect(checkVoiceSignature(ID, params(url))).toEqual({ ok: true, viewer: VIEWER });
		const old = signedVoiceUrl(ID, VIEWER, Date.now() - 31 * 60 * 1000);
		expect(checkVoiceSignature(ID, params(old))).toEqual({ ok: false, reason: 'expired' });
	});

	it('refuses another id, viewer, expiry or signature', () => {
		const p = params(signedVoiceUrl(ID, VIEWER));
		expect(checkVoiceSignature('11111111-2222-4333-8444-555555555556', p).ok).toBe(false);
		for (const [name, value] of [['v', '00000000-0000-4000-8000-000000000305'], ['e', String(Number(p.get('e')) + 1)], ['s', p.get('s')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))], ['s', '']]) {
			const changed = new URLSearchParams(p);
			changed.set(name, value);
			expect(checkVoiceSignature(ID, changed), name).toEqual({ ok: false, reason: 'tampered' });
		}
	});

	it('signs only the players the reader may hear, and leaves a page without players alone', async () => {
		const other = '99999999-2222-4333-8444-555555555555';
		const html = `<audio src="/stem/${ID}"></audio><audio src="/stem/${other}"></audio>`;
		let asked: string[] = [];
		const signed = await signPlayersInPage(html, VIEWER, async (ids) => ((asked = ids), [ID]));
		expect(asked.sort()).toEqual([ID, other].sort());
		expect(signed).toMatch(new RegExp(`src="/stem/${ID}\\?v=${VIEWER}&amp;e=\\d+&amp;s=`));
		expect(signed).toContain(`src="/stem/${other}"`);
		let calls = 0;
		expect(await signPlayersInPage('<p>geen speler</p>', VIEWER, async () => (calls++, []))).toBe('<p>geen speler</p>');
		expect(calls).toBe(0);
		// The database away: the page still renders, unsigned.
		expect(await signPlayersInPage(html, VIEWER, async () => Promise.reject(new Error('away')))).toBe(html);
	});
});
