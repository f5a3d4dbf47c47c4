// Shared by the integration tests: the stack's environment, clients per role, and the demo people.
import { inject } from 'vitest';
import pg from 'pg';
import { createClient } from '@supabase/supabase-js';

const env = inject('stackEnv');
Object.assign(process.env, env);

export { env };

export const people = {
	sanne: '00000000-0000-4000-8000-000000000301', // coordinator, volunteer centre (Centrum, Noord, Oost)
	kees: '00000000-0000-4000-8000-000000000302', // coordinator, welfare organisation (Beekdal, Heide, Molenbroek)
	ahmed: '00000000-0000-4000-8000-000000000303', // officer
	truus: '00000000-0000-4000-8000-000000000304', // resident in Noord
	jan: '00000000-0000-4000-8000-000000000305', // resident in Heide
	fatima: '00000000-0000-4000-8000-000000000306', // volunteer in Noord
	pieter: '00000000-0000-4000-8000-000000000307', // volunteer in Oost
	willems: '00000000-0000-4000-8000-000000000308' // registered by phone by Sanne, Centrum
} as const;

export const areas = {
	centrum: '00000000-0000-4000-8000-000000000101',
	noord: '00000000-0000-4000-8000-000000000102',
	heide: '00000000-0000-4000-8000-000000000105'
} as const;

/** The app's own user-scoped client: the same code path the site uses. */
export async function asUser(userId: string) {
	const { createUserClient } = await import('../../src/lib/server/db/clients');
	return createUserClient(userId);
}

export async function asAnon() {
	const { createAnonClient } = await import('../../src/lib/server/db/clients');
	return createAnonClient();
}

/** A raw supabase-js client with any bearer token, for tokens the app would never make. */
export function withToken(token: string) {
	return createClient(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, { accessToken: async () => token });
}

/** Direct SQL as the database owner, to arrange or inspect what the API must not reveal. */
export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
	const client = new pg.Client({ connectionString: env.DATABASE_URL });
	await client.connect();
	try {
		return (await client.query(text, values)).rows as T[];
	} finally {
		await client.end();
	}
}
