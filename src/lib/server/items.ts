// Item types as the server knows them: each domain registers its types once (a link to where a
// person sees the item, and optionally a short preview for the coordinator's list of reports).
// The shared rooms (notifications, moderation, voice) use these; the database has the same types
// in public.item_types.
import type { Db } from './db/clients';

export type Subject = { type: string; id: string };
export type ItemPreview = { text: string; voiceId: string | null };

type ItemType = {
	/** Where a person sees the item, as a path on the site. */
	link: (id: string) => string;
	/** Short previews for the coordinator's list of reports, read under the coordinator's RLS. */
	preview?: (db: Db, ids: string[]) => Promise<Map<string, ItemPreview>>;
};

const itemTypes = new Map<string, ItemType>();

export function registerItemType(type: string, definition: ItemType): void {
	itemTypes.set(type, definition);
}

export function itemLink(subject: Subject): string {
	const type = itemTypes.get(subject.type);
	if (!type) throw new Error(`Unknown item type ${subject.type}: register it with registerItemType().`);
	return type.link(subject.id);
}

export function itemPreviewer(type: string) {
	return itemTypes.get(type)?.preview;
}
