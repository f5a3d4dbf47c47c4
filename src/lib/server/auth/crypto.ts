import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 120 bits of randomness in a URL- and cookie-safe string. */
export function generateSecureRandomString(): string {
	return randomBytes(15).toString('base64url');
}

export function sha256(value: string): Buffer {
	return createHash('sha256').update(value).digest();
}

export function hmacSha256(key: string, value: string): Buffer {
	return createHmac('sha256', key).update(value).digest();
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A six-digit code, leading zeros kept. */
export function generateSignInCode(): string {
	return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** A key for one purpose, derived from AUTH_SECRET, so one secret never keys two things. */
export function purposeKey(secret: string, purpose: string): Buffer {
	return Buffer.from(hkdfSync('sha256', secret, 'omzien', purpose, 32));
}

/**
 * Seals a small value for a cookie: AES-256-GCM, so a browser can neither read nor change it
 * (a changed or foreign value does not open). Returns base64url(iv | tag | ciphertext).
 */
export function seal(secret: string, purpose: string, value: unknown): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', purposeKey(secret, purpose), iv);
	const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Opens what seal() made with the same secret and purpose; null for anything else. */
export function unseal<T>(secret: string, purpose: string, sealed: string | undefined): T | null {
	if (!sealed) return null;
	try {
		const raw = Buffer.from(sealed, 'base64url');
		if (raw.length < 29) return null;
		const decipher = createDecipheriv('aes-256-gcm', purposeKey(secret, purpose), raw.subarray(0, 12));
		decipher.setAuthTag(raw.subarray(12, 28));
		return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
	} catch {
		return null;
	}
}
