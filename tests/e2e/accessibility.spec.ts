import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect, signIn, newEmail, expectNoAxeViolations, sql, axeCheckedPaths } from './fixtures';

// The last test checks that the ones before it reached every page of the site.
test.describe.configure({ mode: 'serial' });

test('pages for everyone have no axe violations and large targets', async ({ page }) => {
	for (const path of ['/', '/inloggen', '/toegankelijkheid', '/bestaat-niet']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	// Form with errors, and the code page.
	await page.goto('/inloggen');
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page.locator('#email-error')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Uw e-mailadres').fill('axe@voorbeeld.nl');
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page).toHaveURL(/\/inloggen\/code$/);
	await expectNoAxeViolations(page);
	// The dev mailbox and the message with that code.
	await page.goto('/dev/mail');
	await expectNoAxeViolations(page);
	await page.locator('li', { hasText: 'axe@voorbeeld.nl' }).first().getByRole('link').click();
	await expect(page.locator('pre')).toContainText('Uw code is');
	await expectNoAxeViolations(page);

	// Every button and link in the header and main is at least 44 by 44 pixels (WCAG 2.5.5 goes further than 2.5.8).
	await page.goto('/');
	const small = await page.locator('header a, header button, main a.utrecht-button-link, main button').evaluateAll((els) =>
		els
			.map((el) => ({ text: (el as HTMLElement).innerText, box: el.getBoundingClientRect() }))
			.filter(({ box }) => box.height < 44 || box.width < 44)
			.map(({ text, box }) => `${text}: ${box.width}x${box.height}`)
	);
	expect(small).toEqual([]);
});

test('pages for signed-in people have no axe violations, in Dutch and in larger text', async ({ page }, testInfo) => {
	await signIn(page, newEmail(testInfo, 'axe'), { name: 'Axe', area: 'Centrum (wijk)' });
	for (const path of ['/', '/account', '/uitloggen']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.getByRole('button', { name: 'Grotere letters' }).click();
	await page.goto('/account');
	await expectNoAxeViolations(page);
});

test('onboarding, coordination and municipality pages have no axe violations', async ({ page }, testInfo) => {
	await page.goto('/inloggen');
	const email = newEmail(testInfo, 'welkom');
	await page.getByLabel('Uw e-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page).toHaveURL(/\/inloggen\/code$/);
	const { readCodeFromMailbox } = await import('./fixtures');
	await page.getByLabel('Code van zes cijfers').fill(await readCodeFromMailbox(page.context(), email));
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/welkom$/);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Opslaan en beginnen' }).click();
	await expect(page.locator('#display_name-error')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.context().clearCookies();
	await signIn(page, 'sanne@voorbeeld.nl');
	for (const path of ['/coordinatie', '/coordinatie/bewoners/nieuw', '/coordinatie/bewoners/00000000-0000-4000-8000-000000000308']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}

	// The municipality's pages, as the officer.
	await page.context().clearCookies();
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vragen van bewoners');
	await expectNoAxeViolations(page);
});

test('initiative pages have no axe violations', async ({ page }, testInfo) => {
	test.setTimeout(180_000);
	await page.goto('/initiatieven/cijfers');
	await expectNoAxeViolations(page);
	await signIn(page, newEmail(testInfo, 'axeplan'), { name: 'Joke', area: 'Noord (wijk)' });
	await page.goto('/initiatieven');
	await expectNoAxeViolations(page);
	await page.goto('/initiatieven/nieuw');
	await expectNoAxeViolations(page);
	await page.getByLabel('Naam').fill('Speeltuin opknappen');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	await expect(page).toHaveURL(/\/wat$/);
	const draft = new URL(page.url()).pathname.replace(/\/wat$/, '');
	for (const path of ['/wat', '/waar', '/wanneer', '/wie', '/vragen', '/vragen/materials', '']) {
		await page.goto(draft + path);
		await expectNoAxeViolations(page);
	}
	// A sent initiative with an answer (demo data), as its founder, and the officer's pages.
	await page.context().clearCookies();
	await signIn(page, 'truus@voorbeeld.nl');
	await page.goto('/initiatieven/00000000-0000-4000-8000-000000000601');
	await expectNoAxeViolations(page);
	await page.goto('/initiatieven/00000000-0000-4000-8000-000000000601/hulp'); // a help need becomes a help request
	await expectNoAxeViolations(page);
	// The founder's forms after sending: a reply to the officer's question, a reconsideration,
	// and a concern about someone else's published plan.
	const [question] = await sql<{ id: string }>(
		`insert into initiative_ask_questions (ask_id, officer_id, question)
		 values ('00000000-0000-4000-8000-000000000612', '00000000-0000-4000-8000-000000000303', 'Hoeveel tafels hebt u nodig?') returning id`
	);
	const [answer] = await sql<{ id: string }>(`select id from initiative_answers where ask_id = '00000000-0000-4000-8000-000000000611'`);
	for (const path of [`antwoord/${question.id}`, `heroverwegen/${answer.id}`]) {
		await page.goto(`/initiatieven/00000000-0000-4000-8000-000000000601/${path}`);
		await expectNoAxeViolations(page);
	}
	await sql(`delete from initiative_ask_questions where id = $1`, [question.id]);
	await page.goto('/initiatieven/00000000-0000-4000-8000-000000000602/buren');
	await expectNoAxeViolations(page);
	await page.goto('/initiatieven/uitnodiging/abcdefghijklmnopqrstuvwxyz012345'); // a link that does not work
	await expect(page.locator('main')).toContainText('Deze uitnodiging werkt niet meer.');
	await expectNoAxeViolations(page);
	await page.context().clearCookies();
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente/vragen/00000000-0000-4000-8000-000000000612');
	await expectNoAxeViolations(page);
	for (const path of ['/gemeente/instellingen', '/gemeente/instellingen/permit']) {
		await page.goto(path); // how the municipality answers: the team lead's settings
		await expectNoAxeViolations(page);
	}
});

test('help pages have no axe violations', async ({ page }, testInfo) => {
	test.setTimeout(180_000); // three sign-ins and twenty pages; axe is slow on a busy machine
	await signIn(page, newEmail(testInfo, 'axehulp'), { name: 'Ilse', area: 'Noord (wijk)' });
	await page.goto('/hulp');
	await expectNoAxeViolations(page);
	await page.goto('/hulp/vragen');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Volgende' }).click(); // error on the first question
	await expectNoAxeViolations(page);
	await page.getByRole('radio', { name: /Boodschappen/ }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expectNoAxeViolations(page);
	await page.getByLabel('Wat moet er gebeuren?').fill('Wie gaat met mij naar de markt?');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expectNoAxeViolations(page); // the summary
	await page.getByRole('button', { name: 'Hulp vragen' }).click();
	await expect(page.getByText('We zoeken een helper.').first()).toBeVisible();
	await expectNoAxeViolations(page);
	const requestPath = new URL(page.url()).pathname;
	await page.goto(`${requestPath}/melden`);
	await expectNoAxeViolations(page);
	await page.goto('/meldingen');
	await expectNoAxeViolations(page);
	const [offer] = await sql<{ id: string }>('select id from help_offers where hidden_at is null and closed_at is null limit 1');
	for (const path of ['/hulp/aanbod', `/hulp/aanbod/${offer.id}/melden`]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}

	await page.context().clearCookies();
	await signIn(page, 'fatima@voorbeeld.nl');
	for (const path of ['/hulp', '/hulp/bieden', requestPath]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.context().clearCookies();
	await signIn(page, 'sanne@voorbeeld.nl');
	for (const path of ['/coordinatie/hulp', '/coordinatie/gemeld', '/coordinatie/vrijwilligers', requestPath]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
});

test('carer pages have no axe violations', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('/mantelzorg'); // open to everyone
	await expectNoAxeViolations(page);
	// An application of Truus's, made directly: the journey itself is in carers.spec.ts.
	const [{ id }] = await sql<{ id: string }>(
		`insert into carer_applications (municipality_id, year, carer_id, applied_by, relationship, cared_for_name, cared_for_postcode,
		   cared_for_house_number, caring_since, hours, cared_for_lives_here, payout)
		 values ('00000000-0000-4000-8000-000000000001', extract(year from now())::int, '00000000-0000-4000-8000-000000000304',
		   '00000000-0000-4000-8000-000000000304', 'partner', 'Henk Peters', '6211AB', '99', '2019-01-01', 'over_16', true, 'voucher')
		 returning id`
	);
	await signIn(page, 'truus@voorbeeld.nl');
	for (const path of ['/mantelzorg', '/mantelzorg/aanvragen', `/mantelzorg/${id}`, '/mantelzorg/hoe-gaat-het']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	// A code and a link for the person cared for: the code on the page, the link by e-mail.
	await page.goto(`/mantelzorg/${id}`);
	const email = `henk.${Date.now()}@voorbeeld.nl`;
	await page.getByLabel('E-mailadres van de persoon voor wie u zorgt').fill(email);
	await page.getByRole('button', { name: 'Code maken' }).click();
	await expect(page.getByText(`Wij hebben de link gestuurd naar ${email}.`)).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto('/dev/mail');
	await page.locator('li', { hasText: email }).first().getByRole('link').click();
	const link = /\/mantelzorg\/bevestigen\/[A-Z0-9]{32}/.exec(await page.locator('pre').innerText())![0];
	await page.context().clearCookies();
	for (const path of ['/mantelzorg/bevestigen', link]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await signIn(page, 'ahmed@voorbeeld.nl');
	// A shop to ask "remove it?" about.
	const [shop] = await sql<{ id: string }>(
		`with p as (insert into profiles (display_name, email, onboarded_at) values ('Winkel Axe', $1, now()) returning id)
		 insert into carer_partners (municipality_id, profile_id, name) select '00000000-0000-4000-8000-000000000001', p.id, 'Winkel Axe' from p returning id`,
		[`winkel.axe.${Date.now()}@voorbeeld.nl`]
	);
	for (const path of ['/gemeente/mantelzorg', `/gemeente/mantelzorg/${id}`, '/gemeente/mantelzorg/activiteiten', '/gemeente/mantelzorg/cijfers', '/gemeente/mantelzorg/vragen', `/gemeente/mantelzorg/partners/${shop.id}`]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.context().clearCookies();
	await signIn(page, 'truus@voorbeeld.nl');
	await sql(`update carer_confirmations set confirmed_at = now(), confirmed_how = 'phone' where application_id = $1`, [id]);
	await sql(`update carer_applications set status = 'approved' where id = $1`, [id]);
	for (const path of [`/mantelzorg/${id}`, `/mantelzorg/${id}/gewaardeerd`, '/mantelzorg/mijn-gegevens']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.context().clearCookies();
	await signIn(page, 'bloemist@voorbeeld.nl');
	await page.goto('/partner');
	await expectNoAxeViolations(page);
});

test('sociale kaart pages have no axe violations', async ({ page }) => {
	test.setTimeout(180_000); // five pages; axe is slow on a busy machine
	for (const path of ['/kaart', '/kaart?q=eten&free=on', '/kaart?route=green', '/kaart/00000000-0000-4000-8000-000000000958']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.getByRole('button', { name: 'Grotere letters' }).click();
	await page.goto('/kaart/00000000-0000-4000-8000-000000000964');
	await expectNoAxeViolations(page);
});

test('the editors\' page of the sociale kaart has no axe violations', async ({ page }) => {
	await signIn(page, 'kees@voorbeeld.nl');
	await page.goto('/coordinatie/kaart');
	await expectNoAxeViolations(page);
});

test('worry signal pages have no axe violations', async ({ page }) => {
	const [{ id }] = await sql<{ id: string }>(
		`insert into worry_signals (sender_id, area_id, body) values ('00000000-0000-4000-8000-000000000304', '00000000-0000-4000-8000-000000000102', 'Ik maak me zorgen om de buurman: de post stapelt zich op.') returning id`
	);
	await signIn(page, 'truus@voorbeeld.nl');
	for (const path of ['/zorgen', `/zorgen/${id}`]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.context().clearCookies();
	await signIn(page, 'sanne@voorbeeld.nl');
	for (const path of ['/zorgen/opvolgen', `/zorgen/${id}`, '/coordinatie/monitor', '/coordinatie/kaart/import', '/coordinatie/bericht']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	// A provider's change proposal (Gemeente Heuvelrijk runs the Sociaal Loket).
	await page.context().clearCookies();
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/kaart/00000000-0000-4000-8000-000000000958/voorstel');
	await expectNoAxeViolations(page);
	// A coordinator's message, as the volunteer it went to.
	const [message] = await sql<{ id: string }>(
		`insert into volunteer_messages (area_id, body, sent_by) values ('00000000-0000-4000-8000-000000000102', 'Fijn dat jullie er zijn.', '00000000-0000-4000-8000-000000000301') returning id`
	);
	await page.context().clearCookies();
	await signIn(page, 'fatima@voorbeeld.nl');
	await page.goto(`/berichten/${message.id}`);
	await expectNoAxeViolations(page);
});

/** Pages that never render: a GET only sends the reader on. */
const REDIRECT_ONLY = { '/instellingen': 'takes the language and text size from the header, then goes back' };

/** Every page in src/routes as a pattern: /hulp/[id]/melden matches /hulp/<anything>/melden. */
function sitePages(dir = 'src/routes', route = ''): { route: string; pattern: RegExp }[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isFile()) {
			if (entry.name !== '+page.svelte') return [];
			const source = (route || '/').replace(/\[[^\]]+\]/g, '[^/]+');
			return [{ route: route || '/', pattern: new RegExp(`^${source}$`) }];
		}
		const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`; // (groups) are not in the URL
		return sitePages(path.join(dir, entry.name), route + segment);
	});
}

test('axe has checked every page of the site', async ({ request }) => {
	const pages = sitePages();
	expect(pages.length).toBeGreaterThanOrEqual(20);
	// A path counts for the page SvelteKit would serve it from: /hulp/aanbod is not /hulp/[id].
	const params = (route: string) => route.split('[').length;
	const served = [...axeCheckedPaths].map(
		(p) => pages.filter(({ pattern }) => pattern.test(p)).sort((a, b) => params(a.route) - params(b.route))[0]?.route
	);
	const unchecked = pages.map(({ route }) => route).filter((route) => !(route in REDIRECT_ONLY) && !served.includes(route));
	expect(unchecked).toEqual([]);
	for (const route of Object.keys(REDIRECT_ONLY)) {
		const res = await request.get(route, { maxRedirects: 0 });
		expect(res.status(), `${route} only redirects`).toBe(303);
	}
});
