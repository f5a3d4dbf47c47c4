// The carer appreciation end to end, with and without JavaScript: the start page says what a
// carer gets this year; a carer applies one question a screen (a wrong IBAN is refused next to
// the field); the person cared for confirms with the code; the officer approves; the payment
// list holds exactly the approved money; the carer is told and sees it; paid deletes the IBAN.
// A coordinator applies for a resident, the person cared for confirms with the paper code, the
// officer approves, and a partner redeems the voucher once; a second time is refused.
import { test, expect, signIn, newEmail, expectNoAxeViolations, sql, speak } from './fixtures';
import type { Browser, Page } from '@playwright/test';

async function next(page: Page) {
	await page.getByRole('button', { name: 'Volgende' }).click();
}

/** The carer makes a code on the application page; the person cared for, without an account, types it in and confirms. */
async function confirmWithPaperCode(page: Page, browser: Browser, withJs: boolean, carerName: string) {
	await page.getByRole('button', { name: 'Code maken' }).click();
	const code = (await page.locator('#confirm-code').innerText()).trim();
	expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
	const context = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const caredFor = await context.newPage();
	await caredFor.goto('/mantelzorg/bevestigen');
	await caredFor.getByLabel('Code', { exact: true }).fill('ABCDE-FGHJK');
	await caredFor.getByRole('button', { name: 'Code bekijken' }).click();
	await expect(caredFor.locator('#code-error')).toHaveText('Deze code klopt niet. Kijk de code nog eens na.');
	if (withJs) await expectNoAxeViolations(caredFor);
	await caredFor.getByLabel('Code', { exact: true }).fill(code.toLowerCase());
	await caredFor.getByRole('button', { name: 'Code bekijken' }).click();
	await expect(caredFor.getByText(`${carerName} zorgt voor u.`)).toBeVisible();
	if (withJs) await expectNoAxeViolations(caredFor);
	await caredFor.getByRole('button', { name: 'Ja, dat klopt' }).click();
	await expect(caredFor.getByText('Dank u wel. U hebt het bevestigd.')).toBeVisible();
	// Usable once.
	await caredFor.goto('/mantelzorg/bevestigen');
	await caredFor.getByLabel('Code', { exact: true }).fill(code);
	await caredFor.getByRole('button', { name: 'Code bekijken' }).click();
	await expect(caredFor.locator('#code-error')).toHaveText('Deze code is al gebruikt. U hoeft niets meer te doen.');
	await context.close();
	await page.goto(new URL(page.url()).pathname); // not reload: that would send the form again
	await expect(page.getByText('De persoon voor wie u zorgt, heeft het bevestigd.')).toBeVisible();
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
	await expect(page.getByRole('link', { name: 'Hoe gaat het met u? Doe de korte vragenlijst.' })).toHaveAttribute('href', '/mantelzorg/hoe-gaat-het');
	await expect(page.getByText('Bankrekening die eindigt op 4300')).toBeVisible();
	await axe(page);
	const applicationPath = new URL(page.url()).pathname;
	const id = applicationPath.split('/').pop()!;
	const [stored] = await sql<{ iban: string }>('select iban from carer_bank_accounts where application_id = $1', [id]);
	expect(stored.iban).toBe('NL91ABNA0417164300');
	await expect(page.getByRole('heading', { name: 'Laat het bevestigen' })).toBeVisible();
	await confirmWithPaperCode(page, browser, withJs, name);

	// The officer sees it in the list of this year and approves.
	const officerContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const ahmed = await officerContext.newPage();
	await signIn(ahmed, 'ahmed@voorbeeld.nl');
	await ahmed.goto('/gemeente');
	await ahmed.getByRole('link', { name: 'Bedankje voor mantelzorgers' }).click();
	await axe(ahmed);
	await expect(ahmed.getByRole('row', { name: new RegExp(name) })).toContainText('Bevestigd');
	await ahmed.getByRole('link', { name, exact: true }).click();
	await expect(ahmed.getByText('NL91ABNA0417164300')).toBeVisible();
	await axe(ahmed);
	await ahmed.getByRole('button', { name: 'Besluit sturen' }).click();
	await expect(ahmed.getByText('Kies wat u besluit.')).toBeVisible();
	await ahmed.getByRole('radio', { name: 'Goedkeuren', exact: true }).check();
	await ahmed.getByRole('button', { name: 'Besluit sturen' }).click();
	await expect(ahmed.getByText('Uw besluit is verstuurd.')).toBeVisible();
	await axe(ahmed);

	// The payment list holds exactly the approved money not yet paid, this one among them.
	const csv = await (await ahmed.request.get('/gemeente/mantelzorg/betaallijst')).text();
	const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
	expect(lines[0]).toBe('iban;naam;bedrag;kenmerk');
	expect(lines).toContain(`NL91ABNA0417164300;C. Jansen;150.00;MZ${new Date().getFullYear()}-${id.slice(0, 8).toUpperCase()}`);
	const approved = await sql<{ id: string }>(
		`select id from carer_applications where status = 'approved' and payout = 'money' and paid_at is null and year = extract(year from now())::int and municipality_id = '00000000-0000-4000-8000-000000000001'`
	);
	expect(lines.slice(1).map((l) => l.split(';').at(-1)).sort()).toEqual(approved.map((a) => `MZ${new Date().getFullYear()}-${a.id.slice(0, 8).toUpperCase()}`).sort());

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
	// A voice note too: only Bert hears it, until he asks to be called back.
	await speak(page, withJs);
	await page.getByRole('button', { name: 'Antwoorden sturen' }).click();
	await expect(page.getByRole('heading', { name: 'De zorg is zwaar voor u' })).toBeVisible();
	// Support from the sociale kaart ("Zorgen voor een ander"): for the whole municipality or Bert's
	// area (Oost); the Mantelzorgcafé is in Beekdal only.
	const OOST = '00000000-0000-4000-8000-000000000103';
	const support = page.locator('.support-list');
	await expect(support.getByRole('link', { name: 'Iemand neemt de zorg even over' })).toHaveAttribute('href', '/kaart/00000000-0000-4000-8000-000000000962');
	await expect(support).toContainText('Een vrijwilliger past een dagdeel op');
	await expect(support.getByRole('link', { name: '043 765 00 11' }).first()).toHaveAttribute('href', 'tel:0437650011');
	await expect(support).not.toContainText('Mantelzorgcafé');
	await expect(page.getByRole('link', { name: 'Zoek hulp voor mantelzorgers bij u in de buurt' })).toHaveAttribute('href', `/kaart?topic=carers&area=${OOST}`);
	if (withJs) await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Bel mij terug' }).click();
	await expect(page.getByText('Iemand van de gemeente belt u snel.')).toBeVisible();
	await expect(page.getByText(/: zwaar/)).toBeVisible(); // the carer's own history, with his voice note
	await expect(page.locator('audio[aria-label="Luister naar uw bericht"]')).toHaveCount(1);
	await page.goto(`/kaart?topic=carers&area=${OOST}`); // the link above
	await expect(page.locator('select[name="topic"]')).toHaveValue('carers');
	await expect(page.locator('select[name="area"]')).toHaveValue(OOST);

	const officerContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const ahmed = await officerContext.newPage();
	await signIn(ahmed, 'ahmed@voorbeeld.nl');
	await ahmed.goto('/gemeente/mantelzorg');
	const task = ahmed.locator('.call-backs li', { hasText: name });
	await expect(task).toBeVisible();
	// Bert asked to be called back, so the team hears his voice note.
	await expect(task.locator('audio')).toHaveAttribute('aria-label', `Luister naar het bericht van ${name}`);
	const noteSrc = await task.locator('audio').getAttribute('src');
	expect((await ahmed.request.get(noteSrc!)).status()).toBe(200);
	await task.getByRole('button', { name: 'Gebeld' }).click();
	await expect(ahmed.locator('.call-backs li', { hasText: name })).toHaveCount(0);
	await officerContext.close();
});

test('the officer sets the questions of "Hoe gaat het met u?"; a carer answers them', async ({ page, browser }, testInfo) => {
	test.setTimeout(180_000);
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	const DEMO = '00000000-0000-4000-8000-000000000001';
	const questions = ['Ik slaap slecht door de zorg.', 'Ik maak me zorgen over geld.', 'Ik heb ruzie door de zorg.'];
	try {
		await signIn(page, 'ahmed@voorbeeld.nl');
		await page.goto('/gemeente/mantelzorg');
		await page.getByRole('link', { name: 'Vragen van Hoe gaat het met u?' }).click();
		await expect(page.getByText('Uw gemeente heeft nog geen eigen vragen.')).toBeVisible();
		await expect(page.locator('#current-questions li')).toHaveText(['Ik ben moe door de zorg.', 'Ik heb te weinig tijd voor mezelf.', 'Ik denk ook in mijn vrije tijd aan de zorg.', 'Ik zie minder vaak mijn familie of vrienden.', 'Ik sta er alleen voor.']);
		if (withJs) await expectNoAxeViolations(page);

		// One question and a heavy average of 7: each message next to its field, nothing saved.
		await page.getByLabel('Vragen', { exact: true }).fill('Ik slaap slecht.');
		await page.getByLabel('Vanaf welk gemiddelde is de zorg zwaar?').fill('7');
		await page.getByRole('button', { name: 'Vragen opslaan' }).click();
		await expect(page.locator('#questions-error')).toHaveText('Schrijf 2 tot 12 vragen, elk op een eigen regel. Elke vraag heeft 5 tot 200 tekens.');
		await expect(page.locator('#heavy_from-error')).toHaveText('Vul een getal in van 1 tot en met 5. Bijvoorbeeld: 3,5.');
		if (withJs) await expectNoAxeViolations(page);
		expect(await sql('select 1 from carer_check_scales where municipality_id = $1', [DEMO])).toEqual([]);

		await page.getByLabel('Vragen', { exact: true }).fill(questions.join('\n'));
		await page.getByLabel('Vanaf welk gemiddelde is de zorg zwaar?').fill('4,5');
		await page.getByRole('button', { name: 'Vragen opslaan' }).click();
		await expect(page.getByText('Opgeslagen. Dit zijn nu de vragen.')).toBeVisible();
		await page.goto('/gemeente/mantelzorg/vragen');
		await expect(page.getByText('U hebt eigen vragen. Die krijgt elke mantelzorger nu.')).toBeVisible();
		await expect(page.locator('#current-questions li')).toHaveText(questions);

		// A carer gets the three questions; "vaak" everywhere is 4, under 4.5: not heavy.
		const carerContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
		const carer = await carerContext.newPage();
		await signIn(carer, newEmail(testInfo, 'vragen'), { name: `Vera ${testInfo.project.name}`, area: 'Oost (wijk)' });
		await carer.goto('/mantelzorg/hoe-gaat-het');
		await expect(carer.locator('fieldset legend')).toHaveText(questions);
		for (const q of questions) await carer.locator('fieldset', { hasText: q }).getByRole('radio', { name: 'Vaak', exact: true }).check();
		await carer.getByRole('button', { name: 'Antwoorden sturen' }).click();
		await expect(carer.getByRole('heading', { name: 'Dank u wel voor uw antwoorden' })).toBeVisible();
		if (withJs) await expectNoAxeViolations(carer);
		await carerContext.close();
	} finally {
		// Back to the usual questions for the other journeys.
		await sql('delete from carer_checks where scale_id in (select id from carer_check_scales where municipality_id = $1)', [DEMO]);
		await sql('delete from carer_check_scales where municipality_id = $1', [DEMO]);
	}
});

test('with a budget, the officer divides it only after the last day; the page says why not yet', async ({ page }, testInfo) => {
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	const DEMO = '00000000-0000-4000-8000-000000000001';
	const year = new Date().getFullYear();
	const [before] = await sql<{ amount_cents: number | null; budget_cents: number | null; closes_on: string }>(
		'select amount_cents, budget_cents, closes_on::text from carer_settings where municipality_id = $1 and year = $2',
		[DEMO, year]
	);
	try {
		await sql(`update carer_settings set amount_cents = null, budget_cents = 2500000, closes_on = make_date($2, 12, 31) where municipality_id = $1 and year = $2`, [DEMO, year]);
		await signIn(page, 'ahmed@voorbeeld.nl');
		await page.goto('/gemeente/mantelzorg');
		const budget = page.getByRole('region', { name: 'Het budget verdelen' });
		await expect(budget).toContainText('Het budget van € 25.000 verdelen we over iedereen die het bedankje krijgt.');
		if (withJs) await expectNoAxeViolations(page);
		await budget.getByRole('button', { name: 'Budget nu verdelen' }).click();
		await expect(page.getByRole('alert')).toHaveText('Mantelzorgers kunnen nog aanvragen. Verdeel het budget na de laatste dag.');
		expect(await sql('select divided_at from carer_settings where municipality_id = $1 and year = $2', [DEMO, year])).toEqual([{ divided_at: null }]);
	} finally {
		await sql(`update carer_settings set amount_cents = $3, budget_cents = $4, closes_on = $5 where municipality_id = $1 and year = $2`, [
			DEMO,
			year,
			before.amount_cents,
			before.budget_cents,
			before.closes_on
		]);
	}
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

test('a coordinator applies for a resident, the paper code confirms, the officer approves, a partner redeems the voucher once', async ({ page, browser }, testInfo) => {
	test.setTimeout(240_000);
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	const caredFor = `Heer Willems ${testInfo.project.name}`;
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie/bewoners/00000000-0000-4000-8000-000000000308');
	await page.getByRole('link', { name: /bedankje/i }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een bedankje vragen voor Mevrouw Willems');
	await page.getByRole('radio', { name: 'Mijn partner' }).check();
	await next(page);
	await page.getByLabel('Naam', { exact: true }).fill(caredFor);
	await page.getByLabel('Postcode').fill('6211 CD');
	await page.getByLabel('Huisnummer').fill(withJs ? '7' : '8');
	await next(page);
	await page.getByRole('radio', { name: 'Ja' }).check();
	await next(page);
	await page.getByLabel('Sinds wanneer zorgt u voor deze persoon?').fill('2018-02');
	await next(page);
	await page.getByRole('radio', { name: '16 uur of meer' }).check();
	await next(page);
	await page.getByRole('radio', { name: /Een cadeaubon/ }).check();
	await next(page);
	await next(page);
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByText('Wij hebben uw aanvraag.')).toBeVisible();
	const applicationPath = new URL(page.url()).pathname;
	const id = applicationPath.split('/').pop()!;
	if (withJs) await expectNoAxeViolations(page);
	await confirmWithPaperCode(page, browser, withJs, 'Mevrouw Willems');
	expect(await sql(`select confirmed_how from carer_confirmations where application_id = $1`, [id])).toEqual([{ confirmed_how: 'code' }]);

	const officerContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const ahmed = await officerContext.newPage();
	await signIn(ahmed, 'ahmed@voorbeeld.nl');
	await ahmed.goto(`/gemeente/mantelzorg/${id}`);
	await expect(ahmed.locator('#confirmation')).toContainText('Bevestigd (met de code)');
	await ahmed.getByRole('radio', { name: 'Goedkeuren', exact: true }).check();
	await ahmed.getByRole('button', { name: 'Besluit sturen' }).click();
	await expect(ahmed.getByText('Uw besluit is verstuurd.')).toBeVisible();
	await officerContext.close();

	// The coordinator (who applied) sees the voucher's code to pass on.
	await page.goto(applicationPath);
	await expect(page.getByRole('heading', { name: 'Uw cadeaubon' })).toBeVisible();
	await expect(page.getByText(/De cadeaubon is €\s150 waard\./)).toBeVisible();
	const code = (await page.locator('#voucher-code').innerText()).trim();
	expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

	// The florist checks it, redeems it, and a second time is refused.
	const shopContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const shop = await shopContext.newPage();
	await signIn(shop, 'bloemist@voorbeeld.nl');
	await shop.goto('/partner');
	await expect(shop.getByRole('heading', { level: 1 })).toHaveText('Code van een mantelzorger');
	if (withJs) await expectNoAxeViolations(shop);
	await shop.getByLabel('Code van de klant').fill(code.toLowerCase().replaceAll('-', ' '));
	await shop.getByRole('button', { name: 'Code controleren' }).click();
	await expect(shop.getByText(/Deze code klopt\. De klant krijgt: een cadeaubon van €\s150\./)).toBeVisible();
	if (withJs) await expectNoAxeViolations(shop);
	await shop.getByRole('button', { name: 'Code gebruiken' }).click();
	await expect(shop.getByText('Gelukt. De code is gebruikt.', { exact: false })).toBeVisible();
	await shop.getByLabel('Code van de klant').fill(code);
	await shop.getByRole('button', { name: 'Code controleren' }).click();
	await expect(shop.locator('#code-error')).toHaveText('Deze code is al gebruikt. U kunt hem niet nog een keer gebruiken.');
	await expect(shop.getByRole('button', { name: 'Code gebruiken' })).toHaveCount(0);
	if (withJs) await expectNoAxeViolations(shop);
	await shopContext.close();
	expect((await sql<{ n: number }>(`select count(*)::int as n from carer_vouchers where application_id = $1 and redeemed_at is not null`, [id]))[0].n).toBe(1);

	await page.goto(applicationPath);
	await expect(page.getByText(/U hebt de code gebruikt op/)).toBeVisible();
});

test('only partners reach the partner page', async ({ page }, testInfo) => {
	await signIn(page, newEmail(testInfo, 'geenwinkel'), { name: 'Geen Winkel', area: 'Noord (wijk)' });
	const response = await page.goto('/partner');
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Deze pagina is alleen voor winkels die meedoen.')).toBeVisible();
});

test('an approved carer says whether they feel appreciated, downloads their data and deletes what may go', async ({ page }, testInfo) => {
	test.setTimeout(180_000);
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	const email = newEmail(testInfo, 'gerda');
	await signIn(page, email, { name: `Gerda ${testInfo.project.name}`, area: 'Noord (wijk)' });
	const [{ id: me }] = await sql<{ id: string }>('select id from profiles where email = $1', [email]);
	// Two applications made directly (the journey itself is above): one approved voucher, one waiting.
	const rows = await sql<{ id: string }>(
		`insert into carer_applications (municipality_id, year, carer_id, applied_by, relationship, cared_for_name, cared_for_postcode, cared_for_house_number, caring_since, hours, cared_for_lives_here, payout)
		 values ('00000000-0000-4000-8000-000000000001', extract(year from now())::int, $1, $1, 'child', 'Kind Gerda', '6212AA', $2, '2019-01-01', 'over_16', true, 'voucher'),
		        ('00000000-0000-4000-8000-000000000001', extract(year from now())::int, $1, $1, 'friend', 'Vriendin Gerda', '6212AB', $2, '2019-01-01', 'over_16', true, 'voucher')
		 returning id`,
		[me, withJs ? '1' : '2']
	);
	const [approved, waiting] = rows.map((r) => r.id);
	await sql(`update carer_confirmations set confirmed_at = now(), confirmed_how = 'phone' where application_id = $1`, [approved]);
	await sql(`update carer_applications set status = 'approved' where id = $1`, [approved]);

	await page.goto(`/mantelzorg/${approved}`);
	await page.getByRole('link', { name: 'Voelt u zich gewaardeerd? Zeg het ons.' }).click();
	await page.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(page.locator('#feeling-error')).toHaveText('Kies ja, een beetje of nee.');
	if (withJs) await expectNoAxeViolations(page);
	await page.getByRole('radio', { name: 'Een beetje' }).check();
	await page.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(page.getByText('Dank u wel voor uw antwoord.')).toBeVisible();
	await expect(page.getByText('Hier vindt u steun:')).toBeVisible();
	if (withJs) await expectNoAxeViolations(page);
	expect(await sql('select feeling from carer_appreciation_answers where application_id = $1', [approved])).toEqual([{ feeling: 'somewhat' }]);

	await page.goto('/mantelzorg');
	await page.getByRole('link', { name: 'Mijn gegevens bekijken of wissen' }).click();
	await expect(page.getByText('Dan bewaren wij die aanvraag 7 jaar.', { exact: false })).toBeVisible();
	if (withJs) await expectNoAxeViolations(page);
	const download = await page.request.get('/mantelzorg/mijn-gegevens/download');
	expect(download.headers()['content-disposition']).toContain('attachment');
	const data = await download.json();
	expect(data.applications.map((a: { id: string }) => a.id).sort()).toEqual([approved, waiting].sort());
	await page.getByRole('button', { name: 'Mijn gegevens wissen' }).click();
	await expect(page.locator('#sure-error')).toHaveText('Zet een vinkje als u het zeker weet.');
	await page.getByRole('checkbox', { name: 'Ik weet het zeker' }).check();
	await page.getByRole('button', { name: 'Mijn gegevens wissen' }).click();
	await expect(page.getByText('Wat de gemeente u gaf, bewaren wij nog even.', { exact: false })).toBeVisible();
	expect(await sql('select id from carer_applications where carer_id = $1', [me])).toEqual([{ id: approved }]);
});

test('the officer adds a shop; its staff signs in and reaches the partner page', async ({ page, browser }, testInfo) => {
	test.setTimeout(180_000);
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	const shopEmail = newEmail(testInfo, 'kaaswinkel');
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente/mantelzorg');
	await page.getByLabel('Naam van de winkel').fill('Kaaswinkel Het Gat');
	await page.getByLabel('E-mailadres om mee in te loggen').fill('geen-adres');
	await page.getByRole('button', { name: 'Winkel opslaan' }).click();
	await expect(page.locator('#partner-email-error')).toBeVisible();
	if (withJs) await expectNoAxeViolations(page);
	await page.getByLabel('E-mailadres om mee in te loggen').fill(shopEmail);
	await page.getByRole('checkbox', { name: 'Neemt cadeaubonnen aan' }).check();
	await page.getByRole('button', { name: 'Winkel opslaan' }).click();
	await expect(page.getByText('De winkel is opgeslagen.')).toBeVisible();
	await expect(page.locator('.partners')).toContainText('Kaaswinkel Het Gat: Een cadeaubon');

	const shopContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const shop = await shopContext.newPage();
	await signIn(shop, shopEmail);
	await shop.goto('/partner');
	await expect(shop.getByText('U werkt voor Kaaswinkel Het Gat.')).toBeVisible();
	await shopContext.close();
});
