// "Zoek met uw stem": a recording becomes search words through an OpenAI-compatible
// speech-to-text server (here a small stand-in on a local port speaking that protocol), and the
// words find the entry. Without a server, a plain message; a file that is no audio is refused.
import { describe, expect, it, afterAll } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asAnon } from './helpers';
import { makeWav } from '../support/wav';

const wav = () => new File([new Uint8Array(makeWav(1))], 'zoek.wav', { type: 'audio/wav' });

describe('search by voice', async () => {
	const { wordsFromRecording, searchServices } = await import('../../src/lib/server/social-map');
	const seen: string[] = [];
	const stt = createServer((req, res) => {
		seen.push(`${req.method} ${req.url}`);
		req.resume();
		req.on('end', () => {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ text: ' voedselbank ' }));
		});
	});
	await new Promise<void>((resolve) => stt.listen(0, '127.0.0.1', resolve));
	afterAll(() => new Promise<void>((resolve) => stt.close(() => resolve())));
	const url = `http://127.0.0.1:${(stt.address() as AddressInfo).port}`;

	it('turns what was said into words that find the entry', async () => {
		const before = process.env.TRANSCRIBE_URL;
		process.env.TRANSCRIBE_URL = url;
		try {
			const heard = await wordsFromRecording(wav());
			expect(heard).toEqual({ words: 'voedselbank' });
			expect(seen).toEqual(['POST /v1/audio/transcriptions']);
			const found = await searchServices(await asAnon(), { q: 'voedselbank' });
			expect(found.map((s) => s.name)).toContain('Voedselbank');
			expect(await wordsFromRecording(new File(['geen geluid '.repeat(30)], 'x.mp3'))).toEqual({ error: 'voice.errors.type' });
		} finally {
			if (before === undefined) delete process.env.TRANSCRIBE_URL;
			else process.env.TRANSCRIBE_URL = before;
		}
	});

	it('without a speech-to-text server it says so', async () => {
		const before = process.env.TRANSCRIBE_URL;
		delete process.env.TRANSCRIBE_URL;
		try {
			expect(await wordsFromRecording(wav())).toEqual({ error: 'socialMap.voiceSearch.unavailable' });
		} finally {
			if (before !== undefined) process.env.TRANSCRIBE_URL = before;
		}
	});
});
