// Starts the local stack for a test run: fresh database in a temporary folder, free ports,
// new secrets. Integration and e2e setups share it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startStack, findFreePort } from '../../supabase/local/stack.js';

export type TestStack = {
	dataDir: string;
	dbUrl: string;
	apiUrl: string;
	env: Record<string, string>;
	stop: () => Promise<void>;
};

export async function startTestStack(name: string): Promise<TestStack> {
	const dataDir = mkdtempSync(path.join(tmpdir(), `omzien-${name}-`));
	const jwtSecret = randomBytes(32).toString('base64url');
	const stack = await startStack({
		dataDir,
		pgPort: await findFreePort(),
		restPort: await findFreePort(),
		apiPort: await findFreePort(),
		pgPassword: randomBytes(12).toString('base64url'),
		jwtKey: { secret: jwtSecret },
		log: () => {}
	});
	const env = {
		SUPABASE_URL: stack.apiUrl,
		SUPABASE_ANON_KEY: stack.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: stack.serviceKey,
		SUPABASE_JWT_SECRET: jwtSecret,
		AUTH_SECRET: randomBytes(32).toString('base64url'),
		DATABASE_URL: stack.dbUrl,
		DEV_MAILBOX_DIR: path.join(dataDir, 'mailbox')
	};
	return {
		dataDir,
		dbUrl: stack.dbUrl,
		apiUrl: stack.apiUrl,
		env,
		stop: async () => {
			await stack.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
