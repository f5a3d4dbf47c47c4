// A WebM file shaped like Chromium's MediaRecorder output: Segment and Clusters of unknown size,
// no Duration, 20 ms Opus-sized blocks. The payload is silence-sized filler; only the structure
// matters to the length check, and it lets a test make a long recording in a few kilobytes.

const UNKNOWN_SIZE = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

function size(n: number): number[] {
	if (n < 0x7f) return [0x80 | n];
	if (n < 0x3fff) return [0x40 | (n >> 8), n & 0xff];
	return [0x10, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
const element = (id: number[], body: number[]) => [...id, ...size(body.length), ...body];
const uint = (n: number) => [(n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

export function makeMediaRecorderWebm(seconds: number): Uint8Array {
	const out: number[] = [];
	out.push(...element([0x1a, 0x45, 0xdf, 0xa3], element([0x42, 0x82], [...Buffer.from('webm')])));
	out.push(0x18, 0x53, 0x80, 0x67, ...UNKNOWN_SIZE);
	out.push(...element([0x15, 0x49, 0xa9, 0x66], element([0x2a, 0xd7, 0xb1], uint(1_000_000))));
	out.push(...element([0x16, 0x54, 0xae, 0x6b], element([0xae], element([0xd7], [1]))));
	const totalMs = Math.round(seconds * 1000);
	for (let clusterStart = 0; clusterStart < totalMs; clusterStart += 10_000) {
		out.push(0x1f, 0x43, 0xb6, 0x75, ...UNKNOWN_SIZE);
		out.push(...element([0xe7], uint(clusterStart)));
		for (let t = 0; t < 10_000 && clusterStart + t < totalMs; t += 20) {
			out.push(...element([0xa3], [0x81, (t >> 8) & 0xff, t & 0xff, 0x80, 0xfc, 0xff, 0xfe]));
		}
	}
	return new Uint8Array(out);
}
