// Worry signals' place in the shared rooms: the item type worry_signal (its page, a preview for
// whoever may read it) and the notification kinds. Imported by lib/server/domains.ts.
import { registerItemType, type ItemPreview } from '../items';
import { registerNotificationKinds } from '../notifications';
import { unwrap, type Db } from '../db/clients';

export const SIGNAL_NOTIFICATION_KINDS = ['worry_signal_new', 'worry_signal_picked_up'] as const;

async function previewSignals(db: Db, ids: string[]): Promise<Map<string, ItemPreview>> {
	const rows = unwrap(await db.from('worry_signals').select('id, body, voice_id').in('id', ids));
	return new Map(rows.map((r) => [r.id, { text: r.body ?? '', voiceId: r.voice_id }]));
}

registerItemType('worry_signal', { link: (id) => `/zorgen/${id}`, preview: previewSignals });
registerNotificationKinds([...SIGNAL_NOTIFICATION_KINDS]);
