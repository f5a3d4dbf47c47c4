// A small pool of direct Postgres connections (DATABASE_URL) for the few reads that need no
// person's rights because the server already decided who may have them: the bytes of a voice
// message behind a signed URL (voice/signed-url.ts). Everything a person reads otherwise goes
// through PostgREST with their JWT, so RLS decides.
import pg from 'pg';

let pool: pg.Pool | null = null;

/** null without DATABASE_URL (the caller then goes through PostgREST). */
export function directPool(): pg.Pool | null {
	const url = process.env.DATABASE_URL;
	if (!url) return null;
	if (!pool) {
		pool = new pg.Pool({
			connectionString: url,
			max: Number(process.env.DIRECT_POOL_SIZE) || 4,
			application_name: 'omzien-direct',
			connectionTimeoutMillis: 3000,
			statement_timeout: 5000,
			idleTimeoutMillis: 30_000
		});
		// A connection lost while idle is replaced on the next query; not worth a crash.
		pool.on('error', (err) => console.warn('[db] a direct connection ended:', err.message));
	}
	return pool;
}

export async function endDirectPool(): Promise<void> {
	const p = pool;
	pool = null;
	await p?.end();
}
