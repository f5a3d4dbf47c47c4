// A help need of the plan becomes a help request, with and without JavaScript: the founder of a
// sent initiative asks neighbours for help (a missing kind is refused next to the field), and
// the request is open in the marketplace, in the initiative's area, listed on the plan's page.
import { test, expect, signIn, expectNoAxeViolations, sql, speak } from './fixtures';

const STRAATFEEST = '00000000-0000-4000-8000-000000000601'; // Truus's sent street party (seed)
const made: string[] = [];

test.afterAll(async () => {
	// Other journeys count Truus's requests: this one leaves none behind.
	if (made.length) await sql(`delete from help_requests where id = any ($1)`, [made]);
});

test('a founder says a help need of the plan instead of typing it', async ({ page }, testInfo) => {
	const withJs = testInfo.project.name === 'with-js';
	await signIn(page, 'truus@voorbeeld.nl');
	await page.goto(`/initiatieven/${STRAATFEEST}/hulp`);
	await page.getByLabel('Wat voor hulp zoekt u?').selectOption({ label: 'Klussen' });
	await page.getByRole('button', { name: 'Hulp vragen' }).click();
	await expect(page.locator('#description-error')).toHaveText('Schrijf op wat er nodig is, of spreek het in.');
	await page.getByLabel('Wat voor hulp zoekt u?').selectOption({ label: 'Klussen' });
	await speak(page, withJs);
	await page.getByRole('button', { name: 'Hulp vragen' }).click();
	await expect(page.getByText('Uw vraag staat nu bij de hulpvragen.')).toBeVisible();
	const [request] = await sql<{ id: string; voice_id: string }>(
		`select r.id, r.voice_id from help_requests r join initiative_help_requests l on l.request_id = r.id
		 where l.initiative_id = $1 and r.description = '' order by r.created_at desc limit 1`,
		[STRAATFEEST]
	);
	made.push(request.id);
	expect(request.voice_id).toBeTruthy();
	// Volunteers hear it on the request's page.
	await page.goto(`/hulp/${request.id}`);
	await expect(page.locator('main audio')).toHaveCount(1);
});

test('a founder turns a help need of the plan into a help request', async ({ page }, testInfo) => {
	const withJs = testInfo.project.name === 'with-js';
	const text = `Wie helpt ons met de tafels neerzetten? (${testInfo.project.name} ${Date.now()})`;
	await signIn(page, 'truus@voorbeeld.nl');
	await page.goto(`/initiatieven/${STRAATFEEST}`);
	await page.getByRole('link', { name: 'Hulp van buren vragen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hulp van buren vragen');
	if (withJs) await expectNoAxeViolations(page);

	await page.getByLabel('Wat is er nodig?').fill(text);
	await page.getByRole('button', { name: 'Hulp vragen' }).click();
	await expect(page.locator('#category_id-error')).toContainText('Kies wat voor hulp u zoekt.');
	if (withJs) await expectNoAxeViolations(page);
	await page.getByLabel('Wat voor hulp zoekt u?').selectOption({ label: 'Klussen' });
	// For the day of the party, not as soon as possible.
	const [{ day }] = await sql<{ day: string }>(`select (public.today_nl() + 14)::text as day`);
	await page.getByLabel('Voor welke dag? (mag leeg blijven)').fill(day);
	// Helpers come to the plan's place unless she writes another; only the chosen helper sees it.
	await expect(page.getByLabel('Waar moeten helpers komen? (mag leeg blijven)')).not.toHaveValue('');
	await page.getByLabel('Waar moeten helpers komen? (mag leeg blijven)').fill('Dorpsstraat 12, achter de school');
	await page.getByRole('button', { name: 'Hulp vragen' }).click();
	await expect(page.getByText('Uw vraag staat nu bij de hulpvragen.')).toBeVisible();

	const [request] = await sql<{ id: string; status: string; area_id: string; when_kind: string; when_date: string }>(
		`select id, status::text, area_id, when_kind::text, when_date::text from help_requests where description = $1`,
		[text]
	);
	made.push(request.id);
	expect(request).toMatchObject({ status: 'open', area_id: '00000000-0000-4000-8000-000000000102', when_kind: 'on_date', when_date: day });
	expect(await sql('select address from help_request_private where request_id = $1', [request.id])).toEqual([{ address: 'Dorpsstraat 12, achter de school' }]);
	const listed = page.getByRole('region', { name: 'Hulp die u al vroeg' });
	await listed.getByRole('link', { name: new RegExp(`Klussen: ${text.replace(/[()?]/g, '\\$&')}`) }).click();
	await expect(page.locator('main')).toContainText(text);
});
