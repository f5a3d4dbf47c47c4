// The session cache on its own: it keeps a session only while it hears the database, never for a
// wrong secret, and drops what is announced; a read begun before a drop is not kept after it.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { SessionCache } from '../../src/lib/server/auth/session-cache';
import type { ValidatedSession } from '../../src/lib/server/auth/session';

const hash = (s: string) => createHash('sha256').update(s).digest();
const session = (sessionId: string, userId: string): ValidatedSession => ({
	sessionId,
	user: { id: userId, displayName: 'T', areaId: null, language: 'nl', email: null, onboarded: true, roles: [] }
});

describe('SessionCache', () => {
	it('is off until it hears the database, and empties when it stops hearing it', () => {
		const cache = new SessionCache(30_000);
		cache.set(session('s1', 'u1'), hash('x'), cache.ticket());
		expect(cache.get('s1', hash('x'))).toBeNull();
		cache.setListening(true);
		cache.set(session('s1', 'u1'), hash('x'), cache.ticket());
		expect(cache.get('s1', hash('x'))?.user.id).toBe('u1');
		cache.setListening(false);
		expect(cache.size).toBe(0);
		expect(cache.get('s1', hash('x'))).toBeNull();
	});

	it('never answers for a wrong secret, and forgets what is announced', () => {
		const cache = new SessionCache(30_000);
		cache.setListening(true);
		cache.set(session('s1', 'u1'), hash('x'), cache.ticket());
		cache.set(session('s2', 'u1'), hash('y'), cache.ticket());
		cache.set(session('s3', 'u2'), hash('z'), cache.ticket());
		expect(cache.get('s1', hash('wrong'))).toBeNull();
		cache.set(session('s1', 'u1'), hash('x'), cache.ticket());
		cache.announce('s:s1');
		expect(cache.get('s1', hash('x'))).toBeNull();
		expect(cache.get('s2', hash('y'))).not.toBeNull();
		cache.announce('u:u1');
		expect(cache.get('s2', hash('y'))).toBeNull();
		expect(cache.get('s3', hash('z'))).not.toBeNull();
		cache.announce('something new');
		expect(cache.size).toBe(0);
	});

	it('a session read before a sign-out was announced is not kept after it', () => {
		const cache = new SessionCache(30_000);
		cache.setListening(true);
		const ticket = cache.ticket(); // the database is asked …
		cache.announce('s:s1'); // … meanwhile the session ends …
		cache.set(session('s1', 'u1'), hash('x'), ticket); // … and the answer comes back
		expect(cache.get('s1', hash('x'))).toBeNull();
	});

	it('keeps a session only for its lifetime; 0 turns it off', async () => {
		const short = new SessionCache(30);
		short.setListening(true);
		short.set(session('s1', 'u1'), hash('x'), short.ticket());
		expect(short.get('s1', hash('x'))).not.toBeNull();
		await new Promise((r) => setTimeout(r, 40));
		expect(short.get('s1', hash('x'))).toBeNull();
		const off = new SessionCache(0);
		off.setListening(true);
		expect(off.enabled).toBe(false);
	});
});
