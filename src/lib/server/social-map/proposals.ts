// Change proposals: the people of a provider propose new values for its entry; an editor of the
// entry approves (the edit is logged field by field with old and new value) or turns it down.
// RLS and decide_map_proposal() decide who may do what.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { isBadInput, isMissing, isNotAllowed, isRefusedNow } from '../db/errors';
import type { FieldRefusal } from '$lib/schemas/fields';
import type { ProposalInput } from '$lib/schemas/social-map';
import type { Json } from '../db/types';

const FIELDS = ['name', 'summary', 'description', 'phone', 'email', 'url'] as const;
type Field = (typeof FIELDS)[number];

/** Whether this person may propose changes to the entry (they belong to its provider). */
export async function canPropose(db: Db, serviceId: string): Promise<boolean> {
	return unwrap(await db.rpc('is_map_provider_of', { service: serviceId })) === true;
}

async function currentValues(db: Db, serviceId: string) {
	return unwrapMaybe(await db.from('map_services').select('id, name, summary, description, phone, email, url').eq('id', serviceId).maybeSingle());
}

/** The entry's current values, to start the proposal form from. Null: not visible. */
export async function readForProposal(db: Db, serviceId: string) {
	return currentValues(db, serviceId);
}

/** Saves only what differs from the entry now; nothing changed is a refusal next to the first field. */
export async function proposeChange(db: Db, serviceId: string, input: ProposalInput): Promise<FieldRefusal | null> {
	const now = await currentValues(db, serviceId);
	if (!now) return { status: 404, field: 'name', message: 'socialMap.errors.not_found' };
	const changes: Partial<Record<Field, string>> = {};
	for (const f of FIELDS) if ((now[f] ?? '') !== input[f]) changes[f] = input[f];
	if (Object.keys(changes).length === 0) return { status: 400, field: 'name', message: 'socialMap.propose.nothing' };
	const { error } = await db.from('map_change_proposals').insert({ service_id: serviceId, changes: changes as Json, note: input.note });
	if (!error) return null;
	if (isNotAllowed(error)) return { status: 403, field: 'name', message: 'socialMap.propose.notYours' };
	if (isBadInput(error)) return { status: 400, field: 'name', message: 'errors.form' };
	return unwrap({ data: null, error });
}

export type OpenProposal = {
	id: string;
	service_id: string;
	service_name: string;
	proposed_at: string;
	note: string;
	fields: { field: string; old_value: string; new_value: string }[];
};

/** For an editor: open proposals for the entries they keep, each field with its value now and the proposed one. */
export async function listOpenProposals(db: Db): Promise<OpenProposal[]> {
	const rows = unwrap(
		await db
			.from('map_change_proposals')
			.select('id, service_id, proposed_at, note, changes, service:map_services(name, summary, description, phone, email, url, editor_organisation_id)')
			.eq('status', 'open')
			.order('proposed_at')
	) as unknown as { id: string; service_id: string; proposed_at: string; note: string; changes: Record<string, string>; service: Record<string, string | null> | null }[];
	const editable = await Promise.all(rows.map(async (r) => r.service && unwrap(await db.rpc('is_map_editor', { organisation: r.service.editor_organisation_id! }))));
	return rows
		.filter((_, i) => editable[i])
		.map((r) => ({
			id: r.id, service_id: r.service_id, service_name: r.service?.name ?? '', proposed_at: r.proposed_at, note: r.note,
			fields: Object.entries(r.changes).map(([field, value]) => ({ field, old_value: r.service?.[field] ?? '', new_value: value }))
		}));
}

/** An editor approves or turns down a proposal. */
export async function decideProposal(db: Db, id: string, approve: boolean): Promise<FieldRefusal | null> {
	const { error } = await db.rpc('decide_map_proposal', { p_proposal: id, p_approve: approve });
	if (!error) return null;
	if (isNotAllowed(error)) return { status: 403, field: 'proposal', message: 'errors.not_allowed' };
	if (isMissing(error)) return { status: 404, field: 'proposal', message: 'socialMap.errors.not_found' };
	if (isRefusedNow(error)) return { status: 409, field: 'proposal', message: 'socialMap.propose.decided' };
	if (isBadInput(error)) return { status: 400, field: 'proposal', message: 'socialMap.propose.refusedByMap' };
	return unwrap({ data: null, error });
}
