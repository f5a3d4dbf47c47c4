import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, signIn, newEmail, sql } from './fixtures';

// Every form action of the built site, posted the way a forged or broken client would: fields
// left out, 100,000 characters, NUL bytes, dates that do not exist, ids that are not ids or that
// point at nothing. Wanted for each post: an answer below 500, and no new row in any table.
// (Posted as plain forms, without JavaScript: the answers are the same with it.)

const LONG = 'x'.repeat(100_000);
const NUL = 'a\u0000b';
const IMPOSSIBLE_DATE = '2099-02-31';
const NOT_AN_ID = 'not-a-uuid';
const UNKNOWN_ID = () => randomUUID();

type Kind = 'text' | 'id' | 'token' | 'date' | 'choice';
type Field = { value: string | string[]; kind: Kind; required?: boolean };
type Action = { who: 'resident' | 'volunteer' | 'coordinator'; path: string; fields: Record<string, Field> };

/** The bad values tried for a field, by what kind of field it is. */
function badValues(kind: Kind): string[] {
	const always = [LONG, NUL];
	if (kind === 'id') return [...always, NOT_AN_ID, UNKNOWN_ID()];
	if (kind === 'token') return [...always, NOT_AN_ID]; // any new UUID is a good one
	if (kind === 'date') return [...always, IMPOSSIBLE_DATE, '2099-13-01'];
	if (kind === 'choice') return [...always, NOT_AN_ID];
	return always;
}

/** One post per bad value per field, one per required field left out, and one with nothing at all. */
function variants(fields: Record<string, Field>): { label: string; form: [string, string][] }[] {
	const entries = (override: Record<string, string | string[] | undefined>) =>
		Object.entries({ ...Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value])), ...override }).flatMap(([k, v]) =>
			v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x] as [string, string])
		);
	const out = [{ label: 'nothing', form: [] as [string, string][] }];
	for (const [name, field] of Object.entries(fields)) {
		if (field.required) out.push({ label: `${name} missing`, form: entries({ [name]: undefined }) });
		for (const bad of badValues(field.kind)) {
			out.push({ label: `${name} = ${JSON.stringify(bad.slice(0, 20))}${bad.length > 20 ? '…' : ''}`, form: entries({ [name]: bad }) });
		}
	}
	return out;
}

async function post(request: APIRequestContext, path: string, form: [string, string][]) {
	const multipart = new FormData();
	for (const [k, v] of form) multipart.append(k, v);
	return request.post(path, { multipart, headers: { origin: process.env.BASE_URL!, accept: 'text/html' }, maxRedirects: 0 });
}

/** How many rows every table in public has now. */
async function rowCounts(): Promise<Record<string, number>> {
	const tables = await sql<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1");
	const counts: Record<string, number> = {};
	for (const { table_name } of tables) {
		const [row] = await sql<{ n: string }>(`select count(*) as n from public."${table_name}"`);
		counts[table_name] = Number(row.n);
	}
	return counts;
}

const OOST = '00000000-0000-4000-8000-000000000103';

test('every form action refuses missing, huge, NUL, impossible and unknown input with a 4xx and saves nothing', async ({ page, browser, baseURL }, testInfo) => {
	test.setTimeout(300_000);
	// Three people, each in their own browser: a new resident, a volunteer and a coordinator.
	await signIn(page, newEmail(testInfo, 'fuzz'), { name: 'Fuzz', area: 'Oost (wijk)' });
	const contexts: Record<Action['who'], Page> = { resident: page, volunteer: page, coordinator: page };
	for (const [who, email] of [['volunteer', 'pieter@voorbeeld.nl'], ['coordinator', 'sanne@voorbeeld.nl']] as const) {
		const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
		contexts[who] = await context.newPage();
		await signIn(contexts[who], email);
	}

	// The resident's own request, asked through the form, to act on.
	const asked = await post(page.request, '/hulp/vragen?/send', [
		['submission_id', randomUUID()], ['category_id', 'garden'], ['description', 'Het gras is te lang.'], ['area_id', OOST], ['when_kind', 'asap']
	]);
	expect(asked.status(), await asked.text()).toBe(303);
	const requestPath = asked.headers().location.replace(/\?.*$/, '');
	const [offer] = await sql<{ id: string }>('select id from help_offers where hidden_at is null and closed_at is null limit 1');
	const [kind] = await sql<{ kind: string }>('select kind from notification_preferences limit 1').then((r) => (r.length ? r : [{ kind: 'message' }]));

	const text = (value: string, required = false): Field => ({ value, kind: 'text', required });
	const id = (value: string, required = true): Field => ({ value, kind: 'id', required });
	const choice = (value: string | string[], required = true): Field => ({ value, kind: 'choice', required });
	const date = (value: string): Field => ({ value, kind: 'date' });
	const askFields = {
		submission_id: { value: randomUUID(), kind: 'token' as const, required: true }, requester_id: id('', false), category_id: choice('garden'), description: text('Gras maaien', true),
		voice_id: id('', false), area_id: id(OOST), address: text(''), when_kind: choice('on_date'), when_date: date('2099-03-01'), when_note: text('')
	};
	const actions: Action[] = [
		{ who: 'resident', path: '/hulp/vragen?/step', fields: { ...askFields, step: choice('when'), direction: choice('next') } },
		{ who: 'resident', path: '/hulp/vragen?/send', fields: askFields },
		// The resident may not introduce, and the request is not matched yet: even good values are refused.
		{ who: 'resident', path: `${requestPath}?/act`, fields: { action: choice('introduce'), helper: id(UNKNOWN_ID(), false) } },
		{ who: 'resident', path: `${requestPath}?/message`, fields: { body: text('Hallo', true) } },
		{ who: 'resident', path: `${requestPath}?/thanks`, fields: { body: text('Dank u', true) } },
		{ who: 'resident', path: `${requestPath}?/summary`, fields: { summary: text('Samenvatting') } },
		{ who: 'resident', path: `${requestPath}?/transcript`, fields: { voice: id(UNKNOWN_ID()), transcript: text('Tekst', true) } },
		{ who: 'resident', path: `/hulp/${NOT_AN_ID}?/message`, fields: { body: text('Hallo', true) } },
		{ who: 'resident', path: `/hulp/${NOT_AN_ID}?/act`, fields: { action: choice('offer') } },
		{ who: 'resident', path: `/hulp/${NOT_AN_ID}?/thanks`, fields: { body: text('Dank u', true) } },
		{ who: 'resident', path: `/hulp/${NOT_AN_ID}?/summary`, fields: { summary: text('x') } },
		{ who: 'resident', path: `${requestPath}/melden`, fields: { reason: text('', true) } },
		{ who: 'resident', path: `/hulp/${NOT_AN_ID}/melden`, fields: { reason: text('Klopt niet', true) } },
		{ who: 'resident', path: `/hulp/aanbod/${offer.id}/melden`, fields: { reason: text('', true) } },
		{ who: 'resident', path: '/meldingen?/preferences', fields: { [kind.kind]: choice('daily') } },
		{ who: 'resident', path: '/account', fields: { display_name: text('Fuzz', true), area_id: id(OOST), preferred_language: choice('nl'), phone: text('bel me maar') } },
		{ who: 'volunteer', path: '/hulp/bieden?/profile', fields: { categories: choice(['garden', 'odd_jobs']), area_id: id(OOST), max_distance_km: text('3', true), slots: choice(['0', '1'], false), skills: text('\u0000') } },
		{ who: 'volunteer', path: '/hulp/bieden?/offer', fields: { category_id: choice('garden'), area_id: id(OOST), description: text('', true), available_on: date('') } },
		{ who: 'volunteer', path: '/hulp/bieden?/close', fields: { offer: id(NOT_AN_ID) } },
		{ who: 'volunteer', path: '/hulp/bieden?/transcript', fields: { voice: id(UNKNOWN_ID()), transcript: text('Tekst', true) } },
		{ who: 'coordinator', path: '/coordinatie/gemeld?/moderate', fields: { action: choice('dismiss'), subject_type: choice('help_request'), subject_id: id(UNKNOWN_ID()), report: id('', false) } },
		{ who: 'coordinator', path: '/coordinatie/vrijwilligers?/vog', fields: { volunteer: id(UNKNOWN_ID()), vog_date: date('2020-01-01') } },
		{ who: 'coordinator', path: '/coordinatie/bewoners/nieuw', fields: { display_name: text('', true), phone: text('043 999 88 77', true), area_id: id(OOST), preferred_language: choice('nl') } },
		// Carers: a confirmation code, a partner's code (the resident is no partner), a code, a call and an answer for nothing.
		{ who: 'resident', path: '/mantelzorg/bevestigen?/look', fields: { code: text('ABCDE-FGHJK', true) } },
		{ who: 'resident', path: '/mantelzorg/bevestigen?/confirm', fields: { code: text('ABCDE-FGHJK', true) } },
		{ who: 'resident', path: '/partner', fields: { code: text('ABCD-EFGH-JKMN', true), action: choice('redeem') } },
		{ who: 'resident', path: `/mantelzorg/${NOT_AN_ID}?/code`, fields: { email: text('') } },
		{ who: 'resident', path: `/mantelzorg/${UNKNOWN_ID()}/gewaardeerd`, fields: { feeling: choice('yes') } },
		{ who: 'coordinator', path: `/mantelzorg/${NOT_AN_ID}?/phone`, fields: { note: text('Gebeld met vader.', true) } }
	];

	const before = await rowCounts();
	const failures: string[] = [];
	for (const action of actions) {
		for (const { label, form } of variants(action.fields)) {
			const response = await post(contexts[action.who].request, action.path, form);
			if (response.status() >= 500) failures.push(`${action.path} with ${label}: ${response.status()}`);
			else if (response.status() < 400 && response.status() !== 200) failures.push(`${action.path} with ${label}: accepted (${response.status()})`);
		}
	}
	expect(failures).toEqual([]);
	const after = await rowCounts();
	const grown = Object.keys(after).filter((t) => after[t] !== before[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);
	expect(grown).toEqual([]);
});

test('a forged unknown area, an impossible date and a NUL byte each get a plain message next to their field', async ({ page }) => {
	await signIn(page, 'pieter@voorbeeld.nl');
	const before = await rowCounts();
	const errorOf = (html: string, id: string) => new RegExp(`id="${id}-error"[^>]*>([^<]*)<`).exec(html.replace(/<!--.*?-->/g, ''))?.[1].trim();
	const send = (path: string, form: [string, string][]) => post(page.request, path, form);

	const profile = await send('/hulp/bieden?/profile', [['categories', 'garden'], ['area_id', randomUUID()], ['max_distance_km', '3']]);
	expect(profile.status()).toBe(400);
	expect(errorOf(await profile.text(), 'v_area')).toBe('Kies een wijk of dorp uit de lijst.');

	const offer = await send('/hulp/bieden?/offer', [['category_id', 'garden'], ['area_id', randomUUID()], ['description', 'Ik maai gras.'], ['available_on', '']]);
	expect(offer.status()).toBe(400);
	expect(errorOf(await offer.text(), 'o_area')).toBe('Kies een wijk of dorp uit de lijst.');

	const date = await send('/hulp/bieden?/offer', [['category_id', 'garden'], ['area_id', OOST], ['description', 'Ik maai gras.'], ['available_on', IMPOSSIBLE_DATE]]);
	expect(date.status()).toBe(400);
	expect(errorOf(await date.text(), 'o_date')).toBe('Deze datum bestaat niet. Kies een dag in de kalender.');

	const nul = await send('/hulp/bieden?/offer', [['category_id', 'garden'], ['area_id', OOST], ['description', NUL], ['available_on', '']]);
	expect(nul.status()).toBe(400);
	expect(errorOf(await nul.text(), 'o_description')).toBe('Er staat een teken in de tekst dat hier niet kan. Typ de tekst opnieuw, zonder kopiëren en plakken.');

	expect((await send(`/hulp/${NOT_AN_ID}?/message`, [['body', 'Hallo']])).status()).toBe(404);
	expect(await rowCounts()).toEqual(before);
});
