// Mail: SMTP when SMTP_URL is set; otherwise every message lands in the local dev mailbox,
// which /dev/mail shows and the tests read.
import nodemailer, { type Transporter } from 'nodemailer';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { config } from '../config';

export type OutgoingMail = { to: string; subject: string; text: string };
export type StoredMail = OutgoingMail & { id: string; from: string; sentAt: string };

let transport: Transporter | null = null;

/** In milliseconds; settings in SMTP_URL itself (?connectionTimeout=…) take precedence. */
const SMTP_TIMEOUTS = { connectionTimeout: 8_000, greetingTimeout: 8_000, socketTimeout: 20_000 };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev mailbox exists only without SMTP and only for a site on this machine: a public site
 * that someone forgot to give SMTP_URL must not show everyone's sign-in codes.
 */
export function devMailboxEnabled(): boolean {
	if (config.smtpUrl) return false;
	const origin = config.origin;
	return origin === null || LOCAL_HOSTS.has(new URL(origin).hostname);
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
	if (config.smtpUrl) {
		// nodemailer waits up to two minutes for a server by default; a person at the sign-in form should not.
		transport ??= nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS });
		await transport.sendMail({ from: config.mailFrom, ...mail });
		return;
	}
	if (!devMailboxEnabled()) {
		throw new Error(`SMTP_URL is not set, so mail cannot leave ${config.origin}. See README.md, Configuration.`);
	}
	// nodemailer builds the message as usual; we keep it instead of sending it.
	transport ??= nodemailer.createTransport({ jsonTransport: true });
	await transport.sendMail({ from: config.mailFrom, ...mail });
	const stored: StoredMail = { id: randomUUID(), from: config.mailFrom, sentAt: new Date().toISOString(), ...mail };
	mkdirSync(config.devMailboxDir, { recursive: true });
	writeFileSync(path.join(config.devMailboxDir, `${Date.now()}-${stored.id}.json`), JSON.stringify(stored));
}

/** Newest first. */
export function listDevMail(): StoredMail[] {
	let files: string[];
	try {
		files = readdirSync(config.devMailboxDir).filter((f) => f.endsWith('.json'));
	} catch {
		return [];
	}
	return files
		.sort()
		.reverse()
		.map((f) => JSON.parse(readFileSync(path.join(config.devMailboxDir, f), 'utf8')) as StoredMail);
}

export function readDevMail(id: string): StoredMail | null {
	return listDevMail().find((m) => m.id === id) ?? null;
}
