// The editors' side of the sociale kaart: the coordinators of the organisation that keeps an
// entry see what needs a check (open "Klopt dit niet meer?" tasks, entries not checked for a
// year or hidden) and confirm an entry is still right. RLS limits all of it to their own entries.
import { unwrap, type Db } from '../db/clients';
import { isMissing, isNotAllowed } from '../db/errors';
import type { Freshness } from './index';

export type QueueItem = {
	id: string;
	name: string;
	assured_date: string;
	freshness: Freshness;
	task: { note: string; reports: number; created_at: string } | null;
	changes: { field: string; old_value: unknown; new_value: unknown; changed_at: string }[];
};

/** Entries this coordinator keeps that need attention: open tasks first, then the oldest check. */
export async function listEditorQueue(db: Db, userId: string): Promise<QueueItem[]> {
	const orgs = unwrap(await db.from('memberships').select('organisation_id').eq('profile_id', userId).eq('role', 'coordinator'));
	if (orgs.length === 0) return [];
	const services = unwrap(
		await db
			.from('map_services')
			.select('id, name, assured_date, freshness')
			.in('editor_organisation_id', orgs.map((o) => o.organisation_id))
			.order('assured_date')
	) as unknown as Omit<QueueItem, 'task' | 'changes'>[];
	const ids = services.map((s) => s.id);
	if (ids.length === 0) return [];
	const [tasks, changes] = await Promise.all([
		db.from('map_recheck_tasks').select('service_id, note, reports, created_at').in('service_id', ids).is('done_at', null),
		db.from('map_changes').select('service_id, field, old_value, new_value, changed_at').in('service_id', ids).order('id', { ascending: false }).limit(200)
	]);
	const taskOf = new Map(unwrap(tasks).map((t) => [t.service_id, t]));
	const changesOf = new Map<string, QueueItem['changes']>();
	for (const c of unwrap(changes)) changesOf.set(c.service_id, [...(changesOf.get(c.service_id) ?? []), c]);
	return services
		.map((s) => ({ ...s, task: taskOf.get(s.id) ?? null, changes: (changesOf.get(s.id) ?? []).slice(0, 5) }))
		.filter((s) => s.task || s.freshness !== 'checked' || s.changes.length > 0)
		.sort((a, b) => Number(!!b.task) - Number(!!a.task) || a.assured_date.localeCompare(b.assured_date));
}

/** "Dit klopt nog": checked today by this editor; the open task is closed. */
export async function confirmService(db: Db, id: string): Promise<{ ok: true } | { ok: false; status: 403 | 404 }> {
	const { error } = await db.rpc('confirm_map_service', { service: id });
	if (!error) return { ok: true };
	if (isNotAllowed(error)) return { ok: false, status: 403 };
	if (isMissing(error)) return { ok: false, status: 404 };
	return unwrap({ data: null, error });
}
