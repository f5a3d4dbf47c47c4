// Initiatives' place in the shared rooms: the item types initiative and initiative_ask (links,
// report previews) and the notification kinds. Imported by lib/server/domains.ts and by every
// module here that notifies.
import { registerItemType, type ItemPreview } from '../items';
import { registerNotificationKinds } from '../notifications';
import { unwrap, type Db } from '../db/clients';

export const INITIATIVE_NOTIFICATION_KINDS = [
	'ask_answered',
	'cofounder_added',
	'ask_question',
	'question_replied',
	'reconsideration_asked',
	'reconsideration_answered',
	'concern_raised',
	'ask_due_soon',
	'ask_escalated',
	'late_asks_list'
] as const;
export type InitiativeNotificationKind = (typeof INITIATIVE_NOTIFICATION_KINDS)[number];

async function previewInitiatives(db: Db, ids: string[]): Promise<Map<string, ItemPreview>> {
	const rows = unwrap(await db.from('initiatives').select('id, name, description, voice_id').in('id', ids));
	return new Map(rows.map((r) => [r.id, { text: [r.name, r.description].filter(Boolean).join(': '), voiceId: r.voice_id }]));
}

async function previewAsks(db: Db, ids: string[]): Promise<Map<string, ItemPreview>> {
	const rows = unwrap(await db.from('initiative_asks').select('id, note, voice_id, details').in('id', ids));
	return new Map(rows.map((r) => [r.id, { text: r.note || Object.values(r.details as Record<string, unknown>).join(', '), voiceId: r.voice_id }]));
}

registerItemType('initiative', { link: (id) => `/initiatieven/${id}`, preview: previewInitiatives });
// An ask is shown on its initiative's page; this path finds the initiative and sends the reader there.
registerItemType('initiative_ask', { link: (id) => `/initiatieven/vraag/${id}`, preview: previewAsks });
registerItemType('initiative_reply', { link: () => '/initiatieven' });
registerItemType('initiative_reconsideration', { link: () => '/initiatieven' });
// The team lead's daily list of late asks is the inbox itself, late asks first.
registerItemType('initiative_late_list', { link: () => '/gemeente' });
registerNotificationKinds([...INITIATIVE_NOTIFICATION_KINDS]);
