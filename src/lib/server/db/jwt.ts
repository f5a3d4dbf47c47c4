import { SignJWT, importJWK, type CryptoKey } from 'jose';
import { config } from '../config';

type SigningKey = { key: CryptoKey | Uint8Array; alg: 'HS256' | 'ES256'; kid?: string };

let cachedKey: Promise<SigningKey> | null = null;

async function loadSigningKey(): Promise<SigningKey> {
	if (config.jwtSigningKey) {
		const jwk = JSON.parse(config.jwtSigningKey);
		return { key: (await importJWK(jwk, 'ES256')) as CryptoKey, alg: 'ES256', kid: jwk.kid };
	}
	if (config.jwtSecret) return { key: new TextEncoder().encode(config.jwtSecret), alg: 'HS256' };
	throw new Error('Set SUPABASE_JWT_SECRET or SUPABASE_JWT_SIGNING_KEY. See README.md, Configuration.');
}

/**
 * A short-lived JWT for one request, so PostgREST (and RLS) see auth.uid() = userId.
 * It never leaves the server.
 */
export async function mintAccessToken(userId: string, lifetimeSeconds = 300): Promise<string> {
	cachedKey ??= loadSigningKey();
	const { key, alg, kid } = await cachedKey;
	return new SignJWT({ role: 'authenticated', aud: 'authenticated' })
		.setProtectedHeader(kid ? { alg, kid, typ: 'JWT' } : { alg, typ: 'JWT' })
		.setSubject(userId)
		.setIssuedAt()
		.setExpirationTime(`${lifetimeSeconds}s`)
		.sign(key);
}

/** A minted token is used again for a minute (of its five): signing cost more than the page's query. */
const REUSE_MS = 60_000;
const MAX_KEPT = 5_000;
const kept = new Map<string, { token: Promise<string>; until: number }>();

/**
 * The token for this person, minted at most once a minute per process. Safe to share between their
 * requests: it carries only who they are (role `authenticated`, their id); what they may do is
 * decided in the database on every call, and whether their session still holds by hooks.server.ts.
 */
export function accessTokenFor(userId: string): Promise<string> {
	const now = Date.now();
	const hit = kept.get(userId);
	if (hit && hit.until > now) return hit.token;
	kept.delete(userId);
	if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
	const token = mintAccessToken(userId);
	kept.set(userId, { token, until: now + REUSE_MS });
	token.catch(() => kept.delete(userId));
	return token;
}
