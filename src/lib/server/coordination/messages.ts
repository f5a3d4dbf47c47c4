// A coordinator's message to the volunteers of an area (all, or those who do one kind of help).
// Each is told through the notifications room, which follows their own choice per kind (right
// away, once a day, or never by e-mail). RLS: only coordinators of the area write; only they
// and the volunteers it went to read it.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { isBadInput, isNotAllowed, isUnknownReference } from '../db/errors';
import { notify } from '../notifications';
import type { FieldRefusal } from '$lib/schemas/fields';
import './register';

export async function messageVolunteers(
	db: Db,
	input: { area_id: string; category_id: string; body: string },
	origin: string
): Promise<FieldRefusal | { sent: number }> {
	const { data, error } = await db
		.from('volunteer_messages')
		.insert({ area_id: input.area_id, category_id: input.category_id || null, body: input.body })
		.select('id')
		.single();
	if (error) {
		if (isNotAllowed(error)) return { status: 403, field: 'area_id', message: 'coordination.message.notYourArea' };
		if (isBadInput(error) || isUnknownReference(error)) return { status: 400, field: 'body', message: 'coordination.message.bodyMissing' };
		return unwrap({ data: null, error });
	}
	const recipients = unwrap(await db.rpc('volunteer_message_recipients', { message: data.id }));
	await notify('volunteer_message', recipients, { type: 'volunteer_message', id: data.id }, origin);
	return { sent: recipients.length };
}

/** One message as this person may read it (a coordinator of the area or a volunteer it went to). */
export async function readVolunteerMessage(db: Db, id: string) {
	return unwrapMaybe(
		await db.from('volunteer_messages').select('id, body, sent_at, category_id, area:areas(name), sender:profiles(display_name)').eq('id', id).maybeSingle()
	);
}

/** The areas the coordinator may write to. */
export async function myAreas(db: Db) {
	const ids = unwrap(await db.rpc('my_coordinator_areas'));
	return ids.length ? unwrap(await db.from('areas').select('id, name, kind').in('id', ids).order('name')) : [];
}
