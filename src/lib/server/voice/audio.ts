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

/**
 * Reading a length is bounded, because it runs on the one thread that serves everybody: a real
 * two-minute recording has at most about 12,000 elements (Opus frames of 10 ms; AAC and MP3 frames,
 * boxes); a crafted file with millions of tiny ones would otherwise hold every other request up
 * for seconds. Past this many steps (each a constant amount of work, a few milliseconds in all)
 * the file is refused as unreadable. A count, not a clock: a busy server never refuses a real
 * recording because it was slow.
 */
export const MAX_PARSE_STEPS = 25_000;

class TooComplex extends Error {}

/** Counts one step of a parser; throws when the file needs more steps than any real recording. */
function parseBudget(): () => void {
	let steps = 0;
	return () => {
		if (++steps > MAX_PARSE_STEPS) throw new TooComplex();
	};
}
type Tick = () => void;

/** WAV: the data chunk's size divided by the byte rate from the fmt chunk. */
function wavSeconds(b: Uint8Array, tick: Tick): number | null {
	const v = view(b);
	let offset = 12;
	let byteRate = 0;
	while (offset + 8 <= b.length) {
		tick();
		const id = String.fromCharCode(...b.subarray(offset, offset + 4));
		const size = v.getUint32(offset + 4, true);
		if (id === 'fmt ') byteRate = v.getUint32(offset + 16, true);
		if (id === 'data') return byteRate ? Math.min(size, b.length - offset - 8) / byteRate : null;
		offset += 8 + size + (size % 2);
	}
	return null;
}

/** A box type as the 32-bit number it is in the file, so walking boxes makes no strings. */
const fourcc = (type: string) => ((type.charCodeAt(0) << 24) | (type.charCodeAt(1) << 16) | (type.charCodeAt(2) << 8) | type.charCodeAt(3)) >>> 0;
const MP4_CONTAINERS = new Set(['moov', 'trak', 'mdia', 'mvex', 'moof', 'traf'].map(fourcc));
const BOX = { mvhd: fourcc('mvhd'), mdhd: fourcc('mdhd'), trex: fourcc('trex'), tfhd: fourcc('tfhd'), tfdt: fourcc('tfdt'), trun: fourcc('trun') };

/**
 * MP4/M4A: duration / timescale from the movie header (mvhd). A fragmented MP4, as MediaRecorder
 * writes it, has 0 there: then the end of the last fragment (tfdt + the durations in its trun),
 * in the track's own timescale (mdhd).
 */
function mp4Seconds(b: Uint8Array, tick: Tick): number | null {
	const v = view(b);
	let movie = { duration: 0, timescale: 0 };
	let trackTimescale = 0;
	let defaultDuration = 0;
	let fragmentEnd = 0;
	let fragmentStart = 0;
	let fragmentDefault = 0;
	// Real files nest these containers three deep at most (moof > traf, moov > trak > mdia).
	const walk = (start: number, end: number, depth: number) => {
		if (depth > 4) throw new TooComplex();
		let at = start;
		while (at + 8 <= end) {
			tick();
			const size = v.getUint32(at);
			const type = v.getUint32(at + 4);
			if (size < 8) return;
			const version = b[at + 8];
			const flags = (b[at + 9] << 16) | (b[at + 10] << 8) | b[at + 11];
			if (MP4_CONTAINERS.has(type)) walk(at + 8, Math.min(end, at + size), depth + 1);
			else if (type === BOX.mvhd) {
				movie = version === 1
					? { timescale: v.getUint32(at + 28), duration: Number(v.getBigUint64(at + 32)) }
					: { timescale: v.getUint32(at + 20), duration: v.getUint32(at + 24) };
			} else if (type === BOX.mdhd && !trackTimescale) trackTimescale = v.getUint32(at + (version === 1 ? 28 : 20));
			else if (type === BOX.trex) defaultDuration = v.getUint32(at + 20);
			else if (type === BOX.tfhd) {
				let field = at + 16;
				if (flags & 0x01) field += 8;
				if (flags & 0x02) field += 4;
				fragmentDefault = flags & 0x08 ? v.getUint32(field) : defaultDuration;
			} else if (type === BOX.tfdt) fragmentStart = version === 1 ? Number(v.getBigUint64(at + 12)) : v.getUint32(at + 12);
			else if (type === BOX.trun) {
				const count = v.getUint32(at + 12);
				let field = at + 16 + (flags & 0x01 ? 4 : 0) + (flags & 0x04 ? 4 : 0);
				const perSample = [0x100, 0x200, 0x400, 0x800].filter((f) => flags & f).length * 4;
				let total = 0;
				if (!(flags & 0x100)) total = count * fragmentDefault; // every sample lasts the default
				else for (let i = 0; i < count && field + perSample <= at + size; i++, field += perSample) {
					tick();
					total += v.getUint32(field);
				}
				fragmentStart += total;
				fragmentEnd = Math.max(fragmentEnd, fragmentStart);
			}
			at += size;
		}
	};
	walk(0, b.length, 0);
	if (movie.duration > 0 && movie.timescale) return movie.duration / movie.timescale;
	return fragmentEnd > 0 && trackTimescale ? fragmentEnd / trackTimescale : null;
}

/** Ogg pages are at most 27 + 255 + 255 × 255 bytes: the last one starts within this many bytes of the end. */
const OGG_MAX_PAGE = 27 + 255 + 255 * 255;

/** Ogg (Opus or Vorbis): the granule position of the last page, in 48 kHz samples for Opus. */
function oggSeconds(b: Uint8Array): number | null {
	const v = view(b);
	const isOpus = String.fromCharCode(...b.subarray(28, 36)) === 'OpusHead';
	const rate = isOpus ? 48000 : v.getUint32(40, true);
	// Only the last page counts, so only the end of the file is searched for it.
	for (let i = b.length - 27; i >= Math.max(0, b.length - OGG_MAX_PAGE); i--) {
		if (b[i] === 0x4f && b[i + 1] === 0x67 && b[i + 2] === 0x67 && b[i + 3] === 0x53) {
			const granule = Number(v.getBigUint64(i + 6, true));
			return rate ? granule / rate : null;
		}
	}
	return null;
}

/** An EBML variable-length number at `at`: its length in bytes and its value (marker bit removed). */
function ebmlVint(b: Uint8Array, at: number): { length: number; value: number; unknown: boolean } | null {
	const first = b[at];
	if (first === undefined || first === 0) return null;
	const length = Math.clz32(first) - 23;
	if (at + length > b.length) return null;
	let value = first & (0xff >> length);
	let allOnes = value === 0xff >> length;
	for (let i = 1; i < length; i++) {
		value = value * 256 + b[at + i];
		if (b[at + i] !== 0xff) allOnes = false;
	}
	return { length, value, unknown: allOnes };
}

const EBML = { segment: 0x18538067, info: 0x1549a966, cluster: 0x1f43b675, blockGroup: 0xa0, timecodeScale: 0x2ad7b1, duration: 0x4489, timecode: 0xe7, simpleBlock: 0xa3, block: 0xa1 };
const ENTER = new Set([EBML.segment, EBML.info, EBML.cluster, EBML.blockGroup]);

/**
 * WebM/Matroska: the Duration in Info when there is one; MediaRecorder writes none, so otherwise
 * the latest block time (cluster timecode + block offset). Walks the elements in order, stepping
 * into Segment, Info, Cluster and BlockGroup, so sizes MediaRecorder leaves "unknown" do not matter.
 */
function webmSeconds(b: Uint8Array, tick: Tick): number | null {
	const v = view(b);
	let at = 0;
	let scale = 1_000_000; // nanoseconds per tick, Matroska's default
	let clusterTime = 0;
	let latest = -1;
	while (at < b.length) {
		tick();
		const id = ebmlVint(b, at);
		if (!id) return null;
		let idValue = 0; // the ID as written, marker bit included
		for (let i = at; i < at + id.length; i++) idValue = idValue * 256 + b[i];
		const size = ebmlVint(b, at + id.length);
		if (!size) break;
		const body = at + id.length + size.length;
		if (ENTER.has(idValue)) {
			at = body;
			continue;
		}
		if (size.unknown) return null;
		const end = Math.min(b.length, body + size.value);
		const uint = () => {
			let n = 0;
			for (let i = body; i < end; i++) n = n * 256 + b[i];
			return n;
		};
		if (idValue === EBML.timecodeScale) scale = uint();
		else if (idValue === EBML.duration && end - body >= 4) {
			const ticks = end - body === 8 ? v.getFloat64(body) : v.getFloat32(body);
			if (ticks > 0) return (ticks * scale) / 1e9;
		} else if (idValue === EBML.timecode) clusterTime = uint();
		else if ((idValue === EBML.simpleBlock || idValue === EBML.block) && end - body >= 4) {
			const track = ebmlVint(b, body);
			if (track && body + track.length + 2 <= b.length) latest = Math.max(latest, clusterTime + v.getInt16(body + track.length));
		}
		at = body + size.value;
	}
	return latest >= 0 ? (latest * scale) / 1e9 : null;
}

// MPEG audio frame tables: kbit/s per bitrate index, and samples per second per version.
const MP3_BITRATES: Record<string, number[]> = {
	'1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
	'1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
	'1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
	'2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
	'2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
};
const MP3_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** MP3: the frames counted one by one (after any ID3 tag), each adding its samples. */
function mp3Seconds(b: Uint8Array, tick: Tick): number | null {
	let at = 0;
	if (String.fromCharCode(...b.subarray(0, 3)) === 'ID3' && b.length >= 10) {
		const size = (b[6] << 21) | (b[7] << 14) | (b[8] << 7) | b[9];
		at = 10 + size + (b[5] & 0x10 ? 10 : 0);
	}
	let seconds = 0;
	let frames = 0;
	while (at + 4 <= b.length) {
		tick();
		const versionBits = (b[at + 1] >> 3) & 3;
		const layerBits = (b[at + 1] >> 1) & 3;
		const bitrateIndex = b[at + 2] >> 4;
		const rateIndex = (b[at + 2] >> 2) & 3;
		const valid = b[at] === 0xff && (b[at + 1] & 0xe0) === 0xe0 && versionBits !== 1 && layerBits !== 0 && bitrateIndex !== 0 && bitrateIndex !== 15 && rateIndex !== 3;
		if (!valid) {
			// not a frame here: look for the next one (a frame starts with 0xff)
			const next = b.indexOf(0xff, at + 1);
			if (next < 0) break;
			at = next;
			continue;
		}
		const layer = 4 - layerBits;
		const v1 = versionBits === 3;
		const kbps = MP3_BITRATES[v1 ? `1-${layer}` : layer === 1 ? '2-1' : '2-2'][bitrateIndex];
		const rate = MP3_RATES[versionBits][rateIndex];
		const padding = (b[at + 2] >> 1) & 1;
		const samples = layer === 1 ? 384 : layer === 3 && !v1 ? 576 : 1152;
		const length = layer === 1 ? (Math.floor((12 * kbps * 1000) / rate) + padding) * 4 : Math.floor(((samples / 8) * kbps * 1000) / rate) + padding;
		seconds += samples / rate;
		frames++;
		at += Math.max(length, 4);
	}
	return frames > 0 ? seconds : null;
}

/**
 * The length in seconds, read from the file itself; null when it cannot be read; 'too_complex'
 * when reading it would take more steps than any real recording needs (MAX_PARSE_STEPS).
 */
export function audioSeconds(b: Uint8Array, type: AudioType): number | null | 'too_complex' {
	const tick = parseBudget();
	try {
		if (type === 'audio/wav') return wavSeconds(b, tick);
		if (type === 'audio/mp4') return mp4Seconds(b, tick);
		if (type === 'audio/ogg') return oggSeconds(b);
		if (type === 'audio/webm') return webmSeconds(b, tick);
		return mp3Seconds(b, tick);
	} catch (err) {
		return err instanceof TooComplex ? 'too_complex' : null;
	}
}

export type VoiceCheck = { ok: true; type: AudioType; seconds: number | null } | { ok: false; error: string };

/** The checks every upload passes, with the Dutch message (an i18n key) for what fails. */
export function checkVoiceUpload(bytes: Uint8Array): VoiceCheck {
	if (bytes.length > MAX_BYTES) return { ok: false, error: 'voice.errors.too_big' };
	const type = detectAudioType(bytes);
	if (!type) return { ok: false, error: 'voice.errors.type' };
	const seconds = audioSeconds(bytes, type);
	if (seconds === 'too_complex') return { ok: false, error: 'voice.errors.type' };
	if (seconds !== null && seconds > MAX_SECONDS + 1) return { ok: false, error: 'voice.errors.too_long' };
	// A length we could not read: allow at most two minutes at 64 kbit/s.
	if (seconds === null && type !== 'audio/wav' && bytes.length > ((MAX_SECONDS * 64_000) / 8) * 1.1) {
		return { ok: false, error: 'voice.errors.too_long' };
	}
	return { ok: true, type, seconds };
}
