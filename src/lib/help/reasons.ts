// Why a helper is suggested, in plain words: "woont 800 meter verderop · kan op dinsdagmiddag".
import { DAYS, PARTS, maskToSlots, SLOTS_PER_DAY } from '$lib/schemas/help';
import { numberFormat } from '$lib/intl';

export type Suggestion = {
	kind: string | null;
	distance_m: number | null;
	common_slots: number | null;
	common_mask: number | null;
	recent_matches: number | null;
	has_vog: boolean | null;
};

export type Translate = (key: string, options?: { values?: Record<string, string | number> }) => string;

/** Rounded to what a person would say: 50 m steps nearby, one decimal in kilometres. */
export function distanceWords(meters: number, t: Translate, locale: string): string {
	if (meters < 1000) return t('help.reason.meters', { values: { n: Math.max(50, Math.round(meters / 50) * 50) } });
	const km = numberFormat(locale, { maximumFractionDigits: 1 }).format(Math.round(meters / 100) / 10);
	return t('help.reason.kilometers', { values: { n: km } });
}

export function slotWords(slot: number, t: Translate): string {
	const day = DAYS[Math.floor(slot / SLOTS_PER_DAY)];
	const part = PARTS[slot % SLOTS_PER_DAY];
	return t(`help.slot.${day}_${part}`);
}

export function suggestionReason(s: Suggestion, t: Translate, locale = 'nl-NL', needsVog = false): string {
	const parts: string[] = [];
	if (s.kind === 'offer') parts.push(t('help.reason.offered'));
	if (s.distance_m !== null) {
		parts.push(s.distance_m < 100 ? t('help.reason.sameStreet') : t('help.reason.livesAway', { values: { distance: distanceWords(s.distance_m, t, locale) } }));
	}
	const slots = maskToSlots(s.common_mask ?? 0);
	if (slots.length > 0 && slots.length < 21) parts.push(t('help.reason.canOn', { values: { when: slotWords(slots[0], t) } }));
	if (needsVog && s.has_vog) parts.push(t('help.reason.hasVog'));
	if (s.kind !== 'offer') {
		parts.push(s.recent_matches ? t('help.reason.helpedRecently', { values: { n: s.recent_matches } }) : t('help.reason.notBusy'));
	}
	return parts.join(' · ');
}
