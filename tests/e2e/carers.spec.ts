// The carer appreciation end to end, with and without JavaScript: the start page says what a
// carer gets this year; a carer applies one question a screen (a wrong IBAN is refused next to
// the field); the officer approves; the carer is told and sees it; paid deletes the IBAN.
import { test, expect, signIn, newEmail, expectNoAxeViolations, sql } from './fixtures';
import type { Page } from '@playwright/test';

async function next(page: Page) {
	await page.getByRole('button', { name: 'Volgende' }).click();
}

test('a carer applies, the officer approves, the carer sees it', async ({ page, browser }, testInfo) => {
	test.setTimeout(240_000); // a long journey, with axe on every screen
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	const axe = async (p: Page) => {
		if (withJs) await expectNoAxeViolations(p); // axe runs as a script in the page
	};
	const name = `Carla ${testInfo.project.name}`;
	await signIn(page, newEmail(testInfo, 'carla'), { name, area: 'Noord (wijk)' });

	await page.goto('/mantelzorg');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat krijgt u?');
	await expect(page.getByText(/€\s150 op uw bankrekening/)).toBeVisible();
	await expect(page.getByText('Bos bloemen van de markt')).toBeVisible();
	await axe(page);

	await page.getByRole('link', { name: 'Waardering vragen' }).click();
	await expect(page.getByText('Vraag 1 van 7')).toBeVisible();
	await next(page);
	await expect(page.getByText('Kies voor wie u zorgt.')).toBeVisible();
	await axe(page);
	await page.getByRole('radio', { name: 'Mijn vader of moeder' }).check();
	await next(page);

	await page.getByLabel('Naam', { exact: true }).fill('Moeder Jansen');
	await page.getByLabel('Postcode').fill('6211 ab');
	await page.getByLabel('Huisnummer').fill('12');
	await axe(page);
	await next(page);
	await page.getByRole('radio', { name: 'Ja' }).check();
	await next(page);
	await page.getByLabel('Sinds wanneer zorgt u voor deze persoon?').fill('2021-05');
	await next(page);
	await page.getByRole('radio', { name: '8 tot 16 uur' }).check();
	await axe(page);
	await next(page);

	await page.getByRole('radio', { name: /Geld op mijn rekening/ }).check();
	await page.getByLabel('Uw rekeningnummer (IBAN)').fill('NL92 ABNA 0417 1643 00');
	await page.getByLabel('Naam op de bankrekening').fill('C. Jansen');
	await next(page);
	await expect(page.locator('#iban-error')).toHaveText('Dit rekeningnummer klopt niet. Kijk het nog eens na.');
	await axe(page);
	await page.getByLabel('Uw rekeningnummer (IBAN)').fill('NL91 ABNA 0417 1643 00');
	await next(page);

	await page.getByLabel('Wilt u nog iets vertellen?').fill('Ik doe de boodschappen en ga mee naar de dokter.');
	await axe(page);
	await next(page);
	await expect(page.getByRole('heading', { name: 'Klopt dit?' })).toBeVisible();
	await expect(page.locator('#summary')).toContainText('Moeder Jansen, 6211AB 12');
	await axe(page);
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByText('Wij hebben uw aanvraag.')).toBeVisible();
	await expect(page.getByText('Bankrekening die eindigt op 4300')).toBeVisible();
	await axe(page);
	const applicationPath = new URL(page.url()).pathname;
	const id = applicationPath.split('/').pop()!;
	const [stored] = await sql<{ iban: string }>('select iban from carer_bank_accounts where application_id = $1', [id]);
	expect(stored.iban).toBe('NL91ABNA0417164300');

	// The officer sees it in the list of this year and approves.
	const officerContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const ahmed = await officerContext.newPage();
	await signIn(ahmed, 'ahmed@voorbeeld.nl');
	await ahmed.goto('/gemeente');
	await ahmed.getByRole('link', { name: 'Bedankje voor mantelzorgers' }).click();
	await axe(ahmed);
	await ahmed.getByRole('link', { name, exact: true }).click();
	await expect(ahmed.getByText('NL91ABNA0417164300')).toBeVisible();
	await axe(ahmed);
	await ahmed.getByRole('button', { name: 'Besluit sturen' }).click();
	await expect(ahmed.getByText('Kies wat u besluit.')).toBeVisible();
	await ahmed.getByRole('radio', { name: 'Goedkeuren', exact: true }).check();
	await ahmed.getByRole('button', { name: 'Besluit sturen' }).click();
	await expect(ahmed.getByText('Uw besluit is verstuurd.')).toBeVisible();
	await axe(ahmed);

	// The carer is told, and sees it.
	await page.goto('/meldingen');
	await expect(page.getByText('Uw waardering is goedgekeurd').first()).toBeVisible();
	await page.goto(applicationPath);
	await expect(page.getByText('De gemeente heeft uw waardering goedgekeurd.')).toBeVisible();

	// Paid: the bank account is deleted.
	await ahmed.reload();
	await ahmed.getByRole('button', { name: 'Het geld is betaald' }).click();
	await expect(ahmed.getByText('Wij hebben het rekeningnummer gewist.')).toBeVisible();
	expect(await sql('select 1 from carer_bank_accounts where application_id = $1', [id])).toEqual([]);
	await page.goto(applicationPath);
	await expect(page.getByText('Het geld is betaald.')).toBeVisible();
	await officerContext.close();
});

test('a carer with a heavy burden sees support and asks to be called back; the team sees the request', async ({ page, browser }, testInfo) => {
	test.setTimeout(180_000);
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	const name = `Bert ${testInfo.project.name}`;
	await signIn(page, newEmail(testInfo, 'bert'), { name, area: 'Oost (wijk)' });
	await page.goto('/mantelzorg');
	await page.getByRole('link', { name: /Hoe gaat het met u\?/ }).click();
	await page.getByRole('button', { name: 'Antwoorden sturen' }).click();
	await expect(page.getByText('Kies hoe vaak dit voor u geldt.').first()).toBeVisible();
	if (withJs) await expectNoAxeViolations(page);
	for (const statement of ['Ik ben moe door de zorg.', 'Ik heb te weinig tijd voor mezelf.', 'Ik denk ook in mijn vrije tijd aan de zorg.', 'Ik zie minder vaak mijn familie of vrienden.', 'Ik sta er alleen voor.']) {
		await page.locator('fieldset', { hasText: statement }).getByRole('radio', { name: 'Vaak', exact: true }).check();
	}
	await page.getByRole('button', { name: 'Antwoorden sturen' }).click();
	await expect(page.getByRole('heading', { name: 'De zorg is zwaar voor u' })).toBeVisible();
	await expect(page.getByText('Iemand neemt de zorg even van u over.')).toBeVisible();
	if (withJs) await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Bel mij terug' }).click();
	await expect(page.getByText('Iemand van de gemeente belt u snel.')).toBeVisible();
	await expect(page.getByText(/: zwaar$/)).toBeVisible(); // the carer's own history

	const officerContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const ahmed = await officerContext.newPage();
	await signIn(ahmed, 'ahmed@voorbeeld.nl');
	await ahmed.goto('/gemeente/mantelzorg');
	const task = ahmed.locator('.call-backs li', { hasText: name });
	await expect(task).toBeVisible();
	await task.getByRole('button', { name: 'Gebeld' }).click();
	await expect(ahmed.locator('.call-backs li', { hasText: name })).toHaveCount(0);
	await officerContext.close();
});

test('the officer changes the year’s rules and the start page follows', async ({ page }, testInfo) => {
	test.setTimeout(180_000);
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente/mantelzorg');
	await page.getByLabel('Bedrag in euro').fill('0');
	await page.getByRole('button', { name: 'Regels opslaan' }).click();
	await expect(page.locator('#amount_euros-error')).toHaveText('Vul een bedrag in hele euro\'s in. Bijvoorbeeld: 150.');
	if (withJs) await expectNoAxeViolations(page);
	await page.getByLabel('Bedrag in euro').fill('175');
	await page.getByRole('checkbox', { name: 'Eén waardering per adres' }).check();
	await page.getByRole('button', { name: 'Regels opslaan' }).click();
	await expect(page.getByText('De regels zijn opgeslagen.')).toBeVisible();
	await page.goto('/mantelzorg');
	await expect(page.getByText(/€\s175 op uw bankrekening/)).toBeVisible();
	await expect(page.getByText('Per adres krijgt één mantelzorger een waardering.')).toBeVisible();
	await expect(page.getByText('Bos bloemen van de markt')).toBeVisible(); // the gifts stayed

	// Back to the demo's rules, for the tests after this one.
	await page.goto('/gemeente/mantelzorg');
	await page.getByLabel('Bedrag in euro').fill('150');
	await page.getByRole('checkbox', { name: 'Eén waardering per adres' }).uncheck();
	await page.getByRole('button', { name: 'Regels opslaan' }).click();
	await expect(page.getByText('De regels zijn opgeslagen.')).toBeVisible();
	const [rules] = await sql<{ amount_cents: number; one_per_address: boolean; terminal_care_counts: boolean; payout_options: string }>(
		`select amount_cents, one_per_address, terminal_care_counts, payout_options::text from carer_settings where year = extract(year from now())::int and municipality_id = '00000000-0000-4000-8000-000000000001'`
	);
	expect(rules).toEqual({ amount_cents: 15000, one_per_address: false, terminal_care_counts: true, payout_options: '{money,voucher,gift}' });
});
