// "Lees voor": the browser's speech synthesis reads a page's text. Headless Chromium here has no
// voices at all, so the Web Speech API is stood in for by a small script with the same interface
// (getVoices, speak, cancel, voiceschanged; voices arrive a moment after the page loads, as in
// Chrome). What is checked is what our page does with it: when the button shows, what it reads,
// in which language and voice, and that it stops.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';

type Voice = { name: string; lang: string };
type Spoken = { text: string; lang: string; voice: string | null };

async function withVoices(page: Page, voices: Voice[]) {
	await page.addInitScript((voices: Voice[]) => {
		const spoken: Spoken[] = [];
		(window as unknown as { spoken: Spoken[] }).spoken = spoken;
		let loaded: Voice[] = [];
		let current: { onend?: ((e: Event) => void) | null } | null = null;
		const target = new EventTarget();
		class Utterance {
			text: string;
			lang = '';
			voice: Voice | null = null;
			onend: ((e: Event) => void) | null = null;
			onerror: ((e: Event) => void) | null = null;
			constructor(text = '') {
				this.text = text;
			}
		}
		const synth = {
			get speaking() {
				return current !== null;
			},
			pending: false,
			paused: false,
			getVoices: () => loaded.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false })),
			speak(u: Utterance) {
				spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
				current = u;
			},
			cancel() {
				const u = current;
				current = null;
				u?.onend?.(new Event('end'));
			},
			pause() {},
			resume() {},
			addEventListener: target.addEventListener.bind(target),
			removeEventListener: target.removeEventListener.bind(target)
		};
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
		setTimeout(() => {
			loaded = voices;
			target.dispatchEvent(new Event('voiceschanged'));
		}, 50);
	}, voices);
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken);

test('"Lees voor" reads the page in Dutch with a Dutch voice, stops on a second press, reads English in English, and is hidden without a Dutch voice', async ({
	page,
	javaScriptEnabled
}) => {
	await withVoices(page, [
		{ name: 'Nederlands (test)', lang: 'nl-NL' },
		{ name: 'English (test)', lang: 'en-GB' }
	]);
	await page.goto('/');
	const readAloud = page.getByRole('button', { name: 'Lees voor' });
	if (!javaScriptEnabled) {
		// Without JavaScript nothing could speak, so there is no button that does nothing.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Omzien');
		await expect(readAloud).toHaveCount(0);
		return;
	}
	await readAloud.click();
	const stop = page.getByRole('button', { name: 'Stop met voorlezen' });
	await expect(stop).toHaveAttribute('aria-pressed', 'true');
	expect(await spoken(page)).toEqual([
		{ text: await page.locator('#intro').innerText(), lang: 'nl-NL', voice: 'Nederlands (test)' }
	]);
	expect((await spoken(page))[0].text).toContain('Hier vraagt u hulp aan mensen in uw buurt.');
	await expectNoAxeViolations(page);
	await stop.click();
	await expect(readAloud).toHaveAttribute('aria-pressed', 'false');

	// The code page, where someone who reads poorly may need it most.
	await page.goto('/inloggen');
	await page.getByLabel('Uw e-mailadres').fill('truus@voorbeeld.nl');
	await page.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(page).toHaveURL(/\/inloggen\/code$/);
	await page.getByRole('button', { name: 'Lees voor' }).click();
	expect((await spoken(page)).at(-1)?.text).toContain('We hebben een e-mail met een code gestuurd naar truus@voorbeeld.nl.');

	await page.goto('/');
	await page.getByRole('button', { name: 'English' }).click();
	await page.getByRole('button', { name: 'Read aloud' }).click();
	expect((await spoken(page)).at(-1)).toEqual({
		text: await page.locator('#intro').innerText(),
		lang: 'en-GB',
		voice: 'English (test)'
	});
	await page.getByRole('button', { name: 'Nederlands' }).click();

	// A browser with only an English voice shows no Dutch "Lees voor" that would sound wrong.
	const englishOnly = await page.context().newPage();
	await withVoices(englishOnly, [{ name: 'English (test)', lang: 'en-GB' }]);
	await englishOnly.goto('/');
	await englishOnly.waitForFunction(() => speechSynthesis.getVoices().length > 0);
	await expect(englishOnly.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Omzien');
	await expect(englishOnly.getByRole('button', { name: 'Lees voor' })).toHaveCount(0);
	await englishOnly.close();
});
