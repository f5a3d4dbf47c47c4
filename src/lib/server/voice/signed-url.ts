// A short-lived signed address for one voice message and one listener: the page that shows the
// recording makes it (after the database said, under RLS, that this person may hear it), and
// /stem/<id> serves it without asking who is signed in. HMAC-SHA256 over id, viewer and expiry,
// keyed by VOICE_URL_SECRET or, without it, a key derived from AUTH_SECRET for this purpose only.
import { createHmac } from 'node:crypto';
import { purposeKey, constantTimeEqual } from '../auth/crypto';
import { config } from '../config';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let key: { secret: string; key: Buffer } | null = null;
function signingKey(): Buffer {
	const secret = process.env.VOICE_URL_SECRET || config.authSecret;
	if (key?.secret !== secret) key = { secret, key: purposeKey(secret, 'voice-url') };
	return key.key;
}

function mac(id: string, viewer: string, expires: number): Buffer {
	return createHmac('sha256', signingKey()).update(`${id.toLowerCase()}\n${viewer.toLowerCase()}\n${expires}`).digest();
}

/** How long a signed address works (seconds): VOICE_URL_SECONDS, default 30 minutes. */
export function voiceUrlLifetime(): number {
	return Number(process.env.VOICE_URL_SECONDS) || 30 * 60;
}

/** /stem/<id>?v=<viewer>&e=<expiry, unix seconds>&s=<signature>, for an id the viewer may hear now. */
export function signedVoiceUrl(id: string, viewer: string, now = Date.now()): string {
	const expires = Math.floor(now / 1000) + voiceUrlLifetime();
	return `/stem/${id}?v=${viewer}&e=${expires}&s=${mac(id, viewer, expires).toString('base64url')}`;
}

export type SignedCheck = { ok: true; viewer: string } | { ok: false; reason: 'tampered' | 'expired' };

/** Checks a signed address: the signature first (constant time), then the expiry. */
export function checkVoiceSignature(id: string, params: URLSearchParams, now = Date.now()): SignedCheck {
	const viewer = params.get('v') ?? '';
	const expiresText = params.get('e') ?? '';
	const signature = Buffer.from(params.get('s') ?? '', 'base64url');
	if (!UUID.test(id) || !UUID.test(viewer) || !/^\d{1,12}$/.test(expiresText)) return { ok: false, reason: 'tampered' };
	const expires = Number(expiresText);
	if (!constantTimeEqual(signature, mac(id, viewer, expires))) return { ok: false, reason: 'tampered' };
	if (expires * 1000 <= now) return { ok: false, reason: 'expired' };
	return { ok: true, viewer };
}

/** Whether a request for /stem/<id> carries a signature (then no session is looked up). */
export function isSignedVoiceRequest(url: URL): boolean {
	return url.pathname.startsWith('/stem/') && url.searchParams.has('s');
}

const PLAYER_SRC = /src="\/stem\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/gi;

/**
 * Gives every player on a page rendered for this person a signed address for its recording, for
 * the recordings the database (RLS, now) says they may hear: one query for the page, none when
 * it has no player. Others keep the plain /stem/<id>, which asks the session (and so answers 404).
 */
export async function signPlayersInPage(
	html: string,
	viewer: string,
	mayHear: (ids: string[]) => Promise<string[]>
): Promise<string> {
	const ids = [...new Set([...html.matchAll(PLAYER_SRC)].map((m) => m[1].toLowerCase()))];
	if (!ids.length) return html;
	// The database away: the page still renders, its players ask the session.
	const heard = await mayHear(ids).catch(() => [] as string[]);
	const allowed = new Set(heard.map((id) => id.toLowerCase()));
	if (!allowed.size) return html;
	const now = Date.now();
	return html.replace(PLAYER_SRC, (whole, id: string) =>
		allowed.has(id.toLowerCase()) ? `src="${signedVoiceUrl(id.toLowerCase(), viewer, now).replaceAll('&', '&amp;')}"` : whole
	);
}

/**
 * For a player drawn in the browser (after a client-side navigation): a signed address for one
 * recording, when the database (RLS, now) says this person may hear it; null otherwise.
 */
export async function signedVoiceUrlFor(viewer: string | null, id: string, mayHear: (ids: string[]) => Promise<string[]>): Promise<string | null> {
	if (!viewer || !UUID.test(id)) return null;
	const heard = await mayHear([id.toLowerCase()]);
	return heard.some((h) => h.toLowerCase() === id.toLowerCase()) ? signedVoiceUrl(id.toLowerCase(), viewer) : null;
}
