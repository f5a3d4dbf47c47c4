import { test, expect, signIn, newEmail, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';

/** A date some weeks ahead, as a date field takes it. */
function inWeeks(weeks: number): string {
	return new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

test('a resident starts an initiative with an ask; the officer says no with another way; the resident sees it', async ({ page }, testInfo) => {
	// A long journey of two people (and axe on every page) on a shared machine.
	test.setTimeout(600_000);
	const withJs = testInfo.project.name === 'with-js';
	const axe = async (p: Page) => {
		if (withJs) await expectNoAxeViolations(p);
	};
	const name = `Buurtfeest ${testInfo.project.name} ${Date.now()}`;
	const email = newEmail(testInfo, 'initiatief');
	await signIn(page, email, { name: 'Els Vos', area: 'Noord (wijk)' });

	// One question a screen; each screen saves the draft.
	await page.goto('/initiatieven');
	await axe(page);
	await page.getByRole('link', { name: 'Plan beginnen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoe heet uw plan?');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	await expect(page.locator('#name-error')).toContainText('Geef uw plan een naam');
	await axe(page);
	await page.getByLabel('Naam').fill(name);
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat wilt u doen, en waarom?');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	await expect(page.locator('#description-error')).toBeVisible(); // text or a recording
	await axe(page);
	await page.getByLabel('Wat en waarom').fill('Een feest voor de hele straat, zodat buren elkaar leren kennen.');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waar is het?');
	await axe(page);
	await expect(page.getByLabel('Wijk of dorp')).toHaveValue(/.+/); // the resident's own area
	await page.getByLabel('Plek').fill('Het plein bij de bakker');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wanneer is het?');
	await page.getByLabel('Wanneer').fill('Zaterdag in de zomer, van 14 tot 22 uur');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie doet er mee?');
	await axe(page);
	await page.getByRole('button', { name: 'Opslaan en verder' }).click(); // nobody else yet

	// The asks: choose a kind, then the details that kind needs.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat hebt u nodig van de gemeente?');
	await axe(page);
	await page.getByRole('radio', { name: /Melding of vergunning/ }).check();
	await page.getByRole('button', { name: 'Kiezen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Melding of vergunning');
	await expect(page.getByText('De gemeente antwoordt binnen 10 werkdagen.')).toBeVisible();
	await page.getByLabel('Datum').fill('2020-01-01');
	await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
	await expect(page.locator('#date-error')).toContainText('Deze datum is al voorbij');
	await axe(page);
	await page.getByLabel('Datum').fill(inWeeks(8));
	await page.getByLabel('Begint om').fill('14:00');
	await page.getByLabel('Stopt om').fill('22:00');
	await page.getByLabel('Hoeveel mensen komen er ongeveer?').fill('80');
	await page.getByLabel('Wilt u nog iets zeggen?').fill('We willen de straat afsluiten voor auto’s.');
	await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
	await expect(page.getByText('Uw vraag staat erbij.')).toBeVisible();
	await expect(page.locator('main')).toContainText('We willen de straat afsluiten');

	// A plain summary before sending.
	await page.getByRole('link', { name: 'Naar het overzicht' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kijk of alles klopt');
	await expect(page.locator('#summary')).toContainText('Het plein bij de bakker');
	await axe(page);
	await page.getByRole('button', { name: 'Naar de gemeente sturen' }).click();
	await expect(page.getByText('Uw plan is verstuurd.')).toBeVisible();
	await expect(page.locator('main')).toContainText('De gemeente antwoordt uiterlijk');
	await axe(page);
	const initiativePath = new URL(page.url()).pathname;

	// The officer: the inbox, then a bare no is refused with a plain message, then a full one.
	const residentEmail = email;
	await page.context().clearCookies();
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vragen van bewoners');
	await expect(page.locator('main')).toContainText(name);
	await axe(page);
	await page.getByRole('link', { name: new RegExp(`Beantwoorden\\W+${name}`) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vraag beantwoorden');
	await axe(page);
	await page.getByRole('radio', { name: 'Nee' }).check();
	await page.getByLabel('Leg het uit in gewone woorden').fill('Op die zaterdag is er al een markt op het plein.');
	await page.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(page.locator('#reason-error')).toContainText('Kies een reden uit de lijst.');
	await expect(page.locator('#alternative-error')).toContainText('Zeg wat wel kan.');
	await axe(page);
	await page.getByLabel('Waarom niet?').selectOption({ label: 'Er is op die plek al iets anders' });
	await page.getByLabel('Wat kan wel?').fill('Het feest kan een week later. Of in het park. Bel mij op 14 043.');
	await page.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(page.getByText('Uw antwoord is verstuurd.')).toBeVisible();
	await expect(page.locator('main')).toContainText('Het feest kan een week later.');

	// Back as the resident.
	await page.context().clearCookies();
	await signIn(page, residentEmail);
	// The resident is told, and sees the no with its reason and the other way.
	await page.goto('/meldingen');
	await expect(page.locator('main')).toContainText('De gemeente heeft uw vraag beantwoord');
	await page.goto(initiativePath);
	const ask = page.locator('article', { hasText: 'Melding of vergunning' });
	await expect(ask).toContainText('Nee');
	await expect(ask).toContainText('Er is op die plek al iets anders');
	await expect(ask).toContainText('Het feest kan een week later.');
	await axe(page);
});

test('the figures are public, without signing in', async ({ page }, testInfo) => {
	await page.goto('/initiatieven/cijfers');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoe antwoordt de gemeente?');
	await expect(page.getByRole('table').first()).toContainText('Alle vragen');
	await expect(page.getByRole('table').first()).toContainText('Een stuk groen');
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
	// A published initiative is public too; an unpublished one sends a stranger to sign in.
	await page.goto('/initiatieven/00000000-0000-4000-8000-000000000602');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moestuin Heide');
	await expect(page.locator('main')).toContainText('U kunt het veldje aan de Beekstraat gebruiken.');
	await page.goto('/initiatieven/00000000-0000-4000-8000-000000000601');
	await expect(page).toHaveURL(/\/inloggen$/);
});
