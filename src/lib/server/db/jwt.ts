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
