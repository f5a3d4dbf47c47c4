/** bytea travels through PostgREST as \x-prefixed hex. */
export function toBytea(bytes: Buffer): string {
	return `\\x${bytes.toString('hex')}`;
}

export function fromBytea(value: string): Buffer {
	return Buffer.from(value.replace(/^\\x/, ''), 'hex');
}
