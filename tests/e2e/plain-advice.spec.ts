// Plain-language tips beside an officer's text, with and without JavaScript: a long sentence with
// "indienen" gets a tip with "sturen" as the plain word. With JavaScript the tip appears while the
// officer types; without it the first send comes back unsent with the tips and "Toch versturen".
// Advice, never a block: the text goes out as written. On the initiative answer form and on the
// carer-support officer's decision form. (The ask and the application are made in the database:
// the journeys that make them through the pages are initiatives.spec.ts and carers.spec.ts.)
import { test, expect, signIn, expectNoAxeViolations, sql } from './fixtures';
import type { Page } from '@playwright/test';

const HEUVELRIJK = '00000000-0000-4000-8000-000000000001';
const TRUUS = '00000000-0000-4000-8000-000000000304';
const PIETER = '00000000-0000-4000-8000-000000000307';
const NOORD = '00000000-0000-4000-8000-000000000102';

const LONG = 'U kunt het formulier voor de afsluiting van de straat uiterlijk twee weken voor het feest bij ons indienen.';
const WORD_TIP = 'Schrijf “sturen” in plaats van “indienen”.';

/** A sent initiative of Truus with one contact ask, unanswered; returns the ask's id. */
async function askForAhmed(name: string): Promise<string> {
	const [initiative] = await sql<{ id: string }>(
		`insert into initiatives (founder_id, municipality_id, area_id, name, description, status, sent_at)
		 values ($1, $2, $3, $4, 'Een feest voor de straat.', 'sent', now()) returning id`,
		[TRUUS, HEUVELRIJK, NOORD, name]
	);
	const [ask] = await sql<{ id: string }>(
		`insert into initiative_asks (initiative_id, kind, details, sent_on, due_on, on_timeout)
		 values ($1, 'contact', '{"who": "de muziekvereniging"}', today_nl(), add_working_days(today_nl(), 5), 'escalate') returning id`,
		[initiative.id]
	);
	return ask.id;
}

/** An application of Pieter for someone he cares for, waiting for a decision; returns its id. */
async function applicationForAhmed(caredFor: string, houseNumber: string): Promise<string> {
	const [application] = await sql<{ id: string }>(
		`insert into carer_applications (municipality_id, year, carer_id, applied_by, relationship, cared_for_name, cared_for_postcode,
		   cared_for_house_number, caring_since, hours, cared_for_lives_here, payout, gift)
		 values ($1, extract(year from now())::int, $2, $2, 'parent', $3, '6221AB', $4, date_trunc('month', now() - interval '2 years')::date,
		   'from_8_to_16', false, 'gift', 'Bos bloemen van de markt') returning id`,
		[HEUVELRIJK, PIETER, caredFor, houseNumber]
	);
	return application.id;
}

async function asAhmed(page: Page) {
	await page.context().clearCookies();
	await signIn(page, 'ahmed@voorbeeld.nl');
}

test('an officer who writes a long sentence with "indienen" gets a tip with "sturen", and may send it anyway', async ({ page }, testInfo) => {
	test.setTimeout(120_000);
	const withJs = testInfo.project.name === 'with-js';
	const askId = await askForAhmed(`Straatfeest tips ${testInfo.project.name} ${Date.now()}`);
	await asAhmed(page);

	await page.goto(`/gemeente/vragen/${askId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vraag beantwoorden');
	await page.getByRole('radio', { name: 'Ja', exact: true }).check();
	const info = page.getByLabel('Uitleg voor de bewoner');
	await info.fill(LONG);
	const tips = page.locator('#info-advice');
	if (withJs) {
		// While typing: the tip beside the field, in a polite live region, before anything is sent.
		await expect(tips).toHaveAttribute('aria-live', 'polite');
		await expect(tips).toContainText('Tips voor duidelijke taal');
		await expect(tips).toContainText(WORD_TIP);
		await expect(tips).toContainText('Deze zin is lang: 19 woorden.');
		await expect(info).toHaveAccessibleDescription(/sturen/);
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Antwoord sturen' }).click();
	} else {
		await expect(tips).toBeEmpty();
		await page.getByRole('button', { name: 'Antwoord sturen' }).click();
		// The first send comes back unsent: the tips beside the field, and the choice to send anyway.
		await expect(page.getByText('Uw tekst is nog niet verstuurd.')).toBeVisible();
		await expect(page.locator('#info-advice')).toContainText(WORD_TIP);
		await expect(page.getByLabel('Uitleg voor de bewoner')).toHaveValue(LONG);
		expect(await sql(`select 1 from initiative_answers where ask_id = $1`, [askId])).toHaveLength(0);
		await page.getByRole('button', { name: 'Toch versturen' }).click();
	}
	await expect(page.getByText('Uw antwoord is verstuurd.')).toBeVisible();
	const [answer] = await sql<{ info: string }>(`select info from initiative_answers where ask_id = $1`, [askId]);
	expect(answer.info).toBe(LONG); // advice, not a block: the text as the officer wrote it

	// The carer-support officer's decision: the same tips beside the reason.
	const applicationId = await applicationForAhmed(`Vader Tips ${testInfo.project.name} ${Date.now()}`, withJs ? '31' : '32');
	await page.goto(`/gemeente/mantelzorg/${applicationId}`);
	await page.getByRole('radio', { name: 'Niet goedkeuren', exact: true }).check();
	const reason = page.getByLabel('Uw vraag of de reden');
	await reason.fill('U kunt een nieuwe aanvraag indienen. Dat kan volgend jaar.');
	if (withJs) {
		await expect(page.locator('#text-advice')).toContainText('Schrijf “vragen” in plaats van “aanvraag indienen”.');
		await expectNoAxeViolations(page);
	} else {
		await page.getByRole('button', { name: 'Besluit sturen' }).click();
		await expect(page.locator('#text-advice')).toContainText('Schrijf “vragen” in plaats van “aanvraag indienen”.');
		// The officer takes the tip and sends the plain text: checked again, and sent.
		await page.getByLabel('Uw vraag of de reden').fill('U kunt het volgend jaar opnieuw vragen.');
	}
	await page.getByRole('button', { name: 'Besluit sturen' }).click();
	await expect(page.getByText('Uw besluit is verstuurd.')).toBeVisible();
	const [decided] = await sql<{ status: string }>(`select status from carer_applications where id = $1`, [applicationId]);
	expect(decided.status).toBe('refused');
});
