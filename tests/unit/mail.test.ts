import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devMailboxEnabled, listDevMail, sendMail } from '../../src/lib/server/mail';

const saved = { ...process.env };
afterEach(() => {
	process.env = { ...saved };
});

function site(env: { ORIGIN?: string; SMTP_URL?: string }) {
	delete process.env.ORIGIN;
	delete process.env.SMTP_URL;
	Object.assign(process.env, env);
}

describe('the dev mailbox', () => {
	it('exists on this machine while no SMTP server is set', () => {
		for (const origin of [undefined, 'http://localhost:5180', 'http://127.0.0.1:4173', 'http://[::1]:5180']) {
			site(origin ? { ORIGIN: origin } : {});
			expect(devMailboxEnabled(), String(origin)).toBe(true);
		}
	});

	it('never exists with SMTP, nor on a public address', () => {
		site({ ORIGIN: 'http://localhost:5180', SMTP_URL: 'smtp://mail.example.nl:587' });
		expect(devMailboxEnabled()).toBe(false);
		site({ ORIGIN: 'https://omzien.heuvelrijk.nl' });
		expect(devMailboxEnabled()).toBe(false);
		site({ ORIGIN: 'http://omzien.test.heuvelrijk.nl' });
		expect(devMailboxEnabled()).toBe(false);
	});

	it('keeps a message on this machine; a public site without SMTP refuses to send and keeps nothing', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'omzien-mailbox-'));
		try {
			process.env.DEV_MAILBOX_DIR = dir;
			site({ ORIGIN: 'http://localhost:5180' });
			await sendMail({ to: 'truus@voorbeeld.nl', subject: 'Uw code voor Omzien: 123456', text: 'Uw code is 123456.' });
			expect(listDevMail().map((m) => [m.to, m.subject])).toEqual([['truus@voorbeeld.nl', 'Uw code voor Omzien: 123456']]);

			site({ ORIGIN: 'https://omzien.heuvelrijk.nl' });
			await expect(sendMail({ to: 'jan@voorbeeld.nl', subject: 'Uw code voor Omzien: 654321', text: 'Uw code is 654321.' })).rejects.toThrow(
				'SMTP_URL is not set, so mail cannot leave https://omzien.heuvelrijk.nl'
			);
			expect(readdirSync(dir)).toHaveLength(1);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
