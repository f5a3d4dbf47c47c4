// "Waar kan ik terecht?": a resident finds a service by a misspelled word and by route colour,
// sees when an entry was checked (and a warning when that was over a year ago), and tells us
// an entry is wrong, which makes one re-check task. With and without JavaScript.
import { test, expect, expectNoAxeViolations, signIn, sql } from './fixtures';

const FOOD_BANK = '00000000-0000-4000-8000-000000000951';
const SHOPPING = '00000000-0000-4000-8000-000000000964'; // checked 400 days ago
const HIDDEN = '00000000-0000-4000-8000-000000000965'; // checked 700 days ago

test('a resident finds the food bank by a misspelled word, and sees who checked it', async ({ page }, testInfo) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Waar kan ik terecht?' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waar kan ik terecht?');
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);

	await page.getByLabel('Waar zoekt u hulp bij?').fill('voedselbnak');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/\/kaart\?q=voedselbnak/);
	const results = page.getByRole('region', { name: 'Wat we vonden' });
	await expect(results.getByRole('link', { name: 'Voedselbank' })).toBeVisible();
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);

	await results.getByRole('link', { name: 'Voedselbank' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voedselbank');
	await expect(page.getByText(/Gecontroleerd op \d+ \w+ \d{4} door Vrijwilligerscentrale Heuvelrijk\./)).toBeVisible();
	await expect(page.getByText('Molenweg 40, 6222 BD Heuvelrijk')).toBeVisible();
	await expect(page.getByText('Blauw: Hulp met een verwijzing')).toBeVisible();
});

test('a resident browses by route colour and by topic, and filters', async ({ page }) => {
	await page.goto('/kaart');
	await page.getByRole('link', { name: 'Blauw: Hulp met een verwijzing' }).click();
	await expect(page).toHaveURL(/route=blue/);
	const results = page.getByRole('region', { name: 'Wat we vonden' });
	await expect(results.getByRole('link', { name: 'Hulp bij het huishouden' })).toBeVisible();
	await expect(results.getByRole('link', { name: 'Klussendienst' })).toHaveCount(0);
	await expect(results.locator('.route-badge')).not.toHaveCount(0);
	for (const badge of await results.locator('.route-badge').allInnerTexts()) expect(badge).toContain('Blauw');

	await page.goto('/kaart');
	await page.getByRole('link', { name: 'Zorgen voor een ander' }).click();
	await expect(results.getByRole('link', { name: 'Mantelzorgcafé' })).toBeVisible();

	// Filters keep their values after the search.
	await page.goto('/kaart');
	await page.getByLabel('Waar zoekt u hulp bij?').fill('koffie');
	await page.getByLabel('Goed te doen met een rolstoel').check();
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(results.getByRole('link', { name: 'Koffieochtend De Beek' })).toBeVisible();
	await expect(page.getByLabel('Goed te doen met een rolstoel')).toBeChecked();
	await expect(page.getByLabel('Waar zoekt u hulp bij?')).toHaveValue('koffie');
});

test('an entry not checked for a year is flagged; after longer it is gone', async ({ page }, testInfo) => {
	await page.goto(`/kaart/${SHOPPING}`);
	await expect(page.getByText('Let op: niemand heeft dit in het afgelopen jaar gecontroleerd. Bel eerst even.')).toBeVisible();
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
	const hidden = await page.goto(`/kaart/${HIDDEN}`);
	expect(hidden?.status()).toBe(404);
});

test('"Klopt dit niet meer?" makes one re-check task, however often it is pressed', async ({ page }, testInfo) => {
	await sql('delete from map_recheck_tasks where service_id = $1', [FOOD_BANK]);
	for (const note of [`De tijden kloppen niet (${testInfo.project.name}).`, '']) {
		await page.goto(`/kaart/${FOOD_BANK}`);
		await page.getByLabel('Wat klopt er niet?').fill(note);
		await page.getByRole('button', { name: 'Laten controleren' }).click();
		await expect(page.getByText('Dank u. We vragen de organisatie om dit te controleren.')).toBeVisible();
	}
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
	const tasks = await sql<{ reports: number; note: string }>('select reports, note from map_recheck_tasks where service_id = $1 and done_at is null', [FOOD_BANK]);
	expect(tasks).toEqual([{ reports: 2, note: `De tijden kloppen niet (${testInfo.project.name}).` }]);

	// Too long a note: the message next to the field, nothing saved.
	await page.goto(`/kaart/${FOOD_BANK}`);
	await page.getByLabel('Wat klopt er niet?').evaluate((el) => el.removeAttribute('maxlength'));
	await page.getByLabel('Wat klopt er niet?').fill('x'.repeat(301));
	await page.getByRole('button', { name: 'Laten controleren' }).click();
	await expect(page.getByText('Uw tekst is te lang. Schrijf ten hoogste 300 tekens.')).toBeVisible();
	expect((await sql<{ reports: number }>('select reports from map_recheck_tasks where service_id = $1 and done_at is null', [FOOD_BANK]))[0].reports).toBe(2);
	await sql('delete from map_recheck_tasks where service_id = $1', [FOOD_BANK]);
});

test('the whole kaart is HSDS JSON at a stable address', async ({ request }) => {
	const res = await request.get('/kaart/hsds.json');
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('application/json');
	const body = await res.json();
	expect(body.contents.map((s: { id: string }) => s.id)).toContain(FOOD_BANK);
	expect(body.contents.map((s: { id: string }) => s.id)).not.toContain(HIDDEN);
});

test('the editor sees the task and the flagged entry, and confirms it is still right', async ({ page }, testInfo) => {
	await sql('delete from map_recheck_tasks where service_id = $1', [SHOPPING]);
	await page.goto(`/kaart/${SHOPPING}`);
	await page.getByLabel('Wat klopt er niet?').fill(`Ze bezorgen niet meer op maandag (${testInfo.project.name}).`);
	await page.getByRole('button', { name: 'Laten controleren' }).click();
	await expect(page.getByText('Dank u. We vragen de organisatie om dit te controleren.')).toBeVisible();

	await signIn(page, 'kees@voorbeeld.nl');
	await page.goto('/coordinatie');
	await page.getByRole('link', { name: 'Sociale kaart bijhouden' }).click();
	const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Boodschappenservice' }) });
	await expect(item.getByText('Iemand zegt dat dit niet meer klopt.')).toBeVisible();
	await expect(item.getByText(`Ze bezorgen niet meer op maandag (${testInfo.project.name}).`)).toBeVisible();
	await expect(item.getByText('Langer dan een jaar niet gecontroleerd.')).toBeVisible();
	// Another organisation's entries are not on Kees's list.
	await expect(page.getByRole('heading', { name: 'Voedselbank' })).toHaveCount(0);
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);

	await item.getByRole('button', { name: 'Dit klopt nog: Boodschappenservice' }).click();
	await expect(page.getByText('Dank u. De hulp staat weer als gecontroleerd op de kaart.')).toBeVisible();
	await page.goto(`/kaart/${SHOPPING}`);
	await expect(page.getByText('Let op: niemand heeft dit in het afgelopen jaar gecontroleerd.', { exact: false })).toHaveCount(0);
	expect(await sql('select 1 from map_recheck_tasks where service_id = $1 and done_at is null', [SHOPPING])).toEqual([]);
	const [log] = await sql<{ field: string; changed_by: string }>(
		`select field, changed_by from map_changes where service_id = $1 order by id desc limit 1`, [SHOPPING]
	);
	expect(log).toEqual({ field: 'assured_date', changed_by: '00000000-0000-4000-8000-000000000302' });
	// Back to the demo state: not checked for 400 days.
	await sql(`update map_services set assured_date = current_date - 400 where id = $1`, [SHOPPING]);
});
