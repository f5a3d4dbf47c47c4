// People in the shared rooms: a person can be reported and blocked; coordinators see them here.
import { registerItemType } from '../items';

registerItemType('person', { link: (id) => `/coordinatie/bewoners/${id}` });
