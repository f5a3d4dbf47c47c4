// Reports about help: a request, the other person in it, or an offer. The moderation room does
// the rest; this only decides what exactly is reported.
import type { Db } from '../db/clients';
import type { SessionUser } from '../auth/session';
import { report } from '../moderation';
import { readRequest } from './requests';
import { readOffer } from './volunteers';
import './register';

/** About the other person (only for the two people involved), or about the request itself. */
export async function reportRequest(db: Db, user: SessionUser, requestId: string, aboutPerson: boolean, reason: string) {
	const target = await readRequest(db, requestId);
	if (!target) return { ok: false as const, status: 404 as const };
	const other = user.id === target.requester_id ? target.helper_id : user.id === target.helper_id ? target.requester_id : null;
	const subject = aboutPerson && other ? { type: 'person', id: other } : { type: 'help_request', id: target.id };
	return report(db, user.id, subject, reason);
}

export async function reportOffer(db: Db, user: SessionUser, offerId: string, reason: string) {
	const offer = await readOffer(db, offerId);
	if (!offer) return { ok: false as const, status: 404 as const };
	return report(db, user.id, { type: 'help_offer', id: offer.id }, reason);
}
