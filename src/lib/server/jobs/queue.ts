// Queue a job now (not only on its schedule) from anywhere on the server, without importing the
// jobs themselves. Whichever instance's worker takes it runs it, once (pg-boss in Postgres).
import type PgBoss from 'pg-boss';

let boss: PgBoss | null = null;

export function setQueue(queue: PgBoss | null): void {
	boss = queue;
}

/** Queues a job by name; without a queue (no DATABASE_URL) it waits for its schedule. Never throws. */
export async function queueJob(name: string, data: object = {}): Promise<string | null> {
	if (!boss) return null;
	try {
		return await boss.send(name, data);
	} catch (err) {
		console.warn(`[jobs] could not queue ${name}; it runs on its schedule:`, (err as Error).message);
		return null;
	}
}
