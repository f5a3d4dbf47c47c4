import { test, expect, signIn, newEmail, expectNoAxeViolations, readCodeFromMailbox, sql, speak } from './fixtures';
import type { Page } from '@playwright/test';

/** A date some weeks ahead, as a date field takes it. */
function inWeeks(weeks: number): string {
	return new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

test('a resident speaks part of the plan and sends three asks; the officer asks a question, says yes with conditions and no with another way; one ask is yes by silence; the resident ticks a condition and asks to look again; the figures count it', async ({ page }, testInfo) => {
	// A long journey of two people (and axe on every new page) on a shared machine.
	test.setTimeout(400_000);
	const withJs = testInfo.project.name === 'with-js';
	const axe = async (p: Page) => {
		if (withJs) await expectNoAxeViolations(p);
	};
	const name = `Buurtfeest ${testInfo.project.name} ${Date.now()}`;
	const email = newEmail(testInfo, 'initiatief');
	await signIn(page, email, { name: 'Els Vos', area: 'Noord (wijk)' });

	// One question a screen; each screen saves the draft.
	await page.goto('/initiatieven');
	await axe(page);
	await page.getByRole('link', { name: 'Plan beginnen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoe heet uw plan?');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	await expect(page.locator('#name-error')).toContainText('Geef uw plan een naam');
	await axe(page);
	await page.getByLabel('Naam').fill(name);
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat wilt u doen, en waarom?');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	await expect(page.locator('#description-error')).toBeVisible(); // text or a recording
	await axe(page);
	await page.getByLabel('Wat en waarom').fill('Een feest voor de hele straat, zodat buren elkaar leren kennen.');
	await speak(page, withJs); // part of the plan is spoken
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waar is het?');
	await axe(page);
	await expect(page.getByLabel('Wijk of dorp')).toHaveValue(/.+/); // the resident's own area
	await page.getByLabel('Plek').fill('Het plein bij de bakker');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wanneer is het?');
	await page.getByLabel('Wanneer').fill('Zaterdag in de zomer, van 14 tot 22 uur');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie doet er mee?');
	await axe(page);
	await page.getByRole('button', { name: 'Opslaan en verder' }).click(); // nobody else yet

	// The asks: choose a kind, then the details that kind needs.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat hebt u nodig van de gemeente?');
	await axe(page);
	await page.getByRole('radio', { name: /Melding of vergunning/ }).check();
	await page.getByRole('button', { name: 'Kiezen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Melding of vergunning');
	await expect(page.getByText('De gemeente antwoordt binnen 10 werkdagen.')).toBeVisible();
	await page.getByLabel('Datum').fill('2020-01-01');
	await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
	await expect(page.locator('#date-error')).toContainText('Deze datum is al voorbij');
	await axe(page);
	await page.getByLabel('Datum').fill(inWeeks(8));
	await page.getByLabel('Begint om').fill('14:00');
	await page.getByLabel('Stopt om').fill('22:00');
	await page.getByLabel('Hoeveel mensen komen er ongeveer?').fill('80');
	await page.getByLabel('Wilt u nog iets zeggen?').fill('We willen de straat afsluiten voor auto’s.');
	await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
	await expect(page.getByText('Uw vraag staat erbij.')).toBeVisible();
	await expect(page.locator('main')).toContainText('We willen de straat afsluiten');
	// A second ask: borrow tables (silence means yes), and a third: a contact.
	await page.getByRole('radio', { name: /Spullen lenen/ }).check();
	await page.getByRole('button', { name: 'Kiezen' }).click();
	await page.getByRole('checkbox', { name: 'Tafels' }).check();
	await page.getByLabel('Datum').fill(inWeeks(8));
	await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
	await expect(page.getByText('Uw vraag staat erbij.')).toBeVisible();
	await page.getByRole('radio', { name: /Contact met iemand/ }).check();
	await page.getByRole('button', { name: 'Kiezen' }).click();
	// Not sure who yet? The sociale kaart of the plan's area (Noord).
	const NOORD = '00000000-0000-4000-8000-000000000102';
	await expect(page.getByText('Weet u nog niet met wie?')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Bekijk de kaart' })).toHaveAttribute('href', `/kaart?area=${NOORD}`);
	await page.getByLabel('Met wie wilt u contact?').fill('De muziekvereniging');
	await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
	await expect(page.getByText('Uw vraag staat erbij.')).toBeVisible();

	// A plain summary before sending.
	await page.getByRole('link', { name: 'Naar het overzicht' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kijk of alles klopt');
	await expect(page.locator('#summary')).toContainText('Het plein bij de bakker');
	await axe(page);
	await page.getByRole('button', { name: 'Naar de gemeente sturen' }).click();
	await expect(page.getByText('Uw plan is verstuurd.')).toBeVisible();
	await expect(page.locator('main')).toContainText('De gemeente antwoordt uiterlijk');
	await expect(page.getByRole('link', { name: 'Zoek clubs en organisaties in Noord' })).toHaveAttribute('href', `/kaart?topic=company&area=${NOORD}`);
	await axe(page);
	const initiativePath = new URL(page.url()).pathname;
	const initiativeId = initiativePath.split('/').pop();

	// The officer: the inbox, then a bare no is refused with a plain message, then a full one.
	const residentEmail = email;
	await page.goto('about:blank'); // no request of the last page (a recording) sets the cookie again
	await page.context().clearCookies();
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vragen van bewoners');
	await expect(page.locator('main')).toContainText(name);
	await axe(page);
	// Filters by area and state: the plan is in Noord and its asks are open.
	await page.getByLabel('Wijk of dorp').selectOption({ label: 'Centrum' });
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page.getByLabel('Wijk of dorp')).toHaveValue('00000000-0000-4000-8000-000000000101');
	await expect(page.locator('main')).not.toContainText(name);
	await page.getByLabel('Wijk of dorp').selectOption({ label: 'Noord' });
	await page.getByLabel('Hoe staat het?').selectOption({ label: 'Open' });
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page.locator('main')).toContainText(name);
	await page.getByLabel('Hoe staat het?').selectOption({ label: 'Te laat' });
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page.getByLabel('Hoe staat het?')).toHaveValue('late');
	await expect(page.locator('main')).not.toContainText(name);
	await page.goto('/gemeente');
	// The contact ask: first a question (the clock stops), answered by the resident later.
	await page.getByRole('link', { name: new RegExp(`Beantwoorden\\W+${name}, Contact met iemand`) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vraag beantwoorden');
	await page.getByRole('button', { name: 'Vraag stellen' }).click();
	await expect(page.locator('#question-error')).toContainText('Schrijf uw vraag op.');
	await page.getByLabel('Uw vraag', { exact: true }).fill('Wilt u met de muziekvereniging spelen, of alleen praten?');
	await page.getByRole('button', { name: 'Vraag stellen' }).click();
	await expect(page.getByText('De tijd staat stil tot de bewoner antwoordt.')).toBeVisible();
	await axe(page);
	await page.goto('/gemeente');
	await expect(page.locator('li', { hasText: `${name}` }).filter({ hasText: 'Contact met iemand' })).toContainText('Wacht op bewoner');

	await page.getByRole('link', { name: new RegExp(`Beantwoorden\\W+${name}, Melding of vergunning`) }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vraag beantwoorden');
	await axe(page);
	await page.getByRole('radio', { name: 'Nee' }).check();
	await page.getByLabel('Leg het uit in gewone woorden').fill('Op die zaterdag is er al een markt op het plein.');
	await page.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(page.locator('#reason-error')).toContainText('Kies een reden uit de lijst.');
	await expect(page.locator('#alternative-error')).toContainText('Zeg wat wel kan.');
	await axe(page);
	await page.getByLabel('Waarom niet?').selectOption({ label: 'Er is op die plek al iets anders' });
	await page.getByLabel('Wat kan wel?').fill('Het feest kan een week later. Of in het park. Bel mij op 14 043.');
	await page.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(page.getByText('Uw antwoord is verstuurd.')).toBeVisible();
	await expect(page.locator('main')).toContainText('Het feest kan een week later.');

	// The resident answers the question, partly by voice; the clock runs again.
	await page.goto('about:blank'); // no request of the last page (a recording) sets the cookie again
	await page.context().clearCookies();
	await signIn(page, residentEmail);
	await page.goto('/meldingen');
	await expect(page.locator('main')).toContainText('De gemeente heeft een vraag over uw plan');
	await page.goto(initiativePath);
	const contact = page.locator('article', { hasText: 'Contact met iemand' });
	await expect(contact).toContainText('De gemeente wacht op uw antwoord op haar vraag.');
	await contact.getByRole('link', { name: /Antwoord geven/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antwoord op de vraag van de gemeente');
	await page.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(page.locator('#reply-error')).toContainText('Schrijf een bericht, of spreek een bericht in.');
	await axe(page);
	await page.getByLabel('Uw antwoord').fill('We willen samen spelen op het feest.');
	await speak(page, withJs);
	await page.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(page.getByText('Uw antwoord is verstuurd. De tijd telt weer mee.')).toBeVisible();
	await expect(page.locator('article', { hasText: 'Contact met iemand' })).toContainText('De gemeente antwoordt uiterlijk');

	// The officer says yes with conditions to the contact ask.
	await page.goto('about:blank'); // no request of the last page (a recording) sets the cookie again
	await page.context().clearCookies();
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente');
	await page.getByRole('link', { name: new RegExp(`Beantwoorden\\W+${name}, Contact met iemand`) }).click();
	await expect(page.locator('main')).toContainText('We willen samen spelen op het feest.');
	await page.getByRole('radio', { name: 'Ja, als u iets regelt' }).check();
	await page.getByLabel('Wat moet de bewoner regelen?').fill('Spreek een tijd af met de dirigent.\nHoud de muziek voor tien uur stil.');
	await page.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(page.getByText('Uw antwoord is verstuurd.')).toBeVisible();

	// The borrowed tables get no answer: the deadline passes (the clock moves in the database).
	await sql(`update initiative_asks set sent_on = sent_on - 30, due_on = due_on - 30 where initiative_id = $1 and kind = 'materials'`, [initiativeId]);

	// Back as the resident: three answers, one of them yes by silence.
	await page.goto('about:blank'); // no request of the last page (a recording) sets the cookie again
	await page.context().clearCookies();
	await signIn(page, residentEmail);
	await page.goto('/meldingen');
	await expect(page.locator('main')).toContainText('De gemeente heeft uw vraag beantwoord');
	await page.goto(initiativePath);
	const ask = page.locator('article', { hasText: 'Melding of vergunning' });
	await expect(ask).toContainText('Nee');
	await expect(ask).toContainText('Er is op die plek al iets anders');
	await expect(ask).toContainText('Het feest kan een week later.');
	await expect(page.locator('article', { hasText: 'Spullen lenen' })).toContainText('Ja. De gemeente heeft niet op tijd geantwoord.');
	const withConditions = page.locator('article', { hasText: 'Contact met iemand' });
	await expect(withConditions).toContainText('0 van 2 geregeld');
	await axe(page);
	// Tick off a condition (a small form per condition, no JavaScript needed).
	await withConditions.getByRole('button', { name: /^Klaar\W+Spreek een tijd af met de dirigent\.$/ }).click();
	await expect(page.locator('article', { hasText: 'Contact met iemand' })).toContainText('1 van 2 geregeld');
	await expect(page.locator('article', { hasText: 'Contact met iemand' }).getByRole('button', { name: /^Toch niet klaar\W+Spreek een tijd af met de dirigent\.$/ })).toBeVisible();

	// Ask to look again at the no, with a reason; a second time is refused with a plain message.
	await page.locator('article', { hasText: 'Melding of vergunning' }).getByRole('link', { name: 'Vraag om opnieuw te kijken' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vraag de gemeente om opnieuw te kijken');
	await axe(page);
	const reconsiderPath = new URL(page.url()).pathname;
	await page.getByRole('button', { name: 'Vraag sturen' }).click();
	await expect(page.locator('#reason-error')).toContainText('Schrijf een bericht, of spreek een bericht in.');
	await page.getByLabel('Waarom moet de gemeente opnieuw kijken?').fill('De markt is maar tot twaalf uur. Ons feest begint om twee uur.');
	await page.getByRole('button', { name: 'Vraag sturen' }).click();
	await expect(page.getByText('Uw vraag is verstuurd. De teamleider kijkt er opnieuw naar.')).toBeVisible();
	await expect(page.locator('article', { hasText: 'Melding of vergunning' })).toContainText('De teamleider antwoordt uiterlijk');
	await page.goto(reconsiderPath);
	await page.getByLabel('Waarom moet de gemeente opnieuw kijken?').fill('Nog een keer.');
	await page.getByRole('button', { name: 'Vraag sturen' }).click();
	await expect(page.locator('#reason-error')).toContainText('Dat kan maar een keer.');

	// The team lead sees it in the inbox and answers.
	await page.goto('about:blank'); // no request of the last page (a recording) sets the cookie again
	await page.context().clearCookies();
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente');
	await expect(page.getByRole('heading', { name: 'Vragen om opnieuw te kijken' })).toBeVisible();
	await page.goto(`/initiatieven/vraag/${(await sql<{ id: string }>(`select id from initiative_asks where initiative_id = $1 and kind = 'permit'`, [initiativeId]))[0].id}`);
	await expect(page.getByRole('heading', { name: 'Vraag om opnieuw te kijken' })).toBeVisible();
	await expect(page.locator('main')).toContainText('De markt is maar tot twaalf uur.');
	await page.getByLabel('Uw besluit na opnieuw kijken').fill('U hebt gelijk. Het feest mag na de markt.');
	await page.getByRole('button', { name: 'Besluit sturen' }).click();
	await expect(page.getByText('Uw besluit is verstuurd.')).toBeVisible();
	await axe(page);

	// The public figures count all of it: this quarter, per team.
	await page.goto('/initiatieven/cijfers');
	const team = page.getByRole('region', { name: /team Samenleving/ });
	await expect(team).toContainText('Opnieuw bekeken');
	const [counts] = await sql<{ again: number; silence: number }>(
		`select r.reconsiderations as again, r.yes_by_silence as silence
		   from initiative_accountability(date_trunc('quarter', today_nl())::date, (date_trunc('quarter', today_nl()) + interval '3 months')::date) r
		  where r.team like '%Samenleving' and r.kind is null`
	);
	expect(counts.again).toBeGreaterThanOrEqual(1);
	await expect(team.locator('tbody tr').first().locator('td').last()).toHaveText(String(counts.again));
	await axe(page);
});

test('neighbours support a published plan and raise a concern that only the founders and the municipality read', async ({ page }, testInfo) => {
	test.setTimeout(300_000);
	const withJs = testInfo.project.name === 'with-js';
	const plan = '/initiatieven/00000000-0000-4000-8000-000000000602'; // Moestuin Heide, published
	await page.goto(plan);
	await expect(page.getByRole('heading', { name: 'Wat vinden de buren?' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Log in om te laten weten dat u dit steunt of meedoet.' })).toBeVisible();
	const neighbour = newEmail(testInfo, 'buur');
	await signIn(page, neighbour, { name: `Buur ${testInfo.project.name}`, area: 'Heide (dorp)' });
	await page.goto(plan);
	await page.getByRole('button', { name: 'Ik steun dit' }).click();
	await expect(page.getByText('Dank u wel. Dit is bewaard.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Ik steun dit niet meer' })).toBeVisible();
	await page.getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(page.getByRole('button', { name: 'Ik doe niet meer mee' })).toBeVisible();
	if (withJs) await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Hebt u een zorg over dit plan?' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hebt u een zorg over dit plan?');
	await page.getByRole('button', { name: 'Zorg sturen' }).click();
	await expect(page.locator('#concern-error')).toContainText('Schrijf uw zorg op.');
	if (withJs) await expectNoAxeViolations(page);
	const concern = `De bakken staan op het pad naar de kerk (${testInfo.project.name}).`;
	await page.getByLabel('Uw zorg').fill(concern);
	await page.getByRole('button', { name: 'Zorg sturen' }).click();
	await expect(page.getByText('Uw zorg is verstuurd.')).toBeVisible();

	// Jan, the founder, reads it with the neighbour's name; Fatima, another neighbour, does not.
	await page.goto('about:blank'); // no request of the last page (a recording) sets the cookie again
	await page.context().clearCookies();
	await signIn(page, 'jan@voorbeeld.nl');
	await page.goto(plan);
	const concerns = page.locator('section', { hasText: 'Zorgen van buren' });
	await expect(concerns).toContainText(concern);
	await expect(concerns).toContainText(`Buur ${testInfo.project.name}`);
	await page.goto('about:blank'); // no request of the last page (a recording) sets the cookie again
	await page.context().clearCookies();
	await signIn(page, 'fatima@voorbeeld.nl');
	await page.goto(plan);
	await expect(page.locator('main')).not.toContainText(concern);
});

test('the figures are public, without signing in', async ({ page }, testInfo) => {
	await page.goto('/initiatieven/cijfers');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoe antwoordt de gemeente?');
	await expect(page.getByRole('table').first()).toContainText('Alle vragen');
	await expect(page.getByRole('table').first()).toContainText('Een stuk groen');
	if (testInfo.project.name === 'with-js') await expectNoAxeViolations(page);
	// A published initiative is public too; an unpublished one sends a stranger to sign in.
	await page.goto('/initiatieven/00000000-0000-4000-8000-000000000602');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moestuin Heide');
	await expect(page.locator('main')).toContainText('U kunt het veldje aan de Beekstraat gebruiken.');
	await page.goto('/initiatieven/00000000-0000-4000-8000-000000000601');
	await expect(page).toHaveURL(/\/inloggen\?terug=%2Finitiatieven%2F00000000-0000-4000-8000-000000000601$/);
});

test('an invited neighbour without an account signs in from the invitation and comes straight back to join', async ({ page, browser }, testInfo) => {
	test.setTimeout(180_000);
	const withJs = testInfo.project.use.javaScriptEnabled !== false;
	const name = `Samen schoffelen ${testInfo.project.name}`;
	await signIn(page, newEmail(testInfo, 'oprichter'), { name: 'Els Vos', area: 'Noord (wijk)' });
	await page.goto('/initiatieven');
	await page.getByRole('link', { name: 'Plan beginnen' }).click();
	await page.getByLabel('Naam').fill(name);
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	await page.getByLabel('Wat en waarom').fill('Samen het onkruid op het plein weghalen.');
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	await page.getByRole('button', { name: 'Opslaan en verder' }).click(); // where: her own area
	// "When" is spoken, not typed: that is enough.
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	await expect(page.locator('#when_text-error')).toBeVisible();
	await speak(page, withJs);
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	const invited = newEmail(testInfo, 'uitgenodigd');
	await page.getByLabel('E-mailadres').fill(invited);
	await page.getByRole('button', { name: 'Opslaan en verder' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat hebt u nodig van de gemeente?');

	// The neighbour opens the link in the e-mail, signs in (new: says who she is) and is back.
	const theirs = await browser.newContext({ javaScriptEnabled: withJs, baseURL: process.env.BASE_URL });
	const neighbour = await theirs.newPage();
	await neighbour.goto('/dev/mail');
	await neighbour.locator('li', { hasText: invited }).first().getByRole('link').click();
	const link = /\/initiatieven\/uitnodiging\/[A-Za-z0-9_-]+/.exec(await neighbour.locator('pre').innerText())![0];
	await neighbour.goto(link);
	await expect(neighbour.getByText('Daarna komt u vanzelf weer hier.')).toBeVisible();
	if (withJs) await expectNoAxeViolations(neighbour);
	await neighbour.getByRole('main').getByRole('link', { name: 'Inloggen' }).click();
	await neighbour.getByLabel('Uw e-mailadres').fill(invited);
	await neighbour.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(neighbour).toHaveURL(/\/inloggen\/code$/); // the code's mail is sent; before it, the newest is the invitation
	await neighbour.getByLabel('Code van zes cijfers').fill(await readCodeFromMailbox(theirs, invited));
	await neighbour.getByRole('button', { name: 'Inloggen' }).click();
	await neighbour.getByLabel('Hoe heet u?').fill('Noor Bakker');
	await neighbour.getByLabel('In welke wijk of welk dorp woont u?').selectOption({ label: 'Noord (wijk)' });
	await neighbour.getByRole('button', { name: 'Opslaan en beginnen' }).click();
	await expect(neighbour).toHaveURL(new RegExp(`${link}$`));
	await expect(neighbour.getByText(`U bent uitgenodigd om mee te doen met het plan ${name}.`)).toBeVisible();
	await neighbour.getByRole('button', { name: 'Meedoen' }).click();
	// A co-founder now: she sees the draft's summary, as the founder does.
	await expect(neighbour.getByRole('heading', { level: 1 })).toHaveText('Kijk of alles klopt');
	await expect(neighbour.getByRole('main')).toContainText(name);
	await expect(neighbour.locator('audio[aria-label$=": Wanneer"]')).toHaveCount(1);
	await theirs.close();
});
