// Starts the local stack and the production build of the site for the browser tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { VOICE_WAV } from '../../playwright.config';
import { startTestStack } from '../support/stack';
import { buildSite, findFreePort, stopChild, waitFor } from '../../supabase/local/stack.js';

export default async function globalSetup() {
	if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
		throw new Error('Chromium is missing: apt-get install -y chromium (see README.md, Tests).');
	}
	if (!process.env.E2E_SKIP_BUILD) {
		if (!buildSite()) throw new Error('vite build failed; its output is above');
	}
	// The fake microphone's sound: a Dutch sentence, 48 kHz mono (espeak-ng and sox from Debian).
	mkdirSync(path.dirname(VOICE_WAV), { recursive: true });
	const raw = `${VOICE_WAV}.raw.wav`;
	const speak = spawnSync('espeak-ng', ['-v', 'nl', '-w', raw, 'Hallo, ik heb hulp nodig met de boodschappen. Kunt u mij helpen?']);
	const convert = speak.status === 0 ? spawnSync('sox', [raw, '-r', '48000', '-c', '1', VOICE_WAV]) : speak;
	if (convert.status !== 0) throw new Error('espeak-ng and sox are needed for the voice tests: apt-get install -y espeak-ng sox');

	const stack = await startTestStack('e2e');
	const port = await findFreePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const site = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			...stack.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			BODY_SIZE_LIMIT: '13M',
			// Every test signs in from 127.0.0.1, and the demo coordinator signs in many times an hour;
			// the limits themselves are tested in tests/integration/auth.test.ts.
			SIGN_IN_CODES_PER_IP_PER_HOUR: '10000',
			SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: '10000'
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	if (!(await waitFor(baseURL, 10_000, () => site.exitCode === null))) throw new Error(`the site did not start at ${baseURL}`);
	process.env.BASE_URL = baseURL;
	process.env.E2E_DATABASE_URL = stack.dbUrl;
	// For tests that start a second site on the same stack (with SMTP, say).
	process.env.E2E_STACK_ENV = JSON.stringify(stack.env);
	return async () => {
		await stopChild(site);
		await stack.stop();
	};
}
