import { test, expect, signIn, newEmail, expectNoAxeViolations, sql } from './fixtures';

test('pages for everyone have no axe violations and large targets', async ({ page }) => {
	for (const path of ['/', '/inloggen', '/toegankelijkheid', '/dev/mail', '/bestaat-niet']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.goto('/dev/mail');
	if (await page.locator('.mailbox a').count()) {
		await page.locator('.mailbox a').first().click();
		await expectNoAxeViolations(page);
	}
	// Form with errors, and the code page.
	await page.goto('/inloggen');
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page.locator('#email-error')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Uw e-mailadres').fill('axe@voorbeeld.nl');
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page).toHaveURL(/\/inloggen\/code$/);
	await expectNoAxeViolations(page);

	// Every button and link in the header and main is at least 44 by 44 pixels (WCAG 2.5.5 goes further than 2.5.8).
	await page.goto('/');
	const small = await page.locator('header a, header button, main a.utrecht-button-link, main button').evaluateAll((els) =>
		els
			.map((el) => ({ text: (el as HTMLElement).innerText, box: el.getBoundingClientRect() }))
			.filter(({ box }) => box.height < 44 || box.width < 44)
			.map(({ text, box }) => `${text}: ${box.width}x${box.height}`)
	);
	expect(small).toEqual([]);
});

test('pages for signed-in people have no axe violations, in Dutch and in larger text', async ({ page }, testInfo) => {
	await signIn(page, newEmail(testInfo, 'axe'), { name: 'Axe', area: 'Centrum (wijk)' });
	for (const path of ['/', '/account', '/uitloggen']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.getByRole('button', { name: 'Grotere letters' }).click();
	await page.goto('/account');
	await expectNoAxeViolations(page);
});

test('onboarding and coordination pages have no axe violations', async ({ page }, testInfo) => {
	await page.goto('/inloggen');
	const email = newEmail(testInfo, 'welkom');
	await page.getByLabel('Uw e-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page).toHaveURL(/\/inloggen\/code$/);
	const { readCodeFromMailbox } = await import('./fixtures');
	await page.getByLabel('Code van zes cijfers').fill(await readCodeFromMailbox(page.context(), email));
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/welkom$/);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Opslaan en beginnen' }).click();
	await expect(page.locator('#display_name-error')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.context().clearCookies();
	await signIn(page, 'sanne@voorbeeld.nl');
	for (const path of ['/coordinatie', '/coordinatie/bewoners/nieuw', '/coordinatie/bewoners/00000000-0000-4000-8000-000000000308']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
});

test('help pages have no axe violations', async ({ page }, testInfo) => {
	await signIn(page, newEmail(testInfo, 'axehulp'), { name: 'Ilse', area: 'Noord (wijk)' });
	await page.goto('/hulp');
	await expectNoAxeViolations(page);
	await page.goto('/hulp/vragen');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Volgende' }).click(); // error on the first question
	await expectNoAxeViolations(page);
	await page.getByRole('radio', { name: /Boodschappen/ }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('Wat moet er gebeuren?').fill('Wie gaat met mij naar de markt?');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expectNoAxeViolations(page); // the summary
	await page.getByRole('button', { name: 'Hulp vragen' }).click();
	await expect(page.getByText('We zoeken een helper.').first()).toBeVisible();
	await expectNoAxeViolations(page);
	const requestPath = new URL(page.url()).pathname;
	await page.goto(`${requestPath}/melden`);
	await expectNoAxeViolations(page);
	await page.goto('/meldingen');
	await expectNoAxeViolations(page);
	const [offer] = await sql<{ id: string }>('select id from help_offers where hidden_at is null and closed_at is null limit 1');
	for (const path of ['/hulp/aanbod', `/hulp/aanbod/${offer.id}/melden`]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}

	await page.context().clearCookies();
	await signIn(page, 'fatima@voorbeeld.nl');
	for (const path of ['/hulp', '/hulp/bieden', requestPath]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.context().clearCookies();
	await signIn(page, 'sanne@voorbeeld.nl');
	for (const path of ['/coordinatie/hulp', '/coordinatie/vrijwilligers', requestPath]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
});
