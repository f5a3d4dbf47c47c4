// Starts the local stack and the production build of the site for the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { VOICE_WAV } from '../../playwright.config';
import { startBuiltSite, startTestStack } from '../support/stack';
import { buildSite } from '../../supabase/local/stack.js';

export default async function globalSetup() {
	if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
		throw new Error('Chromium is missing: apt-get install -y chromium (see README.md, Tests).');
	}
	// A build of their own, never build/: a running `npm start` serves that one (tests/e2e/static-files.spec.ts).
	process.env.OMZIEN_BUILD_DIR ||= path.resolve('.data/build-e2e');
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
	// Every test signs in from 127.0.0.1, and the demo coordinator signs in many times an hour;
	// the limits themselves are tested in tests/integration/auth.test.ts.
	const siteEnv = { ...stack.env, SIGN_IN_CODES_PER_IP_PER_HOUR: '10000', SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: '10000' };
	const site = await startBuiltSite(siteEnv);
	process.env.BASE_URL = site.baseURL;
	process.env.E2E_DATABASE_URL = stack.dbUrl;
	// For tests that start a second site on the same stack (with SMTP, say).
	process.env.E2E_SITE_ENV = JSON.stringify(siteEnv);
	return async () => {
		await site.stop();
		await stack.stop();
	};
}
