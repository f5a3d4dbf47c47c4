// Starts the local stack for a test run (fresh database in a temporary folder, free ports, new
// secrets) and the production build of the site on it. Integration, e2e and benchmarks share it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { startStack, findFreePort, stopChild, waitFor, siteBuildDir } from '../../supabase/local/stack.js';

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
		POSTGREST_URL: stack.restUrl,
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

export type BuiltSite = { baseURL: string; stop: () => Promise<void> };

/**
 * Serves the production build (build/index.js, or OMZIEN_BUILD_DIR's) on a free port with the given stack environment,
 * as adapter-node runs in production; resolves once it answers.
 */
export async function startBuiltSite(env: Record<string, string>, { quiet = false, dir = siteBuildDir(), waitMs = 10_000 } = {}): Promise<BuiltSite> {
	const port = await findFreePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const site = spawn(process.execPath, [path.join(dir, 'index.js')], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseURL, BODY_SIZE_LIMIT: '13M', ...env },
		stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit']
	});
	if (!(await waitFor(baseURL, waitMs, () => site.exitCode === null))) throw new Error(`the site did not start at ${baseURL}`);
	return { baseURL, stop: () => stopChild(site) };
}
