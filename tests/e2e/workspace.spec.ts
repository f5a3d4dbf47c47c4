import { randomUUID } from 'node:crypto';
import { test, expect, signIn, sql, expectNoAxeViolations } from './fixtures';

test('a request ages past three days, shows on the coordinator\'s list, is introduced, and both people are told', async ({ page, browser, baseURL }, testInfo) => {
	test.setTimeout(120_000);
	const withJs = testInfo.project.name === 'with-js';
	const text = `Wie haalt mijn medicijnen op? (${testInfo.project.name} ${randomUUID().slice(0, 8)})`;
	const [{ id }] = await sql<{ id: string }>(
		`insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, opened_at, created_at)
		 values ($1, '00000000-0000-4000-8000-000000000304', '00000000-0000-4000-8000-000000000304', 'groceries', $2,
		         '00000000-0000-4000-8000-000000000102', 'asap', now() - interval '4 days', now() - interval '4 days') returning id`,
		[randomUUID(), text]
	);

	await signIn(page, 'sanne@voorbeeld.nl');
	await page.getByRole('link', { name: 'Coördinatie' }).click();
	const stuck = page.locator('section[aria-labelledby="stuck-title"]');
	const card = stuck.getByTestId('workspace-request').filter({ hasText: text });
	await expect(card).toContainText('4 dagen oud');
	if (withJs) await expectNoAxeViolations(page);
	await card.getByRole('button', { name: /voorstellen voor deze vraag/ }).click();
	await expect(page.getByText('Klaar. Ze krijgen allebei een bericht.')).toBeVisible();
	await expect(stuck.getByTestId('workspace-request').filter({ hasText: text })).toHaveCount(0);
	const [row] = await sql<{ status: string; helper_id: string }>('select status, helper_id from help_requests where id = $1', [id]);
	expect(row).toEqual({ status: 'offered', helper_id: '00000000-0000-4000-8000-000000000306' });

	// Both people are told: Truus that someone wants to help, Fatima that she was introduced.
	for (const [email, kind] of [['truus@voorbeeld.nl', 'Iemand wil u helpen'], ['fatima@voorbeeld.nl', 'U kunt iemand helpen']]) {
		const context = await browser.newContext({ baseURL, javaScriptEnabled: withJs });
		const person = await context.newPage();
		await signIn(person, email);
		await person.goto('/meldingen');
		await expect(person.getByRole('listitem').filter({ hasText: kind }).first()).toBeVisible();
		await context.close();
	}
});

test('the volunteers list shows last active and when the VOG runs out', async ({ page }) => {
	await sql(`update volunteer_profiles set vog_date = current_date - interval '3 years' + interval '10 days' where profile_id = '00000000-0000-4000-8000-000000000307'`);
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie/vrijwilligers');
	await expect(page.getByRole('row', { name: /Pieter/ }).getByTestId('vog-until')).toContainText('Vraag een nieuwe VOG aan');
});

test('the monitor shows figures with a table under each chart and a CSV; residents are refused', async ({ page }, testInfo) => {
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie');
	await page.getByRole('link', { name: 'Cijfers', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cijfers');
	await expect(page.getByRole('table', { name: 'Open vragen zonder helper' })).toBeVisible();
	await expect(page.getByRole('img', { name: 'Staafjes: open vragen, naar hoe lang ze wachten.' })).toBeVisible();
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
	await page.getByLabel('Wijk of dorp').selectOption({ label: 'Oost (wijk)' });
	await page.getByRole('button', { name: 'Cijfers tonen' }).click();
	await expect(page).toHaveURL(/wijk=00000000-0000-4000-8000-000000000103/);
	const csv = await page.request.get('/coordinatie/monitor/csv?tabel=open');
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toContain('Wacht al,Vragen');
	// How the municipality answers residents' plans, per kind (the demo's street party asks a permit).
	const plans = page.getByRole('region', { name: 'Plannen van bewoners: wat de gemeente antwoordt' });
	await expect(plans.getByRole('rowheader', { name: 'Melding of vergunning' })).toBeVisible();
	const plansCsv = await page.request.get('/coordinatie/monitor/csv?tabel=initiatives');
	expect(await plansCsv.text()).toContain('Gemeente,Soort vraag,Gevraagd');
	// Carers of Oost: the checks of "Hoe gaat het met u?" show once there are 5 or more.
	const year = new Date().getFullYear();
	const carers = page.getByRole('region', { name: `Mantelzorgers in ${year}` });
	await expect(carers.getByRole('columnheader', { name: 'Hoe gaat het: ingevuld' })).toBeVisible();
	// Enough checks that no area of Sanne's has 1 to 4 (which would hide one more area) and Oost has 5 or more.
	const OOST = '00000000-0000-4000-8000-000000000103';
	const counts = await sql<{ area_id: string; n: number }>(
		`select oa.area_id, coalesce((select sum(c.checks) from carer_monitor_counts c where c.area_id = oa.area_id and c.year = $1), 0)::int as n
		 from memberships m join organisation_areas oa on oa.organisation_id = m.organisation_id
		 where m.profile_id = '00000000-0000-4000-8000-000000000301' and m.role = 'coordinator'`,
		[year]
	);
	const extra: { id: string; area: string }[] = counts.flatMap(({ area_id, n }) =>
		Array.from({ length: area_id === OOST || n > 0 ? Math.max(0, 5 - n) : 0 }, () => ({ id: randomUUID(), area: area_id }))
	);
	try {
		for (const { id, area } of extra) {
			await sql(`insert into profiles (id, display_name, area_id, onboarded_at) values ($1, 'Mantelzorger monitor', $2, now())`, [id, area]);
			await sql(`insert into carer_checks (carer_id, answers) values ($1, '{1,1,1,1,1}')`, [id]);
		}
		const [{ checks }] = await sql<{ checks: number }>(
			`select sum(checks)::int as checks from carer_monitor_counts where area_id = $1 and year = $2`,
			[OOST, year]
		);
		await page.reload();
		const oost = carers.getByRole('row', { name: /^Oost / });
		await expect(oost.getByRole('cell').nth(5)).toHaveText(String(checks));
		const carersCsv = await (await page.request.get(`/coordinatie/monitor/csv?tabel=carers&wijk=${OOST}`)).text();
		expect(carersCsv).toContain('Wijk,Aanvragen,Bevestigd,Goedgekeurd');
		expect(carersCsv).toMatch(new RegExp(`^Oost,(.*,)?${checks},`, 'm'));
	} finally {
		await sql('delete from profiles where id = any ($1::uuid[])', [extra.map((e) => e.id)]);
	}

	await page.context().clearCookies();
	await signIn(page, 'truus@voorbeeld.nl');
	expect((await page.goto('/coordinatie/monitor'))?.status()).toBe(403);
	expect((await page.request.get('/coordinatie/monitor/csv?tabel=weekly')).status()).toBe(403);
});

test('a coordinator writes to the volunteers of Noord who do groceries; Fatima reads it', async ({ page, browser, baseURL }, testInfo) => {
	const withJs = testInfo.project.name === 'with-js';
	const text = `Wie kan zaterdag boodschappen doen? (${testInfo.project.name} ${Date.now()})`;
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie');
	await page.getByRole('link', { name: 'Bericht aan vrijwilligers' }).click();
	if (withJs) await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Bericht versturen' }).click();
	await expect(page.locator('#body-error')).toBeVisible();
	await page.getByLabel('Wijk of dorp').selectOption({ label: 'Noord (wijk)' });
	await page.getByLabel('Welke soort hulp?').selectOption({ label: 'Boodschappen' });
	await page.getByLabel('Uw bericht').fill(text);
	await page.getByRole('button', { name: 'Bericht versturen' }).click();
	await expect(page.getByText('Verstuurd aan 1 vrijwilliger.')).toBeVisible();

	const context = await browser.newContext({ baseURL, javaScriptEnabled: withJs });
	const fatima = await context.newPage();
	await signIn(fatima, 'fatima@voorbeeld.nl');
	const [{ id }] = await sql<{ id: string }>('select id from volunteer_messages where body = $1', [text]);
	await fatima.goto(`/berichten/${id}`);
	await expect(fatima.getByText(text)).toBeVisible();
	if (withJs) await expectNoAxeViolations(fatima);
	await context.close();
});
