import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/server/db/types';
import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			/** supabase-js as the signed-in user (or anon): RLS decides what it sees. */
			db: SupabaseClient<Database>;
			lang: 'nl' | 'en';
			largeText: boolean;
		}
	}
}

export {};
