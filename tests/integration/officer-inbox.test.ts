// The officer's inbox in one call (officer_inbox(), initiatives/answers.ts listInbox): the same asks
// and reconsiderations the separate reads gave (the RLS view, then is_team_lead_for_ask() per
// reconsideration), and nothing for someone who is no officer.
import { describe, expect, it } from 'vitest';
import { areas, asUser, people } from './helpers';
import { listInbox } from '../../src/lib/server/initiatives/answers';

const ORDER: Record<string, number> = { late: 0, open: 1, waiting: 2 };

describe('officer_inbox(): the inbox in one call', () => {
	it('an officer: the unanswered asks of the municipality (late first) and the reconsiderations of the teams they lead', async () => {
		const db = await asUser(people.ahmed);
		const inbox = await listInbox(db);
		const rows = (
			await db
				.from('initiative_ask_states')
				.select('id, initiative_id, initiative_name, kind, sent_on, due_on, state, area_name')
				.not('sent_on', 'is', null)
				.is('first_answered_at', null)
				.in('state', ['open', 'late', 'waiting'])
				.order('due_on')
		).data!;
		rows.sort((a, b) => ORDER[a.state!] - ORDER[b.state!] || a.due_on!.localeCompare(b.due_on!) || a.id!.localeCompare(b.id!));
		expect(inbox.asks).toEqual(rows);
		expect(inbox.asks.length).toBeGreaterThan(0);

		const open = (await db.from('initiative_reconsiderations').select('id, ask_id, sent_on, due_on').is('responded_at', null).order('due_on')).data!;
		const leads = await Promise.all(open.map((r) => db.rpc('is_team_lead_for_ask', { p_ask: r.ask_id }).then((x) => x.data)));
		expect(inbox.reconsiderations.map((r) => r.id).sort()).toEqual(open.filter((_, i) => leads[i] === true).map((r) => r.id).sort());

		const permits = await listInbox(db, { kind: 'permit' });
		expect(permits.asks.every((a) => a.kind === 'permit')).toBe(true);
		expect(permits.asks.map((a) => a.id)).toEqual(inbox.asks.filter((a) => a.kind === 'permit').map((a) => a.id));
	});

	it('filters by area and by state, and offers the areas of the officer’s municipality', async () => {
		const db = await asUser(people.ahmed);
		const inbox = await listInbox(db);
		expect(inbox.areas.map((a) => a.id)).toEqual(expect.arrayContaining([areas.centrum, areas.noord, areas.heide]));
		const inNoord = (
			await db.from('initiative_ask_states').select('id').eq('area_id', areas.noord).not('sent_on', 'is', null).is('first_answered_at', null).in('state', ['open', 'late', 'waiting'])
		).data!.map((r) => r.id);
		expect(inNoord.length).toBeGreaterThan(0);
		expect(inNoord.length).toBeLessThan(inbox.asks.length); // so the filter leaves some out
		const noord = await listInbox(db, { area: areas.noord });
		expect(noord.asks.map((a) => a.id).sort()).toEqual(inNoord.sort());
		for (const state of ['late', 'open', 'waiting'] as const) {
			const only = await listInbox(db, { state });
			expect(only.asks.map((a) => a.id)).toEqual(inbox.asks.filter((a) => a.state === state).map((a) => a.id));
		}
		// both at once
		const lateInNoord = await listInbox(db, { area: areas.noord, state: 'late' });
		expect(lateInNoord.asks.map((a) => a.id)).toEqual(noord.asks.filter((a) => a.state === 'late').map((a) => a.id));
	});

	it('a resident who founded a plan is no officer: an empty inbox', async () => {
		const inbox = await listInbox(await asUser(people.truus));
		expect(inbox).toEqual({ asks: [], areas: [], reconsiderations: [] });
	});
});
