import { defineConfig } from '@playwright/test';
import path from 'node:path';

/** A Dutch sentence spoken by espeak-ng, made by the global setup; Chromium's fake microphone plays it. */
export const VOICE_WAV = path.resolve('.data/test-results/stem.wav');

// Debian's Chromium (apt-get install chromium); Playwright never downloads a browser here.
const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--use-fake-ui-for-media-stream',
	'--use-fake-device-for-media-stream',
	`--use-file-for-fake-audio-capture=${VOICE_WAV}`
];

export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	// One at a time: journeys sign in as the same demo people, and a newer code replaces an older one.
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		browserName: 'chromium',
		launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
		locale: 'nl-NL',
		permissions: ['microphone'],
		trace: 'off',
		// A click or fill on something that never comes fails after 20 s, not at the end of a long journey's timeout.
		actionTimeout: 20_000,
		navigationTimeout: 30_000
	},
	projects: [
		// forms.spec.ts is about posting without JavaScript: only the without-js project runs it, and
		// scale-out.spec.ts (two more site instances on the stack) runs once, there.
		{ name: 'with-js', use: { javaScriptEnabled: true }, testIgnore: /(forms|fuzz|scale-out)\.spec\.ts/ },
		// axe runs as a script inside the page, which this project turns off; the HTML it would
		// check is the same server-rendered HTML the with-js project checks. Starting the stack
		// (start, private-folder), sending mail over SMTP (mail), static files under a rebuild
		// (static-files) and a database outage under the site (outage) do not depend on the
		// browser's JavaScript.
		{ name: 'without-js', use: { javaScriptEnabled: false }, testIgnore: /(accessibility|start|mail|static-files|private-folder|outage)\.spec\.ts/ }
	]
});
