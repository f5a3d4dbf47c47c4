import { randomUUID } from 'node:crypto';
import { test, expect, signIn, sql, expectNoAxeViolations } from './fixtures';

test('a carer’s call-back shows on the workspace of her area: picked up, done with a note; another organisation never sees it', async ({ page }, testInfo) => {
	test.setTimeout(120_000);
	const withJs = testInfo.project.name === 'with-js';
	const name = `Mantelzorger ${testInfo.project.name} ${randomUUID().slice(0, 6)}`;
	const carer = randomUUID();
	await sql(
		`insert into profiles (id, display_name, area_id, onboarded_at, phone) values ($1, $2, '00000000-0000-4000-8000-000000000102', now(), '06 1234 5678')`,
		[carer, name]
	);
	const [check] = await sql<{ id: string }>('insert into carer_checks (carer_id, answers) values ($1, $2) returning id', [carer, [4, 4, 4, 5, 3]]);
	await sql(
		`insert into carer_call_backs (check_id, carer_id, municipality_id)
		 select $1, $2, a.municipality_id from areas a where a.id = '00000000-0000-4000-8000-000000000102'`,
		[check.id, carer]
	);

	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie');
	const section = page.locator('section[aria-labelledby="call-backs-title"]');
	const card = section.getByTestId('call-back').filter({ hasText: name });
	await expect(card).toContainText('Nog niet opgepakt');
	await expect(card.getByRole('link', { name: '06 1234 5678' })).toHaveAttribute('href', 'tel:0612345678');
	if (withJs) await expectNoAxeViolations(page);

	await card.getByRole('button', { name: `Ik pak het terugbellen van ${name} op` }).click();
	await expect(section.getByText('U heeft dit opgepakt.')).toBeVisible();
	await expect(card).toContainText('Opgepakt door Sanne de Vries op');

	// done without a note: the message stands next to the note of this call-back
	await card.getByRole('button', { name: `Terugbellen van ${name} is klaar` }).click();
	await expect(card.getByText('Schrijf kort op wat u afsprak.').first()).toBeVisible();
	await card.getByLabel('Wat heeft u afgesproken?').fill('Gebeld. Komt naar het mantelzorgcafé.');
	await card.getByRole('button', { name: `Terugbellen van ${name} is klaar` }).click();
	await expect(section.getByText('Opgeslagen. Dit terugbellen is klaar.')).toBeVisible();
	await expect(card).toContainText('Klaar: Sanne de Vries op');
	await expect(card).toContainText('Gebeld. Komt naar het mantelzorgcafé.');
	await expect(card.getByRole('button')).toHaveCount(0);

	await page.context().clearCookies();
	await signIn(page, 'kees@voorbeeld.nl');
	await page.goto('/coordinatie');
	await expect(page.locator('section[aria-labelledby="call-backs-title"]')).toBeVisible();
	await expect(page.getByTestId('call-back').filter({ hasText: name })).toHaveCount(0);
});
