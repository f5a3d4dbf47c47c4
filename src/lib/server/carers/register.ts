// Carers' place in the shared rooms: the application as an item type (a link for notifications;
// its recording is heard by whoever may read it, see the migration) and the notification kinds.
// Imported by lib/server/domains.ts and by every carers module that notifies.
import { registerItemType } from '../items';
import { registerNotificationKinds } from '../notifications';

export const CARER_NOTIFICATION_KINDS = ['carer_approved', 'carer_question', 'carer_refused', 'carer_confirm_reminder', 'carer_not_confirmed', 'carer_invited', 'carer_window_closing', 'carer_day'] as const;
export type CarerNotificationKind = (typeof CARER_NOTIFICATION_KINDS)[number];

registerItemType('carer_application', { link: (id) => `/mantelzorg/${id}` });
// The yearly round's messages lead to the start page: the invitation, the activities of the day.
registerItemType('carer_invitation', { link: () => '/mantelzorg' });
// A check of "Hoe gaat het met u?", for its voice note: the carer sees it in their history.
registerItemType('carer_check', { link: () => '/mantelzorg/hoe-gaat-het' });
registerNotificationKinds([...CARER_NOTIFICATION_KINDS]);
