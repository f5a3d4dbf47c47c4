// Help's place in the shared rooms: its item types (links and report previews) and its
// notification kinds. Imported by every help module that notifies, and by lib/server/domains.ts.
import { registerItemType, type ItemPreview } from '../items';
import { registerNotificationKinds } from '../notifications';
import { unwrap, type Db } from '../db/clients';

export const HELP_NOTIFICATION_KINDS = ['new_request_nearby', 'offer_received', 'offer_accepted', 'reminder', 'done', 'message'] as const;
export type HelpNotificationKind = (typeof HELP_NOTIFICATION_KINDS)[number];

async function previewRequests(db: Db, ids: string[]): Promise<Map<string, ItemPreview>> {
	const rows = unwrap(await db.from('help_requests').select('id, description, summary, voice_id').in('id', ids));
	return new Map(rows.map((r) => [r.id, { text: r.description || r.summary || '', voiceId: r.voice_id }]));
}

async function previewOffers(db: Db, ids: string[]): Promise<Map<string, ItemPreview>> {
	const rows = unwrap(await db.from('help_offers').select('id, description, voice_id').in('id', ids));
	return new Map(rows.map((o) => [o.id, { text: o.description, voiceId: o.voice_id }]));
}

registerItemType('help_request', { link: (id) => `/hulp/${id}`, preview: previewRequests });
registerItemType('help_offer', { link: () => '/hulp/aanbod', preview: previewOffers });
registerNotificationKinds([...HELP_NOTIFICATION_KINDS]);
