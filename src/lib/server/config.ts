// Everything secret or site-specific comes from the environment (see README: Configuration).

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set. See README.md, Configuration.`);
	return value;
}

export const config = {
	get supabaseUrl() {
		return required('SUPABASE_URL');
	},
	/** PostgREST itself, where it runs without Supabase's gateway in front (optional; see README). */
	get postgrestUrl() {
		return process.env.POSTGREST_URL || null;
	},
	get supabaseAnonKey() {
		return required('SUPABASE_ANON_KEY');
	},
	get supabaseServiceRoleKey() {
		return required('SUPABASE_SERVICE_ROLE_KEY');
	},
	/** HS256: the project's JWT secret. */
	get jwtSecret() {
		return process.env.SUPABASE_JWT_SECRET || null;
	},
	/** ES256: a private JWK (JSON) imported into the Supabase project as a standby signing key. */
	get jwtSigningKey() {
		return process.env.SUPABASE_JWT_SIGNING_KEY || null;
	},
	/** Keys the hashes of sign-in codes. */
	get authSecret() {
		return required('AUTH_SECRET');
	},
	get smtpUrl() {
		return process.env.SMTP_URL || null;
	},
	get mailFrom() {
		return process.env.MAIL_FROM || 'Omzien <noreply@omzien.local>';
	},
	get devMailboxDir() {
		return process.env.DEV_MAILBOX_DIR || '.data/mailbox';
	},
	/** The public address of the site (adapter-node's ORIGIN); null when it runs without one (tests). */
	get origin() {
		return process.env.ORIGIN || null;
	},
	/** How long one call to PostgREST may take before the database counts as unavailable. */
	get dbTimeoutMs() {
		return Number(process.env.DATABASE_TIMEOUT_MS) || 3000;
	},
	/**
	 * How long a validated session is kept in this process (seconds; 0 turns the cache off). Sign-out,
	 * role changes and blocks reach every instance at once anyway (see auth/session-cache.ts).
	 */
	get sessionCacheSeconds() {
		const value = Number(process.env.SESSION_CACHE_SECONDS);
		return process.env.SESSION_CACHE_SECONDS !== undefined && Number.isFinite(value) && value >= 0 ? value : 30;
	},
	/** Cookies are Secure when the site is served over https. */
	get secureCookies() {
		return (process.env.ORIGIN ?? '').startsWith('https://');
	}
};
