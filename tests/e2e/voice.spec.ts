import { test, expect, signIn, newEmail, sql, expectNoAxeViolations, speak, findInBrowse } from './fixtures';
import { VOICE_WAV } from '../../playwright.config';

/** The signed address a page gives a player: /stem/<id>?v=<viewer>&e=<expiry>&s=<signature>. */
const signedAddress = (id: string) => new RegExp(`^/stem/${id}\\?v=[0-9a-f-]{36}&e=\\d+&s=[A-Za-z0-9_-]+$`);

test('a resident asks for help with only a voice message; the matched volunteer plays it; she thanks him by voice', async ({ page, browser, baseURL }, testInfo) => {
	test.setTimeout(90_000); // four people sign in; about 55 s on a busy two-core machine
	const withJs = testInfo.project.name === 'with-js';
	const name = `Stem${withJs ? 'Js' : 'Html'}`;
	await signIn(page, newEmail(testInfo, 'stem'), { name, area: 'Noord (wijk)' });
	await page.goto('/hulp/vragen');
	await page.getByRole('radio', { name: /Boodschappen/ }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();

	if (withJs) {
		// The big button records from the (fake) microphone; the status is read out.
		await page.getByRole('button', { name: 'Inspreken' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'U spreekt nu in.' })).toBeVisible();
		await page.waitForTimeout(2500);
		await page.getByRole('button', { name: 'Stoppen' }).click();
		await expect(page.getByText('Uw bericht is opgenomen.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Opnieuw opnemen' })).toBeVisible();
	} else {
		// Without JavaScript: the file field, which opens a phone's own recorder.
		await page.getByLabel('Of kies een spraakbericht (mag leeg blijven)').setInputFiles(VOICE_WAV);
	}
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.getByText('Vraag 3 van 4')).toBeVisible();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Hulp vragen' }).click();
	await expect(page.getByText('We zoeken een helper.').first()).toBeVisible();
	const requestPath = new URL(page.url()).pathname;
	const [row] = await sql<{ voice_id: string; description: string; mime_type: string; duration_ms: number | null }>(
		'select r.voice_id, r.description, v.mime_type, v.duration_ms from help_requests r join voice_messages v on v.id = r.voice_id where r.id = $1',
		[requestPath.split('/').pop()]
	);
	expect(row.description).toBe('');
	expect(row.mime_type).toEqual(withJs ? expect.stringMatching(/^audio\/(webm|mp4|ogg)$/) : 'audio/wav');
	// The server read the length from the recording itself (MediaRecorder's WebM carries none).
	expect(row.duration_ms).toBeGreaterThan(withJs ? 1500 : 3000);

	// A volunteer who may read the open request may hear it before she says yes.
	const volunteer = await browser.newContext({ javaScriptEnabled: withJs, baseURL });
	const fatima = await volunteer.newPage();
	await signIn(fatima, 'fatima@voorbeeld.nl');
	await fatima.goto(requestPath);
	// The page hands the player a signed address (no session lookup when it plays).
	const signedSrc = signedAddress(row.voice_id);
	await expect(fatima.locator('section[aria-labelledby="voice-title"] audio')).toHaveAttribute('src', signedSrc);
	const firstSrc = (await fatima.locator('section[aria-labelledby="voice-title"] audio').getAttribute('src'))!;
	expect((await fatima.request.get(`/stem/${row.voice_id}`)).status()).toBe(200);
	// Jan lives elsewhere and is no volunteer: he may not read the request, nor hear it.
	const elsewhere = await browser.newContext({ javaScriptEnabled: withJs, baseURL });
	const jan = await elsewhere.newPage();
	await signIn(jan, 'jan@voorbeeld.nl');
	expect((await jan.request.get(requestPath)).status()).toBe(404);
	expect((await jan.request.get(`/stem/${row.voice_id}`)).status()).toBe(404);
	await elsewhere.close();
	await fatima.getByRole('button', { name: 'Ik help' }).click();

	await page.goto(requestPath);
	await page.getByRole('button', { name: 'Ja, graag' }).click();
	await expect(page.getByText('Fijn! Nu ziet u elkaars gegevens.')).toBeVisible();

	await fatima.goto(requestPath);
	const audio = fatima.locator('section[aria-labelledby="voice-title"] audio');
	await expect(audio).toHaveAttribute('src', signedSrc);
	if (withJs) {
		const duration = await audio.evaluate(
			(el: HTMLAudioElement) =>
				new Promise<number>((resolve) => {
					if (el.readyState >= 1) resolve(el.duration);
					el.addEventListener('loadedmetadata', () => resolve(el.duration));
					el.load();
				})
		);
		expect(duration).toBeGreaterThan(0);
	}
	const whole = await fatima.request.get(`/stem/${row.voice_id}`);
	expect(whole.status()).toBe(200);
	const bytes = await whole.body();
	const part = await fatima.request.get(`/stem/${row.voice_id}`, { headers: { range: 'bytes=10-109' } });
	expect(part.status()).toBe(206);
	expect(part.headers()['content-range']).toBe(`bytes 10-109/${bytes.length}`);
	expect(Buffer.compare(await part.body(), bytes.subarray(10, 110))).toBe(0);
	if (withJs) {
		// A player drawn in the browser after a client-side navigation asks for its own signed address.
		await findInBrowse(fatima, fatima.locator(`a[href="${requestPath}"]`));
		const requests = fatima.waitForRequest((r) => r.url().endsWith(`/stem/${row.voice_id}/adres`));
		await fatima.locator(`a[href="${requestPath}"]`).first().click();
		await requests;
		await expect(audio).toHaveAttribute('src', signedSrc);
	}

	// Done; the resident says thank you with her voice only, and Fatima can hear it.
	await fatima.getByRole('button', { name: 'De hulp is klaar' }).click();
	await page.goto(requestPath);
	await page.getByRole('button', { name: 'Ja, de hulp is klaar' }).click();
	const thanksForm = page.locator('form[action="?/thanks"]');
	await thanksForm.getByRole('button', { name: 'Bedankje sturen' }).click();
	await expect(page.getByText('Schrijf een kort bedankje, of spreek het in.').first()).toBeVisible();
	await speak(thanksForm, withJs);
	await thanksForm.getByRole('button', { name: 'Bedankje sturen' }).click();
	await expect(page.getByText('U hebt een bedankje gestuurd.')).toBeVisible();
	if (withJs) await expectNoAxeViolations(page); // a finished request with spoken messages
	// She writes down what she said, for a volunteer who cannot listen.
	const writeDown = page.locator('details', { hasText: 'Tekst schrijven of verbeteren' });
	await writeDown.getByText('Tekst schrijven of verbeteren').click();
	await writeDown.getByLabel('Wat er gezegd wordt').fill(`Dank je wel, Fatima! (${testInfo.project.name})`);
	await writeDown.getByRole('button', { name: 'Tekst verbeteren' }).click();
	await expect(page.getByText('We hebben de tekst opgeslagen.')).toBeVisible();
	const [thanks] = await sql<{ voice_id: string; body: string }>('select voice_id, body from thanks where request_id = $1', [requestPath.split('/').pop()]);
	expect(thanks.body).toBe('');
	await fatima.goto('/hulp');
	await expect(fatima.locator(`audio[src^="/stem/${thanks.voice_id}"]`)).toBeAttached();
	await expect(fatima.getByText(`Dank je wel, Fatima! (${testInfo.project.name})`)).toBeVisible();
	if (withJs) await expectNoAxeViolations(fatima);
	expect((await fatima.request.get(`/stem/${thanks.voice_id}`)).status()).toBe(200);
	await volunteer.close();

	// Someone else gets nothing; without signing in neither.
	const stranger = await browser.newContext({ baseURL });
	expect((await stranger.request.get(`/stem/${row.voice_id}`)).status()).toBe(403);
	// The signed address works without a session until it expires; changed, it is refused.
	expect((await stranger.request.get(firstSrc, { headers: { range: 'bytes=0-9' } })).status()).toBe(206);
	expect((await stranger.request.get(firstSrc.replace(/s=[^&]+/, 's=AAAA'))).status()).toBe(403);
	const other = await stranger.newPage();
	await signIn(other, newEmail(testInfo, 'vreemde'), { name: 'Vreemde', area: 'Noord (wijk)' });
	expect((await other.request.get(`/stem/${row.voice_id}`)).status()).toBe(404);
	await stranger.close();
});

test('an upload that is not sound gets a plain message and nothing is stored', async ({ page }, testInfo) => {
	await signIn(page, newEmail(testInfo, 'tekst'), { name: 'Tekst', area: 'Noord (wijk)' });
	await page.goto('/hulp/vragen');
	await page.getByRole('radio', { name: /Klussen/ }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	const before = await sql('select id from voice_messages');
	await page.getByLabel('Of kies een spraakbericht (mag leeg blijven)').setInputFiles({
		name: 'bericht.mp3',
		mimeType: 'audio/mpeg',
		buffer: Buffer.from('Dit is gewoon tekst, geen geluid. '.repeat(20))
	});
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.getByText('Dit is geen geluid dat wij kunnen afspelen. Neem opnieuw op, of kies een ander bestand.').first()).toBeVisible();
	expect(await sql('select id from voice_messages')).toHaveLength(before.length);
});

test('a volunteer offers help by voice; a neighbour hears it, reports it, and the coordinator hides it', async ({ page, browser, baseURL }, testInfo) => {
	const withJs = testInfo.project.name === 'with-js';
	await signIn(page, 'pieter@voorbeeld.nl');
	await page.goto('/hulp/bieden');
	await page.getByLabel('Waarmee?', { exact: true }).selectOption({ label: 'Tuin' });
	await page.getByRole('button', { name: 'Aanbod plaatsen' }).click();
	await expect(page.getByText('Schrijf op waarmee u wilt helpen, of spreek het in.').first()).toBeVisible();
	await page.getByLabel('Waarmee?', { exact: true }).selectOption({ label: 'Tuin' });
	await speak(page, withJs);
	await page.getByRole('button', { name: 'Aanbod plaatsen' }).click();
	await expect(page.getByText('Dank u! We hebben uw aanbod geplaatst.')).toBeVisible();
	const [offer] = await sql<{ id: string; voice_id: string }>(
		"select id, voice_id from help_offers where volunteer_id = '00000000-0000-4000-8000-000000000307' and voice_id is not null order by created_at desc limit 1"
	);
	expect(offer.voice_id).toBeTruthy();
	// Pieter writes down what he said, so neighbours who cannot listen can read it.
	const mine = page.getByRole('listitem').filter({ has: page.locator(`audio[src^="/stem/${offer.voice_id}"]`) });
	await mine.getByText('Tekst schrijven of verbeteren').click();
	await mine.getByLabel('Wat er gezegd wordt').fill(`Ik maai graag uw gras. (${testInfo.project.name})`);
	await mine.getByRole('button', { name: 'Tekst verbeteren' }).click();
	await expect(page.getByText('We hebben de tekst opgeslagen.')).toBeVisible();

	// A neighbour sees the offer with its first name only, and can listen.
	const neighbourContext = await browser.newContext({ javaScriptEnabled: withJs, baseURL });
	const neighbour = await neighbourContext.newPage();
	await signIn(neighbour, newEmail(testInfo, 'buur'), { name: 'Buurvrouw', area: 'Oost (wijk)' });
	await neighbour.goto('/hulp');
	await neighbour.getByRole('link', { name: 'Wie biedt hulp aan?' }).click();
	const card = neighbour.getByRole('listitem').filter({ has: neighbour.locator(`audio[src^="/stem/${offer.voice_id}"]`) });
	await expect(card.getByRole('heading', { name: 'Tuin: Pieter' })).toBeVisible();
	await expect(card.getByText(`Ik maai graag uw gras. (${testInfo.project.name})`)).toBeVisible();
	if (withJs) await expectNoAxeViolations(neighbour);
	expect((await neighbour.request.get(`/stem/${offer.voice_id}`)).status()).toBe(200);
	await card.getByRole('link', { name: /Klopt dit niet\? Meld het/ }).click();
	await neighbour.getByRole('button', { name: 'Melding sturen' }).click();
	await expect(neighbour.getByText('Schrijf op wat er aan de hand is.').first()).toBeVisible();
	await neighbour.getByLabel('Wat is er aan de hand?').fill('Dit aanbod klopt niet.');
	await neighbour.getByRole('button', { name: 'Melding sturen' }).click();
	await expect(neighbour.getByText('Dank u. Een coördinator kijkt naar uw melding.')).toBeVisible();

	// Sanne coordinates Oost: she hears the offer with the report and hides it.
	await page.context().clearCookies();
	await signIn(page, 'sanne@voorbeeld.nl');
	await page.goto('/coordinatie/gemeld');
	const report = page.getByRole('listitem').filter({ hasText: 'Dit aanbod klopt niet.' });
	await expect(report.locator(`audio[src^="/stem/${offer.voice_id}"]`)).toBeVisible();
	if (withJs) await expectNoAxeViolations(page);
	await report.getByRole('button', { name: 'Verbergen' }).click();
	await expect(page.getByText('Dit aanbod klopt niet.')).toHaveCount(0);

	await neighbour.goto('/hulp/aanbod');
	await expect(neighbour.locator(`audio[src^="/stem/${offer.voice_id}"]`)).toHaveCount(0);
	expect((await neighbour.request.get(`/stem/${offer.voice_id}`)).status()).toBe(404);
	await neighbourContext.close();
});
