// Carers every year again, with and without JavaScript: the officer adds activities for Dag van
// de Mantelzorg; a carer who applied last year is invited when the window opens (the job's
// database step, carer_claim_yearly(), runs here as the job would run it), sees "Welkom terug"
// on the start page, signs up for an activity, is refused a full one with a clear message, and
// cancels. The officer sees who signed up. axe on the new and changed pages.
import { test, expect, signIn, newEmail, expectNoAxeViolations, sql } from './fixtures';
import type { Page } from '@playwright/test';

/** Tomorrow in Dutch time as a datetime-local value, at 14:00. */
function tomorrowAt14(): string {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + 86_400_000));
	return `${day}T14:00`;
}

async function addActivity(officer: Page, title: string, places: number) {
	await officer.getByLabel('Naam van de activiteit').fill(title);
	await officer.getByLabel('Waar is het?').fill('Buurthuis De Linde');
	await officer.getByLabel('Dag en tijd').fill(tomorrowAt14());
	await officer.getByLabel('Korte uitleg (één regel)').fill('Samen koffie drinken en even niets hoeven.');
	await officer.getByLabel('Aantal plekken').fill(String(places));
	await officer.getByRole('button', { name: 'Activiteit toevoegen' }).click();
	await expect(officer.getByText('De activiteit staat erbij.')).toBeVisible();
	await expect(officer.getByRole('heading', { name: title })).toBeVisible();
}

const activity = (page: Page, title: string) => page.locator('li.activity', { has: page.getByRole('heading', { name: title }) });

test('a carer from last year is invited back and signs up for an activity of Dag van de Mantelzorg', async ({ page, browser }, testInfo) => {
	test.setTimeout(180_000);
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	const axe = async (p: Page) => {
		if (withJs) await expectNoAxeViolations(p);
	};
	const stamp = `${testInfo.project.name} ${Date.now()}`;
	const open = `Koffie ${stamp}`;
	const full = `Wandeling ${stamp}`;

	// The officer adds two activities: one with room, one with a single place.
	const officerContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const officer = await officerContext.newPage();
	await signIn(officer, 'ahmed@voorbeeld.nl');
	await officer.goto('/gemeente/mantelzorg');
	await officer.getByRole('link', { name: 'Activiteiten op Dag van de Mantelzorg' }).click();
	await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Activiteiten op Dag van de Mantelzorg');
	await axe(officer);
	await officer.getByRole('button', { name: 'Activiteit toevoegen' }).click();
	await expect(officer.getByText('Vul een naam in. Gebruik 2 tot 80 tekens.')).toBeVisible();
	await axe(officer);
	await addActivity(officer, open, 5);
	await addActivity(officer, full, 1);
	// Someone else already took the single place of the walk.
	await sql(
		`insert into carer_activity_signups (activity_id, carer_id)
		 select a.id, '00000000-0000-4000-8000-000000000304' from carer_activities a where a.title = $1`,
		[full]
	);

	// Carla applied last year; this year's window is open, so the job invites her once.
	const name = `Carla ${stamp}`;
	const email = newEmail(testInfo, 'carla');
	await signIn(page, email, { name, area: 'Noord (wijk)' });
	const [carla] = await sql<{ id: string }>('select id from profiles where email = $1', [email]);
	await sql(
		`begin;
		 set local session_replication_role = replica;
		 insert into carer_applications (municipality_id, year, carer_id, applied_by, relationship, cared_for_name, cared_for_postcode,
		   cared_for_house_number, caring_since, hours, cared_for_lives_here, payout, status)
		 values ('00000000-0000-4000-8000-000000000001', extract(year from now())::int - 1, '${carla.id}', '${carla.id}', 'parent',
		   'Moeder', '6211AB', '3', '2020-01-01', 'over_16', true, 'voucher', 'approved');
		 commit;`
	);
	await sql('select * from carer_claim_yearly()');
	const invitations = await sql<{ kind: string }>('select kind from carer_invitations where carer_id = $1', [carla.id]);
	expect(invitations.map((i) => i.kind)).toContain('invite');

	await page.goto('/mantelzorg');
	await expect(page.getByRole('heading', { name: 'Welkom terug' })).toBeVisible();
	await expect(page.getByText('Vorig jaar vroeg u een bedankje. Zorgt u nog steeds voor iemand?')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Dag van de Mantelzorg' })).toBeVisible();
	await expect(activity(page, open).getByText('Nog 5 van de 5 plekken vrij.')).toBeVisible();
	await expect(activity(page, full).getByText('Vol. Er zijn geen plekken meer.')).toBeVisible();
	await axe(page);

	// Sign up for the coffee.
	await activity(page, open).getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(activity(page, open).getByText('U bent opgegeven. Tot dan!')).toBeVisible();
	await expect(activity(page, open).getByText('U doet mee.')).toBeVisible();
	await axe(page);

	// The walk is full: refused, with a clear message at the walk.
	await activity(page, full).getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(activity(page, full).getByRole('alert')).toHaveText('Dit is vol. Er is geen plek meer. Kies iets anders.');
	await axe(page);

	// The officer sees the count and Carla's name.
	await officer.goto('/gemeente/mantelzorg/activiteiten');
	await expect(activity(officer, open).getByText('Opgegeven: 1 van 5')).toBeVisible();
	await expect(activity(officer, open).getByText(name)).toBeVisible();
	await axe(officer);

	// Carla cancels: her place is free again.
	await page.goto('/mantelzorg');
	await activity(page, open).getByRole('button', { name: 'Ik doe toch niet mee' }).click();
	await expect(activity(page, open).getByText('U bent afgemeld. Uw plek is weer vrij.')).toBeVisible();
	await expect(activity(page, open).getByRole('button', { name: 'Ik doe mee' })).toBeVisible();
	const rows = await sql('select 1 from carer_activity_signups s join carer_activities a on a.id = s.activity_id where a.title = $1', [open]);
	expect(rows).toHaveLength(0);

	// Tidy up for other tests that read /mantelzorg: the officer removes both.
	for (const title of [open, full]) {
		await officer.goto('/gemeente/mantelzorg/activiteiten');
		await activity(officer, title).getByRole('button', { name: 'Activiteit weghalen' }).click();
		await expect(officer.getByText('De activiteit is weg.')).toBeVisible();
	}
	await officerContext.close();
});

test('the officer sees the figures per year and area, and downloads them', async ({ page }, testInfo) => {
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente/mantelzorg');
	await page.getByRole('link', { name: 'Cijfers per jaar en wijk' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cijfers over mantelzorgers');
	await expect(page.getByRole('img', { name: /Staafjes: hoeveel mensen het bedankje vroegen/ })).toBeVisible();
	await expect(page.locator('#carer-monitor th[scope="col"]').first()).toHaveText('Wijk');
	await expect(page.locator('#carer-monitor')).toContainText('Hele gemeente');
	await expect(page.getByText('Soms laten we nog een getal weg.', { exact: false })).toBeVisible();
	if (withJs) await expectNoAxeViolations(page);
	const year = await page.getByLabel('Jaar').inputValue();
	const csv = await page.request.get(`/gemeente/mantelzorg/cijfers/csv?jaar=${year}`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
		'Wijk;Aanvragen;Bevestigd;Goedgekeurd;Betaald of gebruikt;Voelt zich gewaardeerd (procent);Hoe gaat het: ingevuld;Zwaar;Bel mij terug'
	);
});

test('the officer removes a shop; its staff can no longer use codes and is told so', async ({ page, browser }, testInfo) => {
	test.setTimeout(180_000);
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	const shopEmail = newEmail(testInfo, 'bakker');
	const shopName = `Bakker ${testInfo.project.name} ${Date.now()}`;
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente/mantelzorg');
	await page.getByLabel('Naam van de winkel').fill(shopName);
	await page.getByLabel('E-mailadres om mee in te loggen').fill(shopEmail);
	await page.getByRole('checkbox', { name: 'Neemt cadeaubonnen aan' }).check();
	await page.getByRole('button', { name: 'Winkel opslaan' }).click();
	await expect(page.getByText('De winkel is opgeslagen.')).toBeVisible();

	const shopContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const shop = await shopContext.newPage();
	await signIn(shop, shopEmail);
	await shop.goto('/partner');
	await expect(shop.getByLabel('Code van de klant')).toBeVisible();

	await page.goto('/gemeente/mantelzorg');
	await page.getByRole('link', { name: `Weghalen` }).and(page.getByRole('link', { name: shopName })).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${shopName} weghalen`);
	if (withJs) await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Winkel weghalen' }).click();
	await expect(page.getByText('De winkel is weg. De winkel kan geen codes meer gebruiken.')).toBeVisible();
	await expect(page.locator('.partners')).not.toContainText(shopName);

	await shop.goto('/partner');
	await expect(shop.getByRole('heading', { name: 'Uw winkel doet niet meer mee' })).toBeVisible();
	await expect(shop.getByText('Codes van mantelzorgers werken hier niet meer.')).toBeVisible();
	await expect(shop.getByLabel('Code van de klant')).toHaveCount(0);
	if (withJs) await expectNoAxeViolations(shop);
	await shopContext.close();
});
