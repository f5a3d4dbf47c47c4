import { test, expect, signIn, newEmail, sql, expectNoAxeViolations } from './fixtures';
import { VOICE_WAV } from '../../playwright.config';

test('a resident tells a worry by voice; the contact person picks it up; the resident sees only "Opgepakt"', async ({ page, browser, baseURL }, testInfo) => {
	test.setTimeout(120_000);
	const withJs = testInfo.project.name === 'with-js';
	const axe = async (p: typeof page) => {
		if (withJs) await expectNoAxeViolations(p); // axe runs as a script in the page
	};
	const name = `Zorg${withJs ? 'Js' : 'Html'}${Date.now() % 100000}`;
	await signIn(page, newEmail(testInfo, 'zorg'), { name, area: 'Noord (wijk)' });
	await page.goto('/zorgen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ik maak me zorgen');
	await axe(page);

	// Neither text nor voice: the message is next to the field, nothing is sent.
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.locator('#body-error')).toHaveText('Schrijf op wat u zorgen geeft, of spreek het in.');
	await axe(page);

	await page.getByLabel('In welke wijk of welk dorp is het?').selectOption({ label: 'Noord (wijk)' });
	if (withJs) {
		await page.getByRole('button', { name: 'Inspreken' }).click();
		await page.waitForTimeout(2500);
		await page.getByRole('button', { name: 'Stoppen' }).click();
		await expect(page.getByText('Uw bericht is opgenomen.')).toBeVisible();
	} else {
		await page.getByLabel('Of kies een spraakbericht (mag leeg blijven)').setInputFiles(VOICE_WAV);
	}
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByText('Dank u wel. De contactpersoon van de wijk heeft uw bericht.')).toBeVisible();
	await expect(page.getByTestId('signal-status')).toHaveText('Nog niet opgepakt');
	await axe(page);
	const signalPath = new URL(page.url()).pathname;
	const [row] = await sql<{ voice_id: string; body: string | null }>('select voice_id, body from worry_signals where id = $1', [signalPath.split('/').pop()]);
	expect(row.body).toBeNull();
	expect((await page.request.get(`/stem/${row.voice_id}`)).status()).toBe(200);

	// The contact person of Noord sees it on her list, hears it and writes down what she did.
	const resident = page.context();
	const contact = await browser.newContext({ baseURL, javaScriptEnabled: withJs });
	const sanne = await contact.newPage();
	await signIn(sanne, 'sanne@voorbeeld.nl');
	await sanne.goto('/zorgen/opvolgen');
	await axe(sanne);
	const item = sanne.getByTestId('signal').filter({ hasText: `Van ${name}` });
	await expect(item).toContainText('Oppakken voor');
	await item.getByRole('link', { name: /Bekijken/ }).click();
	await expect(sanne.locator(`audio[src^="/stem/${row.voice_id}"]`)).toBeAttached();
	await axe(sanne);
	await sanne.getByRole('button', { name: 'Opgepakt, opslaan' }).click();
	await expect(sanne.locator('#note-error')).toHaveText('Schrijf op wat u hebt gedaan.');
	await sanne.getByLabel('Wat hebt u gedaan?').fill('Ik ben bij de buurvrouw langs geweest.');
	await sanne.getByRole('button', { name: 'Opgepakt, opslaan' }).click();
	await expect(sanne.getByText('We hebben het opgeslagen. De bewoner ziet nu dat het is opgepakt.')).toBeVisible();
	await expect(sanne.getByText(/Opgepakt door Sanne/)).toBeVisible();
	await expect(sanne.getByText('Ik ben bij de buurvrouw langs geweest.')).toBeVisible();
	await contact.close();

	// The resident sees "Opgepakt", never what was done; she was told by a notification.
	const again = await resident.newPage();
	await again.goto(signalPath);
	await expect(again.getByTestId('signal-status')).toHaveText('Opgepakt');
	await expect(again.getByText('langs geweest')).toHaveCount(0);
	await again.goto('/meldingen');
	await expect(again.getByRole('listitem').filter({ hasText: 'Uw zorg is opgepakt' })).toBeVisible();
	await again.goto('/zorgen');
	await expect(again.getByRole('listitem').filter({ hasText: 'Ingesproken bericht' }).first()).toContainText('Opgepakt');
});

test('nobody but the sender and the contact persons of the area opens a signal', async ({ page }, testInfo) => {
	const [{ id }] = await sql<{ id: string }>(
		`insert into worry_signals (sender_id, area_id, body) values ('00000000-0000-4000-8000-000000000304', '00000000-0000-4000-8000-000000000102', 'Ik maak me zorgen om de man op de hoek.') returning id`
	);
	await signIn(page, 'kees@voorbeeld.nl'); // contact person of other areas
	expect((await page.goto(`/zorgen/${id}`))?.status()).toBe(404);
	await page.context().clearCookies();
	await signIn(page, newEmail(testInfo, 'buur'), { name: 'Buur', area: 'Noord (wijk)' });
	expect((await page.goto(`/zorgen/${id}`))?.status()).toBe(404);
	expect((await page.goto('/zorgen/opvolgen'))?.status()).toBe(403);
	await expect(page.getByText('Deze pagina is alleen voor de contactpersoon van de wijk.')).toBeVisible();
});
