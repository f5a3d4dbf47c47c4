// `npm start`: the local Supabase (Postgres + PostgREST) with demo data, then the site.
// `npm run dev`: the same, with Vite's dev server instead of the production build.
// `npm start -- --no-build`: serve the build that is already in build/ (the tests use this).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack, assertPortFree, stopChild, waitFor, buildSite, siteBuildDir, readSupabaseConfig, generateEs256Jwk, StackError } from './stack.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.resolve(root, process.env.OMZIEN_DATA_DIR ?? '.data');
const dev = process.argv.includes('--dev');
const build = !process.argv.includes('--no-build');

/** Local secrets, made once and kept beside the data so a restart keeps sessions valid. */
async function localSecrets() {
	const file = path.join(dataDir, 'secrets.json');
	const secrets = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
	const missing = !secrets.pgPassword || !secrets.jwtSecret || !secrets.authSecret || !secrets.jwtSigningKey;
	secrets.pgPassword ??= randomBytes(18).toString('base64url');
	secrets.jwtSecret ??= randomBytes(32).toString('base64url');
	secrets.authSecret ??= randomBytes(32).toString('base64url');
	secrets.jwtSigningKey ??= await generateEs256Jwk();
	if (missing) {
		mkdirSync(dataDir, { recursive: true });
		writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
	}
	return secrets;
}

/**
 * HS256 (a shared secret, Supabase's legacy JWT secret) unless OMZIEN_JWT_ALG=ES256: then an
 * asymmetric key, as a project that imported ours as a standby signing key; PostgREST gets its public half.
 */
function jwtChoice(secrets) {
	const alg = (process.env.OMZIEN_JWT_ALG ?? 'HS256').toUpperCase();
	if (alg === 'ES256') return { jwtKey: { jwk: secrets.jwtSigningKey }, siteEnv: { SUPABASE_JWT_SIGNING_KEY: secrets.jwtSigningKey } };
	if (alg === 'HS256') return { jwtKey: { secret: secrets.jwtSecret }, siteEnv: { SUPABASE_JWT_SECRET: secrets.jwtSecret } };
	throw new StackError(`OMZIEN_JWT_ALG is ${alg}; use HS256 or ES256.`);
}

const port = (name, fallback) => Number(process.env[name] ?? fallback);

async function main() {
	const secrets = await localSecrets();
	const { jwtKey, siteEnv } = jwtChoice(secrets);
	const supabaseConfig = readSupabaseConfig();
	const sitePort = port('PORT', 5180);
	await assertPortFree(sitePort, 'the site', 'PORT');
	const buildDir = siteBuildDir();
	if (!dev && !build && !existsSync(path.join(buildDir, 'index.js'))) {
		throw new StackError('There is no build yet. Run npm start without --no-build.');
	}
	const stack = await startStack({
		dataDir,
		pgPort: port('OMZIEN_PG_PORT', supabaseConfig.dbPort),
		restPort: port('OMZIEN_REST_PORT', 54323),
		apiPort: port('OMZIEN_API_PORT', supabaseConfig.apiPort),
		pgPassword: secrets.pgPassword,
		jwtKey
	});

	const siteUrl = `http://localhost:${sitePort}`;
	const { SUPABASE_JWT_SECRET: _secret, SUPABASE_JWT_SIGNING_KEY: _key, ...inherited } = process.env;
	const env = {
		...inherited,
		...siteEnv,
		SUPABASE_URL: stack.apiUrl,
		POSTGREST_URL: stack.restUrl,
		SUPABASE_ANON_KEY: stack.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: stack.serviceKey,
		AUTH_SECRET: secrets.authSecret,
		DATABASE_URL: stack.dbUrl,
		DEV_MAILBOX_DIR: path.join(dataDir, 'mailbox'),
		ORIGIN: process.env.ORIGIN ?? siteUrl,
		PORT: String(sitePort),
		HOST: process.env.HOST ?? '127.0.0.1',
		// Voice messages: two minutes of plain WAV from a phone's own recorder fit in 13 MB.
		BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '13M'
	};

	let site;
	if (dev) {
		site = spawn('npx', ['vite', 'dev', '--port', String(sitePort), '--strictPort'], { cwd: root, env, stdio: 'inherit' });
	} else {
		if (build) {
			console.log('[site] building the production site…');
			if (!buildSite()) {
				await stack.stop();
				throw new StackError('The site did not build; see the messages above.');
			}
		}
		site = spawn(process.execPath, [path.join(buildDir, 'index.js')], { cwd: root, env, stdio: 'inherit' });
	}
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nstopping…');
		await stopChild(site);
		await stack.stop();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	site.on('exit', (code) => {
		if (!stopping) {
			console.error(`The site stopped (exit code ${code}).`);
			shutdown();
		}
	});
	// Say where it runs only once it answers, so the first click never meets a closed port.
	if (await waitFor(`http://127.0.0.1:${sitePort}/`, 60_000, () => site.exitCode === null)) {
		console.log(`\nOmzien runs at ${siteUrl}  (sign-in codes arrive at ${siteUrl}/dev/mail)\nPress Ctrl-C to stop.\n`);
	}
}

main().catch((err) => {
	console.error(err instanceof StackError ? `\n${err.message}\n` : err);
	process.exit(1);
});
