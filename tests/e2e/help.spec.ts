import { test, expect, signIn, newEmail, sql, findInBrowse, firstBrowseCard, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';

async function askForHelp(page: Page, answers: { category: string; text: string; area?: string; address?: string }) {
	await page.goto('/hulp');
	await page.getByRole('link', { name: 'Hulp vragen' }).click();
	await expect(page.getByText('Vraag 1 van 4')).toBeVisible();
	await page.getByRole('radio', { name: new RegExp(answers.category) }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByLabel('Wat moet er gebeuren?').fill(answers.text);
	await page.getByRole('button', { name: 'Volgende' }).click();
	if (answers.area) await page.getByLabel('In welke wijk of welk dorp is het?').selectOption({ label: answers.area });
	if (answers.address) await page.getByLabel('Adres (mag leeg blijven)').fill(answers.address);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('radio', { name: 'Zo snel mogelijk' }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.getByRole('heading', { name: 'Klopt dit?' })).toBeVisible();
	await expect(page.locator('#summary')).toContainText(answers.text);
	await page.getByRole('button', { name: 'Hulp vragen' }).click();
	await expect(page.getByText('We zoeken een helper.').first()).toBeVisible();
	return page.url().replace(/\?.*$/, '');
}

test('a resident asks, a volunteer offers, the resident accepts, both see contact details, done, thanks', async ({ page, browser }, testInfo) => {
	const text = `Mijn kraan lekt (${testInfo.project.name} ${Date.now()})`;
	await signIn(page, newEmail(testInfo, 'gerda'), { name: 'Gerda Smit', area: 'Oost (wijk)' });
	await page.getByRole('link', { name: 'Mijn gegevens' }).click();
	await page.getByLabel('Telefoonnummer (mag leeg blijven)').fill('06 55 44 33 22');
	await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
	await expect(page.getByRole('status')).toBeVisible();

	const requestUrl = await askForHelp(page, { category: 'Klussen', text, address: 'Beukenlaan 7' });
	const requestPath = new URL(requestUrl).pathname;
	// While she waits, Gerda is pointed to the sociale kaart with her kind of help and area chosen.
	const OOST = '00000000-0000-4000-8000-000000000103';
	await expect(page.getByRole('heading', { name: 'Ook hulp van een organisatie?' })).toBeVisible();
	const kaartLink = page.getByRole('link', { name: 'Bekijk wat er is voor klussen in Oost' });
	await expect(kaartLink).toHaveAttribute('href', `/kaart?topic=home&area=${OOST}`);
	await kaartLink.click();
	await expect(page.locator('select[name="topic"]')).toHaveValue('home');
	await expect(page.locator('select[name="area"]')).toHaveValue(OOST);
	await page.goto(requestPath);

	// Pieter volunteers for small jobs in Oost. He sees first name and area, not the address.
	const volunteerContext = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled, baseURL: process.env.BASE_URL });
	const pieter = await volunteerContext.newPage();
	await signIn(pieter, 'pieter@voorbeeld.nl');
	const card = pieter.locator('li', { hasText: text });
	await findInBrowse(pieter, card);
	await expect(card).toContainText('Klussen: Gerda');
	await expect(card).not.toContainText('Beukenlaan');
	await card.getByRole('link').click();
	await expect(pieter.locator('main')).not.toContainText('Beukenlaan');
	await expect(pieter.locator('main')).not.toContainText('06 55 44 33 22');
	await expect(pieter.getByRole('heading', { name: 'Ook hulp van een organisatie?' })).toHaveCount(0);
	await pieter.getByRole('button', { name: 'Ik help' }).click();
	await expect(pieter.getByText('Dank u! We laten het de vrager weten.')).toBeVisible();

	// Gerda gets a notification and accepts.
	await page.goto('/meldingen');
	await expect(page.getByText('Iemand wil u helpen').first()).toBeVisible();
	await page.goto(requestPath);
	await expect(page.getByText('Pieter wil helpen. Zegt u ja of nee?')).toBeVisible();
	await expect(page.locator('main')).not.toContainText('pieter@voorbeeld.nl');
	await page.getByRole('button', { name: 'Ja, graag' }).click();
	await expect(page.getByText('Fijn! Nu ziet u elkaars gegevens.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Gegevens van Pieter Hendriks' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Ook hulp van een organisatie?' })).toHaveCount(0);
	await expect(page.locator('.contact')).toContainText('pieter@voorbeeld.nl');

	await pieter.goto(requestPath);
	await expect(pieter.locator('.contact')).toContainText('06 55 44 33 22');
	await expect(pieter.locator('.contact')).toContainText('Beukenlaan 7');
	await pieter.getByLabel('Uw bericht').fill('Ik kom morgen om tien uur.');
	await pieter.getByRole('button', { name: 'Bericht sturen' }).click();
	await pieter.getByRole('button', { name: 'De hulp is klaar' }).click();
	await expect(pieter.getByText('We vragen de ander of de hulp klaar is.')).toBeVisible();

	await page.goto(requestPath);
	await expect(page.getByText('Ik kom morgen om tien uur.')).toBeVisible();
	await page.getByRole('button', { name: 'Ja, de hulp is klaar' }).click();
	await expect(page.getByText('De hulp is klaar. U kunt nu bedanken.')).toBeVisible();
	await page.getByLabel('Uw bedankje').fill(`Heel erg bedankt, Pieter! (${testInfo.project.name})`);
	await page.getByRole('button', { name: 'Bedankje sturen' }).click();
	await expect(page.getByText('U hebt een bedankje gestuurd.')).toBeVisible();

	await pieter.goto('/hulp');
	await expect(pieter.getByText(`“Heel erg bedankt, Pieter! (${testInfo.project.name})”`)).toBeVisible();
	await volunteerContext.close();

	// Mail went out: the offer reached Gerda's inbox.
	await page.goto('/dev/mail');
	await expect(page.locator('.mailbox li', { hasText: 'Iemand wil u helpen' }).first()).toBeVisible();
});

test('a volunteer sees the open requests twenty at a time, longest waiting first, and can go on and back', async ({ page }, testInfo) => {
	const TRUUS = '00000000-0000-4000-8000-000000000304';
	const NOORD = '00000000-0000-4000-8000-000000000102';
	const tag = `${testInfo.project.name} ${Date.now()}`;
	// 25 requests for boodschappen in Noord that have waited 29 days: number 25 waited longest.
	const ids = (
		await sql<{ id: string }>(
			`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, opened_at)
			 select gen_random_uuid(), $1, $1, 'groceries', 'Boodschappen nummer ' || n || ' (' || $3 || ')', $2, 'asap',
			        now() - interval '29 days' - n * interval '1 minute'
			 from generate_series(1, 25) n returning id`,
			[TRUUS, NOORD, tag]
		)
	).map((r) => r.id);
	try {
		await signIn(page, 'fatima@voorbeeld.nl');
		await page.goto('/hulp');
		const cards = page.locator('#dichtbij-lijst > li');
		await expect(cards).toHaveCount(20);
		const firstPageStart = await firstBrowseCard(page);
		await expect(page.getByRole('link', { name: 'Terug naar het begin van de lijst' })).toHaveCount(0);

		// She goes on until she has seen all 25: each once, in the order they have waited.
		const seen: string[] = [];
		const ours = () => cards.filter({ hasText: tag }).allTextContents();
		seen.push(...(await ours()));
		for (let pages = 1; seen.length < 25 && pages < 10; pages++) {
			const before = await firstBrowseCard(page);
			await page.getByRole('link', { name: 'Meer hulpvragen' }).click();
			await expect.poll(() => firstBrowseCard(page)).not.toBe(before);
			expect(await cards.count()).toBeLessThanOrEqual(20);
			seen.push(...(await ours()));
		}
		const numbers = seen.map((text) => Number(/nummer (\d+)/.exec(text)?.[1]));
		expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
		if (testInfo.project.use.javaScriptEnabled) await expectNoAxeViolations(page); // a later page

		await page.getByRole('link', { name: 'Terug naar het begin van de lijst' }).click();
		await expect(cards.first().getByRole('link')).toHaveAttribute('href', firstPageStart!);
	} finally {
		await sql('delete from help_requests where id = any($1)', [ids]);
	}
});

test('asking for help: a missing choice, an empty text and a past date get a message; a double submit makes one request', async ({ page }, testInfo) => {
	await signIn(page, newEmail(testInfo, 'henk'), { name: 'Henk', area: 'Centrum (wijk)' });
	await page.goto('/hulp/vragen');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.locator('#category_id-error')).toHaveText('Kies wat voor hulp u zoekt.');
	await page.getByRole('radio', { name: /Tuin/ }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.locator('#description-error')).toHaveText('Schrijf op wat er moet gebeuren, of spreek een bericht in.');
	await expect(page.getByLabel('Wat moet er gebeuren?')).toHaveAttribute('maxlength', '1000');
	await page.getByLabel('Wat moet er gebeuren?').fill('Het gras is te lang.');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('radio', { name: 'Op een dag die ik kies' }).check();
	await page.getByLabel('Welke dag?').fill('2020-01-01');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.locator('#when_date-error')).toHaveText('Deze dag is al voorbij. Kies vandaag of een dag later.');
	await page.getByRole('radio', { name: 'Zo snel mogelijk' }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.locator('#summary')).toContainText('Het gras is te lang.');

	// Submit the same summary twice (as a double click or a reload would).
	const summaryForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Hulp vragen' }) });
	const fields = await summaryForm.locator('input[type=hidden]').evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value]));
	const body = new URLSearchParams(fields as [string, string][]).toString();
	const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: process.env.BASE_URL! };
	const first = await page.request.post('/hulp/vragen?/send', { data: body, headers, maxRedirects: 0 });
	const second = await page.request.post('/hulp/vragen?/send', { data: body, headers, maxRedirects: 0 });
	expect(first.status(), await first.text()).toBe(303);
	expect(second.headers().location).toBe(first.headers().location);
	const submission = new URLSearchParams(body).get('submission_id');
	expect(await sql('select id from help_requests where submission_id = $1', [submission])).toHaveLength(1);
});

test('phone-in: a coordinator asks for help for a resident and introduces a volunteer', async ({ page }, testInfo) => {
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie/bewoners/nieuw');
	const name = `Meneer Janssen ${testInfo.project.name}`;
	await page.getByLabel('Naam', { exact: true }).fill(name);
	await page.getByLabel('Telefoonnummer').fill('043 999 88 77');
	await page.getByLabel('Wijk of dorp').selectOption({ label: 'Noord (wijk)' });
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await page.getByRole('link', { name: 'Hulp vragen voor deze persoon' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hulp vragen voor ${name}`);
	const text = `Boodschappen voor meneer Janssen (${testInfo.project.name})`;
	await page.getByRole('radio', { name: /Boodschappen/ }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByLabel('Wat moet er gebeuren?').fill(text);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Hulp vragen' }).click();

	// Sanne sees suggestions with reasons and introduces Fatima, then accepts for meneer Janssen.
	await expect(page.getByRole('heading', { name: 'Wie kan helpen?' })).toBeVisible();
	const fatima = page.locator('li', { hasText: 'Fatima' });
	await expect(fatima).toContainText('woont vlakbij');
	await fatima.getByRole('button', { name: 'Voorstellen: Fatima' }).click();
	await expect(page.getByText('We hebben de vrijwilliger voorgesteld.')).toBeVisible();
	await page.getByRole('button', { name: 'Ja, graag' }).click();
	await expect(page.getByText('Fijn! Nu ziet u elkaars gegevens.')).toBeVisible();

	const [row] = await sql<{ status: string; requester: string }>(
		'select r.status, p.display_name as requester from help_requests r join profiles p on p.id = r.requester_id where r.description = $1',
		[text]
	);
	expect(row).toEqual({ status: 'matched', requester: name });
	await page.goto('/coordinatie/hulp');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hulpvragen in uw wijken');
});
