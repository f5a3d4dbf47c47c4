// Call-back tasks on the workspace: a carer's "Bel mij terug" (made by the carers' domain) for
// carers in the coordinator's own areas. Read and written only through SQL functions
// (coordinator_call_backs, coordinator_pick_up_call_back, coordinator_finish_call_back) that keep
// what the coordinator did in coordination's own table; nothing of the carers' code is used.
// Done on either side (here or on the carer-support team's list) is done on both.
import { unwrap, type Db } from '../db/clients';
import { isBadInput, isDuplicate, isNotAllowed } from '../db/errors';
import type { FieldRefusal } from '$lib/schemas/fields';

export type CallBack = {
	id: string;
	asked_at: string;
	carer_name: string;
	phone: string | null;
	email: string | null;
	area_name: string;
	picked_up_by: string | null;
	picked_up_at: string | null;
	mine: boolean | null;
	done_by: string | null;
	done_at: string | null;
	note: string | null;
};

/** Open call-backs (oldest first), then those done in the last two weeks. */
export async function listCallBacks(db: Db): Promise<CallBack[]> {
	return unwrap(await db.rpc('coordinator_call_backs')) as CallBack[];
}

type RpcResult = Awaited<ReturnType<Db['rpc']>>;

function refusal(result: RpcResult, duplicate: string): FieldRefusal | null {
	const { error } = result;
	if (!error) return null;
	if (isNotAllowed(error)) return { status: 403, field: '', message: 'coordination.callBacks.notYours' };
	// the database says which: taken by someone else, or already done (here or by the carer-support team)
	if (isDuplicate(error)) return { status: 409, field: '', message: error.message.startsWith('coordination.callBacks.') ? error.message : duplicate };
	if (isBadInput(error)) return { status: 400, field: 'note', message: 'coordination.callBacks.noteMissing' };
	unwrap(result);
	return null;
}

/** "Ik pak dit op". */
export async function pickUpCallBack(db: Db, id: string): Promise<FieldRefusal | null> {
	return refusal(await db.rpc('coordinator_pick_up_call_back', { p_id: id }), 'coordination.callBacks.alreadyPicked');
}

/** "Klaar", with a short note of what was agreed. */
export async function finishCallBack(db: Db, id: string, note: string): Promise<FieldRefusal | null> {
	return refusal(await db.rpc('coordinator_finish_call_back', { p_id: id, p_note: note }), 'coordination.callBacks.alreadyDone');
}
