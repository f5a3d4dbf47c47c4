import { test, expect, signIn, newEmail } from './fixtures';

// Forms are plain HTML forms first: posted without JavaScript, a bad value comes back with the
// typed values kept and the error beside its field. (The with-js project checks the same forms
// through superforms' enhance in sign-in.spec.ts and coordinator.spec.ts.)

test('"Mijn gegevens" posted without JavaScript keeps what was typed and shows each error at its field', async ({ page }, testInfo) => {
	await signIn(page, newEmail(testInfo, 'zonderjs'), { name: 'Gerrit', area: 'Oost (wijk)' });
	await page.goto('/account');
	await page.getByLabel('Uw naam').fill('');
	await page.getByLabel('Telefoonnummer (mag leeg blijven)').fill('bel me maar');
	await page.getByRole('radio', { name: 'English' }).check();
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Gegevens opslaan' }).click()
	]);
	expect(response.status()).toBe(400);

	const phone = page.getByLabel('Telefoonnummer (mag leeg blijven)');
	await expect(phone).toHaveValue('bel me maar');
	await expect(phone).toHaveAttribute('aria-invalid', 'true');
	await expect(phone).toHaveAttribute('aria-describedby', /\bphone-error\b/);
	// Next to the field: in the same form field as the input, right above it.
	const phoneField = page.locator('.utrecht-form-field', { has: page.locator('#phone') });
	await expect(phoneField.locator('#phone-error')).toHaveText(
		'Dit telefoonnummer klopt niet. Gebruik alleen cijfers. Bijvoorbeeld: 06 12 34 56 78.'
	);
	const nameField = page.locator('.utrecht-form-field', { has: page.locator('#display_name') });
	await expect(nameField.locator('#display_name-error')).toHaveText('Vul een naam in.');
	await expect(page.getByLabel('Uw naam')).toHaveValue('');
	await expect(page.getByLabel('Uw wijk of dorp')).toHaveValue('00000000-0000-4000-8000-000000000103'); // Oost
	await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
	await expect(page.getByRole('status')).toHaveCount(0); // nothing was saved
});

test('several forms on one page: without JavaScript a wrong VOG date is refused in its own row only', async ({ page }) => {
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie/vrijwilligers');
	expect(await page.getByRole('button', { name: 'VOG opslaan' }).count()).toBeGreaterThan(1);
	const pieter = page.getByRole('row', { name: /Pieter/ });
	await pieter.getByLabel('VOG van Pieter Hendriks').fill('2099-01-01');
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		pieter.getByRole('button', { name: 'VOG opslaan' }).click()
	]);
	expect(response.status()).toBe(400);
	await expect(pieter.getByLabel('VOG van Pieter Hendriks')).toHaveValue('2099-01-01');
	await expect(pieter.getByLabel('VOG van Pieter Hendriks')).toHaveAttribute('aria-invalid', 'true');
	await expect(pieter.locator('.utrecht-form-field-error-message')).toHaveCount(1);
	await expect(page.locator('.utrecht-form-field-error-message')).toHaveCount(1);
});
