// The municipality's settings for initiatives, with and without JavaScript: the team lead sees
// every kind, makes Good Friday a day off (the list of days off shows it), is told next to the
// choice that a permit can never be yes by silence, and changes the deadline and the "ja, mits"
// templates of a kind; the officer's answer form then offers those templates.
import { test, expect, signIn, expectNoAxeViolations, sql } from './fixtures';

const HEUVELRIJK = '00000000-0000-4000-8000-000000000001';

/** The demo's settings as the seed has them: each project starts from there, and leaves them so. */
async function asSeeded() {
	await sql(`update initiative_ask_settings set working_days = 20, condition_templates = '{}' where municipality_id = $1 and kind = 'task'`, [HEUVELRIJK]);
	await sql(`delete from municipality_calendars where municipality_id = $1`, [HEUVELRIJK]);
}
test.beforeAll(asSeeded);
test.afterAll(asSeeded);

test('a team lead sets how the municipality answers: days off, a permit never yes by silence, a kind’s deadline and templates', async ({ page }, testInfo) => {
	test.setTimeout(120_000);
	const withJs = testInfo.project.name === 'with-js';
	await signIn(page, 'ahmed@voorbeeld.nl');
	await page.goto('/gemeente');
	await page.getByRole('link', { name: 'Instellingen: hoe de gemeente antwoordt' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen voor plannen van bewoners');
	const task = page.getByRole('row', { name: /Een taak overnemen/ });
	await expect(task).toContainText('20 werkdagen');
	await expect(page.getByRole('row', { name: /Melding of vergunning/ })).toContainText('Te laat: de teamleider krijgt bericht');
	if (withJs) await expectNoAxeViolations(page);

	// Good Friday becomes a day off.
	const daysOff = page.getByRole('list', { name: /Vrije dagen op een werkdag/ });
	await expect(daysOff).not.toContainText('Goede Vrijdag');
	await page.getByLabel('Goede Vrijdag is een vrije dag').check();
	await page.getByRole('button', { name: 'Vrije dagen opslaan' }).click();
	await expect(page.getByText('De instellingen zijn opgeslagen.')).toBeVisible();
	await expect(page.getByRole('list', { name: /Vrije dagen op een werkdag/ })).toContainText('Goede Vrijdag');
	const [calendar] = await sql<{ good_friday_off: boolean }>(`select good_friday_off from municipality_calendars where municipality_id = $1`, [HEUVELRIJK]);
	expect(calendar.good_friday_off).toBe(true);

	// A permit can never be yes by silence: the database refuses it, the message is at the choice.
	await page.getByRole('link', { name: /Veranderen\W+Melding of vergunning/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Melding of vergunning: instellingen');
	if (withJs) await expectNoAxeViolations(page);
	await page.getByRole('radio', { name: 'Dan is het antwoord ja' }).check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.locator('#on_timeout-error')).toContainText('Een melding of vergunning kan niet vanzelf ja worden.');
	if (withJs) await expectNoAxeViolations(page);
	const [permit] = await sql<{ on_timeout: string }>(`select on_timeout::text from initiative_ask_settings where municipality_id = $1 and kind = 'permit'`, [HEUVELRIJK]);
	expect(permit.on_timeout).toBe('escalate');

	// Another kind: a deadline out of range is refused next to the field, then a new one is saved with templates.
	await page.goto('/gemeente/instellingen/task');
	await page.getByLabel('Binnen hoeveel werkdagen antwoordt de gemeente?').fill('90');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.locator('#working_days-error')).toContainText('Vul een aantal werkdagen in, van 1 tot 60.');
	await page.getByLabel('Binnen hoeveel werkdagen antwoordt de gemeente?').fill('15');
	await page.getByLabel('Voorwaarden voor ja, als').fill('Ruim alles netjes op.\nVertel het aan de buren.');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('De instellingen zijn opgeslagen.')).toBeVisible();
	await page.goto('/gemeente/instellingen');
	await expect(page.getByRole('row', { name: /Een taak overnemen/ })).toContainText('15 werkdagen');
	const [saved] = await sql<{ working_days: number; condition_templates: string[] }>(
		`select working_days, condition_templates from initiative_ask_settings where municipality_id = $1 and kind = 'task'`,
		[HEUVELRIJK]
	);
	expect(saved).toEqual({ working_days: 15, condition_templates: ['Ruim alles netjes op.', 'Vertel het aan de buren.'] });
	const [logged] = await sql<{ n: number }>(
		`select count(*)::int as n from audit_log where action = 'initiative.settings_changed' and actor_id = '00000000-0000-4000-8000-000000000303' and at > now() - interval '5 minutes'`
	);
	expect(logged.n).toBeGreaterThanOrEqual(2);
});
