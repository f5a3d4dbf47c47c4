// Moderation, for every domain: anyone signed in reports an item; coordinators of its area see
// the report and hide or unhide the item, block or unblock a person, or dismiss the report. The
// database checks who may do what and logs it (moderate()).
import { unwrap, type Db } from '../db/clients';
import { itemLink, itemPreviewer, type ItemPreview, type Subject } from '../items';
import { isBadInput, isMissing, isNotAllowed } from '../db/errors';

export type ModerationAction = 'hide' | 'unhide' | 'block' | 'unblock' | 'dismiss';
export type Outcome = { ok: true } | { ok: false; status: 400 | 403 | 404 };

export async function report(db: Db, reporterId: string, subject: Subject, reason: string): Promise<Outcome> {
	// area_id is set by the database from the item itself; the value here is overwritten.
	const { error } = await db
		.from('reports')
		.insert({ reporter_id: reporterId, subject_type: subject.type, subject_id: subject.id, reason, area_id: '00000000-0000-0000-0000-000000000000' });
	if (!error) return { ok: true };
	if (isMissing(error)) return { ok: false, status: 404 };
	if (isNotAllowed(error)) return { ok: false, status: 403 };
	throw new Error(error.message);
}

/** Open reports in the coordinator's areas (RLS), oldest first, each with a link and a preview. */
export async function listOpenReports(db: Db) {
	const reports = unwrap(
		await db.from('reports').select('id, subject_type, subject_id, reason, created_at, areas(name)').is('handled_at', null).order('created_at')
	);
	const previews = new Map<string, ItemPreview>();
	for (const type of new Set(reports.map((r) => r.subject_type))) {
		const preview = itemPreviewer(type);
		if (!preview) continue;
		const found = await preview(db, reports.filter((r) => r.subject_type === type).map((r) => r.subject_id));
		for (const [id, p] of found) previews.set(`${type}:${id}`, p);
	}
	return reports.map((r) => ({
		...r,
		link: itemLink({ type: r.subject_type, id: r.subject_id }),
		preview: previews.get(`${r.subject_type}:${r.subject_id}`) ?? null
	}));
}

export async function moderate(db: Db, action: ModerationAction, subject: Subject, reportId?: string): Promise<Outcome> {
	const { error } = await db.rpc('moderate', { p_action: action, p_subject_type: subject.type, p_subject_id: subject.id, p_report: reportId });
	if (!error) return { ok: true };
	if (isNotAllowed(error)) return { ok: false, status: 403 };
	if (isBadInput(error)) return { ok: false, status: 400 };
	if (isMissing(error)) return { ok: false, status: 404 };
	throw new Error(error.message);
}
