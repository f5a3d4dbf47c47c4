// The sociale kaart's place in the shared rooms: a service as an item (the editors' notification
// about a scheduled check points at their list) and that notification kind.
import { registerItemType } from '../items';
import { registerNotificationKinds } from '../notifications';

registerItemType('map_service', { link: () => '/coordinatie/kaart' });
registerNotificationKinds(['map_recheck_due']);
