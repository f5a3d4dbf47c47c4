import { test, expect, newEmail, signIn, readCodeFromMailbox, sql } from './fixtures';

test('a new resident signs in with a code, answers three questions, switches language and signs out', async ({ page }, testInfo) => {
	const email = newEmail(testInfo, 'anna');
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Omzien');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('link', { name: 'Bel 043 123 40 00' })).toBeVisible(); // demo data

	await page.getByRole('navigation').getByRole('link', { name: 'Inloggen' }).click();
	await signIn(page, email, { name: 'Anna', area: 'Heide (dorp)' });
	await expect(page.getByText('U bent ingelogd als Anna.')).toBeVisible();

	const [profile] = await sql<{ display_name: string; preferred_language: string; area: string }>(
		'select p.display_name, p.preferred_language, a.name as area from profiles p join areas a on a.id = p.area_id where p.email = $1',
		[email]
	);
	expect(profile).toEqual({ display_name: 'Anna', preferred_language: 'nl', area: 'Heide' });

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Omzien');
	await expect(page.getByText('You are signed in as Anna.')).toBeVisible();
	const [{ preferred_language }] = await sql<{ preferred_language: string }>('select preferred_language from profiles where email = $1', [email]);
	expect(preferred_language).toBe('en');

	await page.getByRole('button', { name: 'Nederlands' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

	await page.getByRole('navigation').getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page.getByText('U bent uitgelogd. Tot ziens!')).toBeVisible();
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Inloggen' })).toBeVisible();
	await page.goto('/account');
	await expect(page).toHaveURL(/\/inloggen\?terug=%2Faccount$/);
	// Signed in again, she is where she was going; a return address to another site is ignored.
	await page.getByLabel('Uw e-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page).toHaveURL(/\/inloggen\/code$/); // the new code is sent; before it, the newest is the first one
	await page.getByLabel('Code van zes cijfers').fill(await readCodeFromMailbox(page.context(), email));
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/account$/);
	await page.goto('/inloggen?terug=//elders.example/account');
	await expect(page).toHaveURL(/\/$/);
	// A sign-in from a link, given up, and a plain sign-in later: that one goes to the start page.
	await page.context().clearCookies();
	await page.goto('/account');
	await expect(page).toHaveURL(/\/inloggen\?terug=%2Faccount$/);
	await signIn(page, email);
});

test('a known resident changes their details on "Mijn gegevens"', async ({ page }, testInfo) => {
	await signIn(page, newEmail(testInfo, 'bert'), { name: 'Bert', area: 'Noord (wijk)' });
	await page.getByRole('link', { name: 'Mijn gegevens' }).click();
	await page.getByLabel('Uw naam').fill('Bert Jansen');
	await page.getByLabel('Telefoonnummer (mag leeg blijven)').fill('06 11 22 33 44');
	await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('We hebben uw gegevens opgeslagen.');
	await page.goto(page.url()); // a fresh GET, not a repeated POST
	await expect(page.getByLabel('Uw naam')).toHaveValue('Bert Jansen');
	await expect(page.getByLabel('Telefoonnummer (mag leeg blijven)')).toHaveValue('06 11 22 33 44');
});

test('"Uitloggen op alle apparaten" signs out the other phone too', async ({ browser, page }, testInfo) => {
	const email = newEmail(testInfo, 'carla');
	await signIn(page, email, { name: 'Carla', area: 'Oost (wijk)' });
	const other = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled, baseURL: process.env.BASE_URL });
	const otherPage = await other.newPage();
	await signIn(otherPage, email);
	await expect(otherPage.getByText('U bent ingelogd als Carla.')).toBeVisible();

	await page.goto('/account');
	await page.getByRole('button', { name: 'Uitloggen op alle apparaten' }).click();
	await expect(page.getByText('U bent uitgelogd. Tot ziens!')).toBeVisible();
	await otherPage.reload();
	await expect(otherPage.getByRole('navigation').getByRole('link', { name: 'Inloggen' })).toBeVisible();
	await other.close();
});

test('bad input gets a plain message next to the field', async ({ page }, testInfo) => {
	const noJs = testInfo.project.name === 'without-js';
	await page.goto('/inloggen');
	await page.getByLabel('Uw e-mailadres').fill('truus-at-voorbeeld');
	const [response] = await Promise.all([
		noJs ? page.waitForResponse((r) => r.request().method() === 'POST') : Promise.resolve(null),
		page.getByRole('button', { name: 'Stuur mij een code' }).click()
	]);
	if (response) expect(response.status()).toBe(400);
	await expect(page.locator('#email-error')).toHaveText(
		'Dit e-mailadres klopt niet. Kijk of er een @ in staat. Bijvoorbeeld: naam@voorbeeld.nl.'
	);
	await expect(page.getByLabel('Uw e-mailadres')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Uw e-mailadres')).toHaveValue('truus-at-voorbeeld');

	// A wrong code: says how many tries are left.
	const email = newEmail(testInfo, 'dirk');
	await page.getByLabel('Uw e-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page).toHaveURL(/\/inloggen\/code$/);
	const code = await readCodeFromMailbox(page.context(), email);
	await page.getByLabel('Code van zes cijfers').fill(code === '000000' ? '111111' : '000000');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.locator('#code-error')).toHaveText('Deze code klopt niet. Kijk goed in de e-mail. U mag het nog 4 keer proberen.');
	await page.getByLabel('Code van zes cijfers').fill('12');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.locator('#code-error')).toHaveText('Typ de zes cijfers uit de e-mail.');

	// The right code still works, then onboarding refuses an empty name and keeps the area.
	await page.getByLabel('Code van zes cijfers').fill(code);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/welkom$/);
	await page.getByLabel('In welke wijk of welk dorp woont u?').selectOption({ label: 'Beekdal (kern)' });
	await page.getByRole('button', { name: 'Opslaan en beginnen' }).click();
	await expect(page.locator('#display_name-error')).toHaveText('Vul een naam in.');
	await expect(page.getByLabel('In welke wijk of welk dorp woont u?')).toHaveValue('00000000-0000-4000-8000-000000000104');
	const [row] = await sql<{ onboarded_at: string | null }>('select onboarded_at from profiles where email = $1', [email]);
	expect(row.onboarded_at).toBeNull();
});

test('a tampered session cookie means signed out, not an error page', async ({ page, context, baseURL }) => {
	await context.addCookies([{ name: 'omzien_session', value: 'abc.def', url: baseURL! }]);
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Inloggen' })).toBeVisible();
});

test('larger text is remembered', async ({ page }) => {
	await page.goto('/');
	const base = await page.locator('main p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(base).toBeGreaterThanOrEqual(18);
	await page.getByRole('button', { name: 'Grotere letters' }).click();
	await expect(page.locator('html')).toHaveClass(/large-text/);
	await page.goto('/toegankelijkheid');
	const larger = await page.locator('main p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(larger).toBeGreaterThan(base);
	await page.getByRole('button', { name: 'Gewone letters' }).click();
	await expect(page.locator('html')).not.toHaveClass(/large-text/);
});
