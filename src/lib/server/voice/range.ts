/** Parses one HTTP byte range ("bytes=0-99", "bytes=100-", "bytes=-50") against a length. */
export function parseRange(header: string | null, length: number): { start: number; end: number } | 'invalid' | null {
	if (!header) return null;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return 'invalid';
	let start: number;
	let end: number;
	if (match[1] === '') {
		const suffix = Number(match[2]);
		if (suffix === 0) return 'invalid';
		start = Math.max(0, length - suffix);
		end = length - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? length - 1 : Math.min(Number(match[2]), length - 1);
	}
	if (start > end || start >= length) return 'invalid';
	return { start, end };
}
