import { test, expect, signIn, newEmail, sql } from './fixtures';
import { VOICE_WAV } from '../../playwright.config';

test('a resident asks for help with only a voice message; the matched volunteer plays it', async ({ page, browser, baseURL }, testInfo) => {
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
	const [row] = await sql<{ voice_id: string; description: string; mime_type: string }>(
		'select r.voice_id, r.description, v.mime_type from help_requests r join voice_messages v on v.id = r.voice_id where r.id = $1',
		[requestPath.split('/').pop()]
	);
	expect(row.description).toBe('');
	expect(row.mime_type).toEqual(withJs ? expect.stringMatching(/^audio\/(webm|mp4|ogg)$/) : 'audio/wav');

	// Before a match, a volunteer cannot listen; the endpoint says so too.
	const volunteer = await browser.newContext({ javaScriptEnabled: withJs, baseURL });
	const fatima = await volunteer.newPage();
	await signIn(fatima, 'fatima@voorbeeld.nl');
	await fatima.goto(requestPath);
	await expect(fatima.getByText('Dit is een spraakbericht. U kunt het beluisteren als u een afspraak hebt.')).toBeVisible();
	expect((await fatima.request.get(`/stem/${row.voice_id}`)).status()).toBe(404);
	await fatima.getByRole('button', { name: 'Ik help' }).click();

	await page.goto(requestPath);
	await page.getByRole('button', { name: 'Ja, graag' }).click();
	await expect(page.getByText('Fijn! Nu ziet u elkaars gegevens.')).toBeVisible();

	await fatima.goto(requestPath);
	const audio = fatima.locator('audio.request-voice');
	await expect(audio).toHaveAttribute('src', `/stem/${row.voice_id}`);
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
	await volunteer.close();

	// Someone else gets nothing; without signing in neither.
	const stranger = await browser.newContext({ baseURL });
	expect((await stranger.request.get(`/stem/${row.voice_id}`)).status()).toBe(403);
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
