import { test, expect, signIn, sql, expectNoAxeViolations } from './fixtures';

test('a resident finds what is nearest first, measured from the area she chose', async ({ page }, testInfo) => {
	await page.goto('/kaart');
	await page.getByLabel('In de buurt van').selectOption({ label: 'Oost (wijk)' });
	await page.getByLabel('Dichtbij eerst').check();
	await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(page).toHaveURL(/near=on/);
	// With JavaScript the address changes before the new list is drawn; wait for the list itself.
	await expect(page.getByTestId('distance').nth(3)).toBeVisible();
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

test('a provider proposes a new phone number; the editor approves it and the kaart shows it', async ({ page, browser, baseURL }, testInfo) => {
	test.setTimeout(120_000);
	const withJs = testInfo.project.name === 'with-js';
	const LOKET = '00000000-0000-4000-8000-000000000958';
	const phone = withJs ? '043 111 22 33' : '043 444 55 66';
	await signIn(page, 'ahmed@voorbeeld.nl'); // Gemeente Heuvelrijk runs the Sociaal Loket
	await page.goto(`/kaart/${LOKET}`);
	await page.getByRole('link', { name: 'Wijziging voorstellen' }).click();
	if (withJs) await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Voorstel versturen' }).click();
	await expect(page.locator('#name-error')).toHaveText('U hebt niets veranderd.');
	await page.getByLabel('Telefoonnummer').fill(phone);
	await page.getByRole('button', { name: 'Voorstel versturen' }).click();
	await expect(page.getByText('Dank u wel. Iemand die de kaart bijhoudt, kijkt uw voorstel na.')).toBeVisible();

	const [{ keeper }] = await sql<{ keeper: string }>(
		`select m.profile_id as keeper from map_services s join memberships m on m.organisation_id = s.editor_organisation_id and m.role = 'coordinator' where s.id = $1 limit 1`, [LOKET]
	);
	const email = keeper === '00000000-0000-4000-8000-000000000301' ? 'sanne@voorbeeld.nl' : 'kees@voorbeeld.nl';
	const context = await browser.newContext({ baseURL, javaScriptEnabled: withJs });
	const editor = await context.newPage();
	await signIn(editor, email);
	await editor.goto('/coordinatie/kaart');
	const proposal = editor.getByTestId('proposal').filter({ hasText: phone });
	await expect(proposal.getByRole('row', { name: /Telefoonnummer/ })).toContainText(phone);
	if (withJs) await expectNoAxeViolations(editor);
	await proposal.getByRole('button', { name: /Goedkeuren/ }).click();
	await expect(editor.getByText('Klaar. De kaart is aangepast.')).toBeVisible();
	await context.close();
	await page.goto(`/kaart/${LOKET}`);
	await expect(page.getByText(phone)).toBeVisible();
});

test('search by voice says plainly that it does not work without a speech-to-text server', async ({ page }, testInfo) => {
	const { VOICE_WAV } = await import('../../playwright.config');
	await page.goto('/kaart');
	const form = page.locator('form.voice-search');
	if (testInfo.project.name === 'with-js') {
		await form.getByRole('button', { name: 'Inspreken' }).click();
		await page.waitForTimeout(1500);
		await form.getByRole('button', { name: 'Stoppen' }).click();
	} else {
		await form.getByLabel('Of kies een spraakbericht (mag leeg blijven)').setInputFiles(VOICE_WAV);
	}
	await form.getByRole('button', { name: 'Gebruik mijn stem' }).click();
	await expect(page.getByText('Zoeken met uw stem lukt nu niet. Typ de woorden hierboven.').first()).toBeVisible();
});
