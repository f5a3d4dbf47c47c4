import { test, expect, signIn, expectNoAxeViolations } from './fixtures';

test('people registered by phone show on the workspace of their area with what was done for them; not for another organisation', async ({ page }, testInfo) => {
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie');
	const section = page.locator('section[aria-labelledby="residents-title"]');
	const row = section.getByTestId('phone-resident').filter({ hasText: 'Willems' });
	await expect(row).toContainText('Centrum');
	await expect(row).toContainText('Ingeschreven na een telefoontje');
	await expect(section.getByRole('columnheader', { name: 'Gedaan namens deze bewoner' })).toBeVisible();
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
	await row.getByRole('link').click();
	await expect(page).toHaveURL(/\/coordinatie\/bewoners\/00000000-0000-4000-8000-000000000308/);

	await page.context().clearCookies();
	await signIn(page, 'kees@voorbeeld.nl');
	await page.goto('/coordinatie');
	await expect(page.getByTestId('phone-resident').filter({ hasText: 'Willems' })).toHaveCount(0);
});
