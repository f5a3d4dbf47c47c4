// A validated session kept in this process for a few seconds, so a signed-in page does not ask the
// database who is signing in on every request. It cannot be fooled, on any number of instances:
// - the database announces ended sessions and changed people on channel 'omzien_sessions'
//   (migration 20261124004100_session_notify.sql), and this process LISTENs on a connection of
//   its own and drops them;
// - while that connection is down (or was never made), the cache is off: every request asks the
//   database, as without a cache; when it is back, the cache starts empty (what was announced in
//   between is unknown);
// - an entry keeps SHA-256 of the session's secret, so a cookie with the right id but a wrong
//   secret never matches;
// - a form posted by the person drops their entry here at once (their own change is seen on the
//   next page without waiting for the announcement).
import pg from 'pg';
import type { ValidatedSession } from './session';
import { constantTimeEqual } from './crypto';

export const SESSION_CHANNEL = 'omzien_sessions';
const APPLICATION_NAME = 'omzien-session-listener';
const MAX_ENTRIES = 50_000;

type Entry = { session: ValidatedSession; secretHash: Uint8Array; until: number };

export class SessionCache {
	private entries = new Map<string, Entry>();
	private byPerson = new Map<string, Set<string>>();
	private listening = false;
	/** Counts every drop: a session read from the database before a drop is not kept after it. */
	private drops = 0;

	constructor(private ttlMs: number) {}

	/** On only while the announcements are heard, and with a lifetime above 0. */
	get enabled(): boolean {
		return this.listening && this.ttlMs > 0;
	}

	get size(): number {
		return this.entries.size;
	}

	setListening(on: boolean): void {
		// Whatever was announced while nobody listened is unknown: start empty either way.
		this.clear();
		this.listening = on;
	}

	get(sessionId: string, secretHash: Uint8Array): ValidatedSession | null {
		if (!this.enabled) return null;
		const entry = this.entries.get(sessionId);
		if (!entry) return null;
		if (entry.until <= Date.now() || !constantTimeEqual(entry.secretHash, secretHash)) {
			this.remove(sessionId);
			return null;
		}
		return entry.session;
	}

	/** Take before asking the database; pass to set(). */
	ticket(): number {
		return this.drops;
	}

	/**
	 * Keeps a session read from the database, unless something was dropped since the ticket was
	 * taken (a sign-out announced while the read was under way must not be undone by it).
	 */
	set(session: ValidatedSession, secretHash: Uint8Array, ticket: number): void {
		if (!this.enabled || ticket !== this.drops) return;
		if (this.entries.size >= MAX_ENTRIES) this.clear();
		this.entries.set(session.sessionId, { session, secretHash, until: Date.now() + this.ttlMs });
		let ids = this.byPerson.get(session.user.id);
		if (!ids) this.byPerson.set(session.user.id, (ids = new Set()));
		ids.add(session.sessionId);
	}

	forgetSession(sessionId: string): void {
		this.drops++;
		this.remove(sessionId);
	}

	private remove(sessionId: string): void {
		const entry = this.entries.get(sessionId);
		if (!entry) return;
		this.entries.delete(sessionId);
		const ids = this.byPerson.get(entry.session.user.id);
		ids?.delete(sessionId);
		if (ids?.size === 0) this.byPerson.delete(entry.session.user.id);
	}

	forgetPerson(personId: string): void {
		this.drops++;
		for (const id of this.byPerson.get(personId) ?? []) this.entries.delete(id);
		this.byPerson.delete(personId);
	}

	/** 's:<session id>' or 'u:<person id>', as the database sends them. */
	announce(payload: string): void {
		if (payload.startsWith('s:')) this.forgetSession(payload.slice(2));
		else if (payload.startsWith('u:')) this.forgetPerson(payload.slice(2));
		else this.clear(); // something we do not know: safest to forget everything
	}

	clear(): void {
		this.drops++;
		this.entries.clear();
		this.byPerson.clear();
	}
}

/**
 * Keeps one Postgres connection LISTENing for the cache; reconnects after 0.5, 1, 2 … 10 s when it
 * is lost. The cache is on only between LISTEN succeeding and the connection's end.
 */
export class SessionListener {
	private client: pg.Client | null = null;
	private stopped = false;
	private retryMs = 500;
	private timer: NodeJS.Timeout | null = null;
	private saidLost = false;

	constructor(
		private databaseUrl: string,
		private cache: SessionCache
	) {}

	/** Resolves once the first attempt ended (listening or not). */
	async start(): Promise<void> {
		this.stopped = false;
		await this.connect();
	}

	private async connect(): Promise<void> {
		if (this.stopped) return;
		const client = new pg.Client({
			connectionString: this.databaseUrl,
			application_name: APPLICATION_NAME,
			connectionTimeoutMillis: 5000,
			keepAlive: true
		});
		this.client = client;
		const lost = () => {
			if (this.client !== client) return;
			this.client = null;
			this.cache.setListening(false);
			if (!this.stopped && !this.saidLost) console.warn('[sessions] lost the connection that hears sign-outs; the session cache is off until it is back.');
			this.saidLost = true;
			client.end().catch(() => {});
			this.retry();
		};
		client.on('error', lost);
		client.on('end', lost);
		client.on('notification', (msg) => {
			if (msg.channel === SESSION_CHANNEL) this.cache.announce(msg.payload ?? '');
		});
		try {
			await client.connect();
			await client.query(`listen ${SESSION_CHANNEL}`);
			if (this.client !== client || this.stopped) return;
			this.cache.setListening(true);
			this.retryMs = 500;
			if (this.saidLost) console.warn('[sessions] hearing sign-outs again; the session cache is on.');
			this.saidLost = false;
		} catch {
			lost();
		}
	}

	private retry(): void {
		if (this.stopped || this.timer) return;
		const wait = this.retryMs;
		this.retryMs = Math.min(this.retryMs * 2, 10_000);
		this.timer = setTimeout(() => {
			this.timer = null;
			void this.connect();
		}, wait);
		this.timer.unref();
	}

	get listening(): boolean {
		return this.cache.enabled;
	}

	async stop(): Promise<void> {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		const client = this.client;
		this.client = null;
		this.cache.setListening(false);
		await client?.end().catch(() => {});
	}
}
