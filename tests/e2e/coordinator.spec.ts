import { test, expect, signIn, newEmail } from './fixtures';

test('a coordinator registers a resident who phoned and changes her details; both are in the log', async ({ page }, testInfo) => {
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.getByRole('link', { name: 'Coördinatie' }).click();
	await page.getByRole('link', { name: 'Iemand inschrijven' }).click();

	const name = `Mevrouw Kusters ${testInfo.project.name}`;
	await page.getByLabel('Naam', { exact: true }).fill(name);
	await page.getByLabel('Telefoonnummer').fill('043 222 33 44');
	await page.getByLabel('Wijk of dorp').selectOption({ label: 'Oost (wijk)' });
	await page.getByRole('button', { name: 'Inschrijven' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Gegevens van ${name}`);
	await expect(page.getByText(`U hebt ${name} ingeschreven.`)).toBeVisible();
	await expect(page.getByText('Ingeschreven na een telefoontje')).toBeVisible();

	await page.getByLabel('Telefoonnummer').fill('043 222 99 99');
	await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
	await expect(page.getByText('We hebben de gegevens opgeslagen.')).toBeVisible();
	await page.goto(page.url()); // a fresh GET, not a repeated POST
	await expect(page.getByLabel('Telefoonnummer')).toHaveValue('043 222 99 99');
	await expect(page.getByText('Gegevens veranderd')).toBeVisible();

	await page.getByRole('link', { name: 'Coördinatie' }).click();
	await expect(page.getByRole('link', { name })).toBeVisible();
});

test('a coordinator cannot register someone without a phone number', async ({ page }) => {
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie/bewoners/nieuw');
	await page.getByLabel('Naam', { exact: true }).fill('Meneer Zonder Nummer');
	await page.getByLabel('Wijk of dorp').selectOption({ label: 'Centrum (wijk)' });
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(page.locator('#phone-error')).toHaveText('Vul een telefoonnummer in. Bijvoorbeeld: 06 12 34 56 78.');
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Meneer Zonder Nummer');
});

test('a resident cannot open the coordination pages', async ({ page }, testInfo) => {
	await signIn(page, newEmail(testInfo, 'eva'), { name: 'Eva', area: 'Centrum (wijk)' });
	await expect(page.getByRole('link', { name: 'Coördinatie' })).toHaveCount(0);
	const response = await page.goto('/coordinatie');
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Deze pagina is alleen voor mensen die de hulp in de wijk regelen.')).toBeVisible();
});

test("a coordinator of another organisation does not see Sanne's residents", async ({ page }) => {
	await signIn(page, 'kees@voorbeeld.nl');
	const response = await page.goto('/coordinatie/bewoners/00000000-0000-4000-8000-000000000308');
	expect(response?.status()).toBe(404);
});

test('a coordinator fills in the VOG date of a volunteer in her area', async ({ page }) => {
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.getByRole('link', { name: 'Coördinatie' }).click();
	await page.getByRole('link', { name: 'Vrijwilligers', exact: true }).click();
	await page.getByLabel('VOG van Pieter Hendriks').fill('2026-03-01');
	await page.getByRole('row', { name: /Pieter/ }).getByRole('button', { name: 'VOG opslaan' }).click();
	await expect(page.getByText('We hebben de datum van de VOG opgeslagen.')).toBeVisible();
	await expect(page.getByLabel('VOG van Pieter Hendriks')).toHaveValue('2026-03-01');
});
