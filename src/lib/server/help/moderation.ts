// Safety: reports, and what a coordinator does with them (hide, block), logged by the database.
import { unwrap, type Db } from '../db/clients';

export type ReportTarget = { request_id?: string; offer_id?: string; person_id?: string };

export async function report(db: Db, reporterId: string, target: ReportTarget, areaId: string, reason: string) {
	unwrap(await db.from('reports').insert({ reporter_id: reporterId, area_id: areaId, reason, ...target }));
}

export async function listOpenReports(db: Db) {
	return unwrap(
		await db
			.from('reports')
			.select('id, request_id, offer_id, person_id, reason, created_at, areas(name), help_offers(description, voice_id)')
			.is('handled_at', null)
			.order('created_at')
	);
}

export type ModerationAction = 'hide_request' | 'hide_offer' | 'block_person' | 'unblock_person' | 'dismiss';

export async function moderate(db: Db, action: ModerationAction, target: string, reportId?: string) {
	unwrap(await db.rpc('moderate', { p_action: action, p_target: target, p_report: reportId }));
}
