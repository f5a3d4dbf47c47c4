// Client-safe facts about the kinds of ask: their pictogram and which details to show, in order.
import type { IconName } from '$lib/icons';
import type { AskKind } from '$lib/schemas/initiatives';

export const KIND_ICONS: Record<AskKind, IconName> = {
	permit: 'file-certificate',
	space: 'building-community',
	green: 'plant',
	budget: 'coin',
	materials: 'package',
	contact: 'address-book',
	task: 'checklist'
};

export const DETAIL_FIELDS: Record<AskKind, string[]> = {
	permit: ['date', 'from', 'until', 'visitors'],
	space: ['building', 'date_or_slot'],
	green: ['place', 'use'],
	budget: ['amount', 'costs'],
	materials: ['items', 'date'],
	contact: ['who'],
	task: ['task', 'how', 'needs']
};

/** The sentence for an ask's clock, as an i18n key and its date, from the state the database derived. */
export function clockText(state: string | null, dueOn: string | null): { key: string; date: string | null } | null {
	if (state === 'draft') return { key: 'initiatives.clock.draft', date: null };
	if (state === 'open') return { key: 'initiatives.clock.due', date: dueOn };
	if (state === 'late') return { key: 'initiatives.clock.late', date: dueOn };
	if (state === 'waiting') return { key: 'initiatives.clock.waiting', date: null };
	if (state === 'yes_by_silence') return { key: 'initiatives.clock.silence', date: null };
	return null;
}
