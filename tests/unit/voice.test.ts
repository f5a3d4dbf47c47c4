import { describe, expect, it } from 'vitest';
import { checkVoiceUpload, detectAudioType, audioSeconds } from '../../src/lib/server/voice/audio';
import { parseRange } from '../../src/lib/server/voice/range';
import { makeWav } from '../support/wav';

describe('voice uploads', () => {
	it('knows audio by its first bytes, not its name', () => {
		expect(detectAudioType(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('audio/webm');
		expect(detectAudioType(Buffer.from('OggS\0\0\0\0\0\0\0\0\0\0'))).toBe('audio/ogg');
		expect(detectAudioType(Buffer.from('\0\0\0\x20ftypM4A \0\0\0\0'))).toBe('audio/mp4');
		expect(detectAudioType(Buffer.from('ID3\x04\0\0\0\0\0\0\0\0\0'))).toBe('audio/mpeg');
		expect(detectAudioType(makeWav(1))).toBe('audio/wav');
		expect(detectAudioType(Buffer.from('Dit is gewoon tekst, geen geluid.'))).toBeNull();
	});

	it('reads the length of a WAV file', () => {
		expect(audioSeconds(makeWav(3), 'audio/wav')).toBeCloseTo(3, 2);
	});

	it('refuses a renamed text file, a file that is too big and a recording over two minutes', () => {
		expect(checkVoiceUpload(Buffer.from('Dit is gewoon tekst, geen geluid. '.repeat(10)))).toEqual({ ok: false, error: 'voice.errors.type' });
		expect(checkVoiceUpload(new Uint8Array(13 * 1024 * 1024))).toEqual({ ok: false, error: 'voice.errors.too_big' });
		expect(checkVoiceUpload(makeWav(125))).toEqual({ ok: false, error: 'voice.errors.too_long' });
		expect(checkVoiceUpload(makeWav(5))).toMatchObject({ ok: true, type: 'audio/wav' });
	});
});

describe('HTTP Range', () => {
	it('reads the three forms of a byte range and refuses nonsense', () => {
		expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
		expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
		expect(parseRange('bytes=-10', 1000)).toEqual({ start: 990, end: 999 });
		expect(parseRange('bytes=0-5000', 1000)).toEqual({ start: 0, end: 999 });
		expect(parseRange(null, 1000)).toBeNull();
		expect(parseRange('bytes=1000-', 1000)).toBe('invalid');
		expect(parseRange('items=0-1', 1000)).toBe('invalid');
	});
});
