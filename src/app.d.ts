import type { Db } from '$lib/server/db/clients';
import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** A form posted while the database was away: what the person typed, to send again. */
			unsaved?: { action: string; fields: { name: string; value: string }[]; hadFiles: boolean };
		}
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			/** A session cookie was sent but the database could not be asked about it (an outage). */
			sessionUnknown: boolean;
			/** A copy of a posted form, to hand back what was typed if it could not be saved (an outage). */
			postedForm?: Request;
			/** PostgREST as the signed-in user (or anon): RLS decides what it sees. */
			db: Db;
			lang: 'nl' | 'en';
			largeText: boolean;
		}
	}
}

export {};
