// What a voice upload is, from its bytes: the container (magic bytes, never the file name or the
// browser's word for it) and, where the container says so, how long it lasts.

export type AudioType = 'audio/webm' | 'audio/ogg' | 'audio/mp4' | 'audio/mpeg' | 'audio/wav';

export const MAX_SECONDS = 120;
/** Two minutes of plain WAV at 48 kHz mono 16-bit, with room for headers. */
export const MAX_BYTES = 12 * 1024 * 1024;

export function detectAudioType(b: Uint8Array): AudioType | null {
	const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
	if (b.length < 12) return null;
	if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'audio/webm';
	if (ascii(0, 4) === 'OggS') return 'audio/ogg';
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav';
	if (ascii(4, 8) === 'ftyp') return 'audio/mp4';
	if (ascii(0, 3) === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0)) return 'audio/mpeg';
	return null;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** WAV: the data chunk's size divided by the byte rate from the fmt chunk. */
function wavSeconds(b: Uint8Array): number | null {
	const v = view(b);
	let offset = 12;
	let byteRate = 0;
	while (offset + 8 <= b.length) {
		const id = String.fromCharCode(...b.subarray(offset, offset + 4));
		const size = v.getUint32(offset + 4, true);
		if (id === 'fmt ') byteRate = v.getUint32(offset + 16, true);
		if (id === 'data') return byteRate ? Math.min(size, b.length - offset - 8) / byteRate : null;
		offset += 8 + size + (size % 2);
	}
	return null;
}

/** MP4/M4A: duration / timescale from the movie header (mvhd). */
function mp4Seconds(b: Uint8Array): number | null {
	const v = view(b);
	const walk = (start: number, end: number): number | null => {
		let offset = start;
		while (offset + 8 <= end) {
			const size = v.getUint32(offset);
			const type = String.fromCharCode(...b.subarray(offset + 4, offset + 8));
			if (size < 8) return null;
			if (type === 'moov') return walk(offset + 8, Math.min(end, offset + size));
			if (type === 'mvhd') {
				const version = b[offset + 8];
				const timescale = v.getUint32(offset + (version === 1 ? 28 : 20));
				const duration = version === 1 ? Number(v.getBigUint64(offset + 32)) : v.getUint32(offset + 24);
				return timescale ? duration / timescale : null;
			}
			offset += size;
		}
		return null;
	};
	return walk(0, b.length);
}

/** Ogg (Opus or Vorbis): the granule position of the last page, in 48 kHz samples for Opus. */
function oggSeconds(b: Uint8Array): number | null {
	const v = view(b);
	const isOpus = String.fromCharCode(...b.subarray(28, 36)) === 'OpusHead';
	const rate = isOpus ? 48000 : v.getUint32(40, true);
	for (let i = b.length - 27; i >= 0; i--) {
		if (b[i] === 0x4f && b[i + 1] === 0x67 && b[i + 2] === 0x67 && b[i + 3] === 0x53) {
			const granule = Number(v.getBigUint64(i + 6, true));
			return rate ? granule / rate : null;
		}
	}
	return null;
}

/**
 * The length in seconds where the container tells it. WebM from MediaRecorder carries no
 * duration and MP3 has none without scanning frames: then null, and the size limit and the
 * recorder's own two-minute stop are what hold.
 */
export function audioSeconds(b: Uint8Array, type: AudioType): number | null {
	try {
		if (type === 'audio/wav') return wavSeconds(b);
		if (type === 'audio/mp4') return mp4Seconds(b);
		if (type === 'audio/ogg') return oggSeconds(b);
	} catch {
		return null;
	}
	return null;
}

export type VoiceCheck = { ok: true; type: AudioType; seconds: number | null } | { ok: false; error: string };

/** The checks every upload passes, with the Dutch message (an i18n key) for what fails. */
export function checkVoiceUpload(bytes: Uint8Array): VoiceCheck {
	if (bytes.length > MAX_BYTES) return { ok: false, error: 'voice.errors.too_big' };
	const type = detectAudioType(bytes);
	if (!type) return { ok: false, error: 'voice.errors.type' };
	const seconds = audioSeconds(bytes, type);
	if (seconds !== null && seconds > MAX_SECONDS + 1) return { ok: false, error: 'voice.errors.too_long' };
	// WebM and MP3 have no length we can read: allow at most two minutes at 64 kbit/s.
	if (seconds === null && (type === 'audio/webm' || type === 'audio/mpeg') && bytes.length > (MAX_SECONDS * 64_000) / 8 * 1.1) {
		return { ok: false, error: 'voice.errors.too_long' };
	}
	return { ok: true, type, seconds };
}
