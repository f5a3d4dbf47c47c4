// The home page is a front door per person: what they see depends on who they are.
import { randomUUID } from 'node:crypto';
import { test, expect, signIn, sql, expectNoAxeViolations } from './fixtures';

const TRUUS = '00000000-0000-4000-8000-000000000304';
const JAN = '00000000-0000-4000-8000-000000000305';
const AHMED = '00000000-0000-4000-8000-000000000303';
const CENTRUM = '00000000-0000-4000-8000-000000000101';
const NOORD = '00000000-0000-4000-8000-000000000102';

/** A request straight into the database, opened some days ago (the site cannot backdate one). */
async function insertRequest(input: { requester: string; area: string; category: string; description: string; daysAgo: number }) {
	const [row] = await sql<{ id: string }>(
		`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, opened_at, created_at, status_changed_at)
		 values ($1, $2, $2, $3, $4, $5, 'asap', now() - make_interval(days => $6), now() - make_interval(days => $6), now() - make_interval(days => $6))
		 returning id`,
		[randomUUID(), input.requester, input.category, input.description, input.area, input.daysAgo]
	);
	return row.id;
}

test('anonymous: what Omzien is in three steps, a big sign-in button, and whom to phone without a computer', async ({ page }, testInfo) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Omzien');
	const steps = page.getByRole('list').filter({ hasText: 'U vraagt hulp.' });
	await expect(steps.getByRole('listitem')).toHaveText([
		'U vraagt hulp. Of u biedt zelf hulp aan.',
		'Iemand uit uw buurt reageert. Dat is een buur of een vrijwilliger.',
		'U spreekt samen af. Zo wordt u geholpen.'
	]);
	await expect(page.getByRole('main').getByRole('link', { name: 'Inloggen' })).toHaveAttribute('href', '/inloggen');

	await expect(page.getByRole('heading', { name: 'Hulp zonder computer' })).toBeVisible();
	const centre = page.getByRole('listitem').filter({ hasText: 'Vrijwilligerscentrale Heuvelrijk' });
	await expect(centre.getByRole('link', { name: 'Bel 043 123 40 00' })).toHaveAttribute('href', 'tel:0431234000');
	await expect(centre.getByRole('listitem')).toHaveText(['maandag tot en met vrijdag: van 9.00 tot 12.00 uur', 'donderdag: van 13.30 tot 16.00 uur']);
	const welfare = page.getByRole('listitem').filter({ hasText: 'Welzijn Beekdal' });
	await expect(welfare.getByRole('link', { name: 'Bel 043 765 00 11' })).toHaveAttribute('href', 'tel:0437650011');
	await expect(welfare.getByRole('listitem')).toHaveText(['dinsdag en donderdag: van 10.00 tot 12.00 uur']);
	// The municipal team's number is not a help line.
	await expect(page.getByText('14 043')).toHaveCount(0);
	// Only one municipality in the demo data: no heading per municipality.
	await expect(page.getByRole('heading', { name: 'Gemeente Heuvelrijk' })).toHaveCount(0);
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);

	// In English the weekdays come from Intl in the reader's language.
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Omzien');
	await expect(page.getByRole('listitem').filter({ hasText: 'Vrijwilligerscentrale Heuvelrijk' }).getByRole('listitem').first()).toHaveText(
		'Monday to Friday: 9:00 to 12:00'
	);
	await page.context().clearCookies();
});

test('resident: two big buttons, her own request with its status, and her notifications', async ({ page }, testInfo) => {
	await signIn(page, 'truus@voorbeeld.nl');
	await expect(page.getByRole('link', { name: 'Hulp vragen' })).toHaveAttribute('href', '/hulp/vragen');
	await expect(page.getByRole('link', { name: 'Hulp bieden' })).toHaveAttribute('href', '/hulp/bieden');
	for (const name of ['Hulp vragen', 'Hulp bieden']) {
		const box = await page.getByRole('link', { name }).boundingBox();
		expect(box!.height, name).toBeGreaterThanOrEqual(44);
		expect(box!.width, name).toBeGreaterThanOrEqual(44);
	}

	const mine = page.getByRole('region', { name: 'Uw hulpvragen' });
	// her demo request (other journeys may have added more of hers)
	const request = mine.getByRole('listitem').filter({ has: page.locator('a[href="/hulp/00000000-0000-4000-8000-000000000401"]') });
	await expect(request.getByRole('link', { name: 'Boodschappen' })).toBeVisible();
	await expect(request).toContainText('We zoeken een helper.');

	const [{ unread }] = await sql<{ unread: number }>('select count(*)::int as unread from notifications where profile_id = $1 and read_at is null', [TRUUS]);
	const notifications = page.getByRole('region', { name: 'Nieuwe meldingen' });
	await expect(notifications).toContainText(unread === 0 ? 'U hebt geen nieuwe meldingen.' : `Nieuwe meldingen: ${unread}`);
	await expect(notifications.getByRole('link', { name: 'Alle meldingen bekijken' })).toHaveAttribute('href', '/meldingen');

	// Not a volunteer, coordinator or officer.
	for (const name of ['Hulpvragen bij u in de buurt', 'Uw werk als coördinator', 'Voor de gemeente', 'Hulp zonder computer']) {
		await expect(page.getByRole('heading', { name })).toHaveCount(0);
	}
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
});

test('volunteer: also the open requests near her that fit what she does', async ({ page }, testInfo) => {
	const description = `Wie haalt mijn boodschappen op zaterdag? (${testInfo.project.name})`;
	const id = await insertRequest({ requester: JAN, area: NOORD, category: 'groceries', description, daysAgo: 1 });
	await signIn(page, 'fatima@voorbeeld.nl');
	await expect(page.getByRole('link', { name: 'Hulp vragen' })).toBeVisible(); // she is a resident too
	const nearby = page.getByRole('region', { name: 'Hulpvragen bij u in de buurt' });
	const card = nearby.getByRole('listitem').filter({ hasText: description });
	await expect(card.getByRole('link', { name: 'Boodschappen: Jan' })).toHaveAttribute('href', `/hulp/${id}`);
	await expect(card).toContainText('Noord');
	expect(await nearby.getByRole('listitem').count()).toBeLessThanOrEqual(5);
	await expect(nearby.getByRole('link', { name: 'Meer hulpvragen bekijken' })).toHaveAttribute('href', '/hulp');
	await expect(page.getByRole('heading', { name: 'Uw werk als coördinator' })).toHaveCount(0);
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
});

test('coordinator: what is stuck in her areas, open reports, and people registered by phone', async ({ page }, testInfo) => {
	const description = `De dakgoot lekt al een week. (${testInfo.project.name})`;
	const id = await insertRequest({ requester: AHMED, area: CENTRUM, category: 'odd_jobs', description, daysAgo: 4 });
	const [{ reports }] = await sql<{ reports: number }>(
		`select count(*)::int as reports from reports r
		 where r.handled_at is null and r.area_id in (select area_id from organisation_areas where organisation_id = '00000000-0000-4000-8000-000000000201')`
	);
	await signIn(page, 'sanne@voorbeeld.nl');
	const coordination = page.getByRole('region', { name: 'Uw werk als coördinator' });
	await expect(coordination.getByText('Deze mensen wachten al drie dagen of langer op een helper.')).toBeVisible();
	const stuck = coordination.getByRole('listitem').filter({ has: page.locator(`a[href="/hulp/${id}"]`) });
	await expect(stuck.getByRole('link')).toHaveText('Klussen');
	await expect(stuck).toContainText('Centrum');
	await expect(stuck).toContainText('Gevraagd op');
	await expect(coordination.getByRole('link', { name: 'Alle hulpvragen in uw wijken' })).toHaveAttribute('href', '/coordinatie/hulp');

	await expect(coordination).toContainText(`Nog niet bekeken: ${reports}`);
	await expect(coordination.getByRole('link', { name: 'Meldingen bekijken' })).toHaveAttribute('href', '/coordinatie/gemeld');

	await expect(coordination.getByRole('link', { name: 'Mevrouw Willems' })).toHaveAttribute('href', '/coordinatie/bewoners/00000000-0000-4000-8000-000000000308');
	await expect(coordination.getByRole('link', { name: 'Alle mensen bekijken' })).toHaveAttribute('href', '/coordinatie');
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);

	// The welfare organisation's coordinator works in the villages: the stuck request in Centrum is not hers.
	await page.context().clearCookies();
	await signIn(page, 'kees@voorbeeld.nl');
	await expect(page.getByRole('heading', { name: 'Uw werk als coördinator' })).toBeVisible();
	await expect(page.locator(`a[href="/hulp/${id}"]`)).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Mevrouw Willems' })).toHaveCount(0);
});

test('officer: a way to the municipality page', async ({ page }, testInfo) => {
	await signIn(page, 'ahmed@voorbeeld.nl');
	const officer = page.getByRole('region', { name: 'Voor de gemeente' });
	await officer.getByRole('link', { name: 'Naar de gemeente' }).click();
	await expect(page).toHaveURL(/\/gemeente$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vragen van bewoners'); // the officers' inbox of initiatives
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Uw werk als coördinator' })).toHaveCount(0);
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
});
