// The newcomer's first command: `npm start` brings up the local stack with demo data and the site;
// Ctrl-C stops all of it. Runs the real start script on its own ports and data folder, serving the
// build the global setup made (--no-build), as a person would after a first `npm start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT, importJWK } from 'jose';
import { test, expect, signIn } from './fixtures';
import { assertPortFree, findFreePort } from '../../supabase/local/stack.js';

type Ended = { code: number | null; signal: NodeJS.Signals | null };
type Started = { child: ChildProcess; output: () => string; exited: Promise<Ended> };

/** `npm start` in a process group of its own, so a signal reaches it as Ctrl-C in a terminal would. */
function npmStart(env: Record<string, string>): Started {
	let output = '';
	const child = spawn('npm', ['start', '--', '--no-build'], {
		env: { ...process.env, ...env },
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<Ended>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	return { child, output: () => output, exited };
}

async function ctrlC(started: Started) {
	process.kill(-started.child.pid!, 'SIGINT');
	return Promise.race([started.exited, new Promise((_, reject) => setTimeout(() => reject(new Error('npm start did not stop')), 30_000))]);
}

/** Whether any process of the group is still running (npm, the start script, the site, PostgREST, Postgres). */
function groupAlive(started: Started): boolean {
	try {
		process.kill(-started.child.pid!, 0);
		return true;
	} catch {
		return false;
	}
}

/** A token for Truus signed the other way, which PostgREST must refuse: it trusts only the chosen key. */
async function tokenWithTheOtherKey(alg: string, dataDir: string): Promise<string> {
	const secrets = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'));
	const token = new SignJWT({ role: 'authenticated' }).setSubject('00000000-0000-4000-8000-000000000304').setExpirationTime('5m');
	if (alg === 'ES256') return token.setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secrets.jwtSecret));
	const jwk = JSON.parse(secrets.jwtSigningKey);
	return token.setProtectedHeader({ alg: 'ES256', kid: jwk.kid }).sign(await importJWK(jwk, 'ES256'));
}

/** Processes whose command line mentions the folder (Postgres runs with -D <folder>/pg). */
function processesUsing(folder: string): string[] {
	return readdirSync('/proc')
		.filter((pid) => /^\d+$/.test(pid))
		.flatMap((pid) => {
			try {
				const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
				return cmd.includes(folder) ? [`${pid}: ${cmd}`] : [];
			} catch {
				return []; // ended while we looked
			}
		});
}

async function freePorts() {
	return {
		PORT: String(await findFreePort()),
		OMZIEN_PG_PORT: String(await findFreePort()),
		OMZIEN_REST_PORT: String(await findFreePort()),
		OMZIEN_API_PORT: String(await findFreePort())
	};
}

for (const alg of ['HS256', 'ES256']) {
	test(`npm start (${alg} tokens) serves the site with demo data; a person signs in with the code from the dev mailbox; Ctrl-C stops everything`, async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const dataDir = mkdtempSync(path.join(tmpdir(), 'omzien-start-'));
		const ports = await freePorts();
		const started = npmStart({ ...ports, OMZIEN_DATA_DIR: dataDir, OMZIEN_JWT_ALG: alg });
		try {
			await expect.poll(started.output, { timeout: 60_000 }).toContain(`Omzien runs at http://localhost:${ports.PORT}`);
			expect(started.output()).toContain('loaded supabase/seed.sql');

			// The address npm start prints, as a person would copy it (forms only accept their own origin).
			const context = await browser.newContext({ baseURL: `http://localhost:${ports.PORT}` });
			const page = await context.newPage();
			await page.goto('/');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Omzien');
			await expect(page.getByRole('link', { name: 'Bel 043 123 40 00' })).toBeVisible(); // demo data
			await signIn(page, 'truus@voorbeeld.nl');
			await expect(page.getByText('U bent ingelogd als Truus Peters.')).toBeVisible();
			// "Mijn gegevens" reads her profile through PostgREST, where RLS knows her only from our token.
			await page.goto('/account');
			await expect(page.getByLabel('Uw naam')).toHaveValue('Truus Peters');
			await context.close();
			const refused = await fetch(`http://127.0.0.1:${ports.OMZIEN_API_PORT}/rest/v1/rpc/whoami`, {
				method: 'POST',
				headers: { authorization: `Bearer ${await tokenWithTheOtherKey(alg, dataDir)}`, 'content-type': 'application/json' },
				body: '{}'
			});
			expect(refused.status).toBe(401);

			// npm itself ends by the signal, as in a terminal; what counts is that nothing is left running.
			expect(await ctrlC(started)).toMatchObject({ signal: 'SIGINT' });
			await expect.poll(() => groupAlive(started), { timeout: 20_000 }).toBe(false);
			expect(started.output()).toContain('stopping…');
			expect(processesUsing(dataDir)).toEqual([]);
			for (const [name, port] of Object.entries(ports)) {
				await expect(assertPortFree(Number(port), name, name), `${name} ${port} is free again`).resolves.toBeUndefined();
			}
		} catch (err) {
			console.log(started.output());
			throw err;
		} finally {
			try {
				process.kill(-started.child.pid!, 'SIGKILL');
			} catch {
				/* the group has already ended */
			}
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
}

test('npm start says plainly which port is taken, and starts nothing', async () => {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'omzien-start-taken-'));
	const ports = await freePorts();
	const blocker = net.createServer();
	await new Promise<void>((resolve) => blocker.listen(Number(ports.OMZIEN_PG_PORT), '127.0.0.1', resolve));
	try {
		const started = npmStart({ ...ports, OMZIEN_DATA_DIR: dataDir });
		expect(await started.exited).toEqual({ code: 1, signal: null });
		expect(started.output()).toContain(
			`Port ${ports.OMZIEN_PG_PORT} (Postgres) is already in use by another program. Stop that program, or choose another port: OMZIEN_PG_PORT=<port> npm start`
		);
		expect(started.output()).not.toContain('Error:'); // a message, not a stack trace
		expect(processesUsing(dataDir)).toEqual([]);
	} finally {
		blocker.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
});
