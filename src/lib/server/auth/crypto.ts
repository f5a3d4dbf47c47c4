import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

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
