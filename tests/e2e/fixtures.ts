import { test as base, expect, type Page, type BrowserContext, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import { VOICE_WAV } from '../../playwright.config';

export const test = base.extend({
	baseURL: async ({}, use) => use(process.env.BASE_URL)
});
export { expect };

let counter = 0;
/** A fresh address per test and project, so tests never share a person. */
export function newEmail(testInfo: { project: { name: string }; workerIndex: number }, name: string): string {
	return `${name}.${testInfo.project.name}.${testInfo.workerIndex}.${Date.now()}.${counter++}@voorbeeld.nl`;
}

/** Opens the dev mailbox in another tab, as a developer would, and reads the newest code for the address. */
export async function readCodeFromMailbox(context: BrowserContext, email: string): Promise<string> {
	const mailbox = await context.newPage();
	await mailbox.goto('/dev/mail');
	await mailbox.locator('li', { hasText: email }).first().getByRole('link').click();
	const body = await mailbox.locator('pre').innerText();
	await mailbox.close();
	const match = /(\d{6})/.exec(body);
	if (!match) throw new Error(`no code in mail to ${email}: ${body}`);
	return match[1];
}

/** Signs in through the real forms: address, code from the mailbox, and (if new) onboarding. */
export async function signIn(page: Page, email: string, onboarding?: { name: string; area: string }) {
	await page.goto('/inloggen');
	await page.getByLabel('Uw e-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page).toHaveURL(/\/inloggen\/code$/);
	const code = await readCodeFromMailbox(page.context(), email);
	await page.getByLabel('Code van zes cijfers').fill(code);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	if (onboarding) {
		await expect(page).toHaveURL(/\/welkom$/);
		await page.getByLabel('Hoe heet u?').fill(onboarding.name);
		await page.getByLabel('In welke wijk of welk dorp woont u?').selectOption({ label: onboarding.area });
		await page.getByRole('button', { name: 'Opslaan en beginnen' }).click();
	}
	await expect(page).toHaveURL(/\/$/);
}

/** The paths axe has checked in this worker; accessibility.spec.ts compares them with every page. */
export const axeCheckedPaths = new Set<string>();

/** axe with the WCAG 2.2 AA rule set: no violations allowed. */
export async function expectNoAxeViolations(page: Page) {
	axeCheckedPaths.add(new URL(page.url()).pathname);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** SQL as the database owner, only to inspect what a page must have done. */
export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
	await client.connect();
	try {
		return (await client.query(text, values)).rows as T[];
	} finally {
		await client.end();
	}
}

/** Says something into a voice field: with JavaScript two seconds from the fake microphone with the big button; without, the file field. */
export async function speak(form: Page | Locator, withJs: boolean) {
	if (!withJs) {
		await form.getByLabel('Of kies een spraakbericht (mag leeg blijven)').setInputFiles(VOICE_WAV);
		return;
	}
	await form.getByRole('button', { name: 'Inspreken' }).click();
	await new Promise((resolve) => setTimeout(resolve, 2000));
	await form.getByRole('button', { name: 'Stoppen' }).click();
	await expect(form.getByText('Uw bericht is opgenomen.')).toBeVisible();
}

/** The first card's link in the list of open requests on /hulp (null when the list is empty). */
export async function firstBrowseCard(page: Page): Promise<string | null> {
	const first = page.locator('#dichtbij-lijst a').first();
	return (await first.count()) > 0 ? first.getAttribute('href') : null;
}

/**
 * A volunteer looks for a request on /hulp: the list shows 20 at a time, longest waiting first, so
 * she goes on with "Meer hulpvragen" until `target` is on the page (as a person would).
 */
export async function findInBrowse(page: Page, target: Locator) {
	await page.goto('/hulp');
	for (let shown = 0; shown < 100 && (await target.count()) === 0; shown++) {
		const more = page.getByRole('link', { name: 'Meer hulpvragen' });
		if ((await more.count()) === 0) break;
		const before = await firstBrowseCard(page);
		await more.click();
		await expect.poll(() => firstBrowseCard(page)).not.toBe(before);
	}
	await expect(target.first()).toBeVisible();
}
