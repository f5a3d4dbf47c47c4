import { describe, expect, it } from 'vitest';
import { kaartLink, kaartLinkForHelp } from '../../src/lib/kaart-link';

const OOST = '00000000-0000-4000-8000-000000000103';

describe('links into the sociale kaart', () => {
	it('chooses the topic and the area', () => {
		expect(kaartLink({ topic: 'carers', area: OOST })).toBe(`/kaart?topic=carers&area=${OOST}`);
	});
	it('leaves out what is not known', () => {
		expect(kaartLink({ area: OOST })).toBe(`/kaart?area=${OOST}`);
		expect(kaartLink({ topic: 'company', area: null })).toBe('/kaart?topic=company');
		expect(kaartLink({})).toBe('/kaart');
	});
	it('maps each kind of help to the nearest topic', () => {
		expect(kaartLinkForHelp('groceries', OOST)).toBe(`/kaart?topic=food&area=${OOST}`);
		expect(kaartLinkForHelp('odd_jobs', null)).toBe('/kaart?topic=home');
		expect(kaartLinkForHelp('ride', null)).toBe('/kaart?topic=transport');
		expect(kaartLinkForHelp('paperwork', null)).toBe('/kaart?topic=money');
	});
	it('a kind of help without a topic links to the area only', () => {
		expect(kaartLinkForHelp('unknown_kind', OOST)).toBe(`/kaart?area=${OOST}`);
		expect(kaartLinkForHelp(null, null)).toBe('/kaart');
	});
});
