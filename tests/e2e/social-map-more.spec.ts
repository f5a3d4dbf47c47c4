import { test, expect, signIn, sql, expectNoAxeViolations } from './fixtures';

test('a resident finds what is nearest first, measured from the area she chose', async ({ page }, testInfo) => {
	await page.goto('/kaart');
	await page.getByLabel('In de buurt van').selectOption({ label: 'Oost (wijk)' });
	await page.getByLabel('Dichtbij eerst').check();
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/near=on/);
	const distances = await page.getByTestId('distance').allInnerTexts();
	expect(distances.length).toBeGreaterThan(3);
	const km = distances.map((d) => Number(d.replace(' km', '').replace(',', '.')));
	expect(km).toEqual([...km].sort((a, b) => a - b));
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
});

test('an editor imports an HSDS file: a wrong file saves nothing and says why, a right one is saved', async ({ page }, testInfo) => {
	const withJs = testInfo.project.name === 'with-js';
	const own = new Set((await sql<{ id: string }>(`select id from map_services where editor_organisation_id = '00000000-0000-4000-8000-000000000201'`)).map((r) => r.id));
	const all = await (await page.request.get('/kaart/hsds.json')).json();
	const services = all.contents.filter((s: { id: string }) => own.has(s.id));
	const renamed = `${services[0].name.replace(/ \(.*\)$/, '')} (${testInfo.project.name})`;

	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie/kaart');
	await page.getByRole('link', { name: 'Bestand inlezen (HSDS)' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hulp op de kaart zetten uit een bestand');
	if (withJs) await expectNoAxeViolations(page);

	const file = (body: unknown) => ({ name: 'kaart.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) });
	await page.getByLabel('Bestand (JSON)').setInputFiles(file({ contents: [{ ...services[0], name: renamed, kleur: 'rood' }] }));
	await page.getByRole('button', { name: 'Bestand nakijken en opslaan' }).click();
	await expect(page.getByRole('alert')).toContainText('We hebben niets opgeslagen.');
	await expect(page.getByRole('alert')).toContainText('kleur');
	if (withJs) await expectNoAxeViolations(page);
	expect((await sql<{ name: string }>('select name from map_services where id = $1', [services[0].id]))[0].name).not.toBe(renamed);

	await page.getByLabel('Bestand (JSON)').setInputFiles(file({ contents: [{ ...services[0], name: renamed }, ...services.slice(1)] }));
	await page.getByRole('button', { name: 'Bestand nakijken en opslaan' }).click();
	await expect(page.getByText(`Klaar. We hebben ${services.length} plekken opgeslagen.`)).toBeVisible();
	expect((await sql<{ name: string }>('select name from map_services where id = $1', [services[0].id]))[0].name).toBe(renamed);
});
