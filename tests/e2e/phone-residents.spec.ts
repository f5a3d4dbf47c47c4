import { test, expect, signIn, expectNoAxeViolations } from './fixtures';

test('people registered by phone show on the workspace of their area with what was done for them; not for another organisation', async ({ page }, testInfo) => {
	// A resident Sanne registers now, so the newest things done on their behalf are known (other
	// journeys keep acting for the demo's phone residents).
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie/bewoners/nieuw');
	const name = `Mevrouw Telefoon ${testInfo.project.name}`;
	await page.getByLabel('Naam', { exact: true }).fill(name);
	await page.getByLabel('Telefoonnummer').fill('043 999 11 22');
	await page.getByLabel('Wijk of dorp').selectOption({ label: 'Centrum (wijk)' });
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(page.getByRole('link', { name: 'Hulp vragen voor deze persoon' })).toBeVisible();
	const residentPath = new URL(page.url()).pathname;

	await page.goto('/coordinatie');
	const section = page.locator('section[aria-labelledby="residents-title"]');
	const row = section.getByTestId('phone-resident').filter({ hasText: name });
	await expect(row).toContainText('Centrum');
	await expect(row).toContainText('Ingeschreven na een telefoontje');
	await expect(section.getByRole('columnheader', { name: 'Gedaan namens deze bewoner' })).toBeVisible();
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
	await row.getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`${residentPath}$`));

	await page.context().clearCookies();
	await signIn(page, 'kees@voorbeeld.nl');
	await page.goto('/coordinatie');
	await expect(page.getByTestId('phone-resident').filter({ hasText: name })).toHaveCount(0);
});
