// The coordination room's notification kinds: the volunteer a coordinator introduced is told
// (the requester hears it from help as an offer), and the coordinators' VOG reminder a month
// before a volunteer's VOG runs out.
import { registerNotificationKinds } from '../notifications';
import { registerItemType } from '../items';

export const COORDINATION_NOTIFICATION_KINDS = ['introduced', 'vog_expiring', 'volunteer_message'] as const;
registerNotificationKinds([...COORDINATION_NOTIFICATION_KINDS]);

// A volunteer as the subject of a VOG reminder: the coordinators' list of volunteers.
registerItemType('volunteer', { link: () => '/coordinatie/vrijwilligers' });
// A coordinator's message to volunteers: read on its own page.
registerItemType('volunteer_message', { link: (id) => `/berichten/${id}` });
