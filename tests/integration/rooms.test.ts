// The shared rooms (notifications, moderation, voice) tested once, with a stand-in item type that
// no domain has: a "test note". A new domain gets reports, hiding, recordings and notifications
// by registering its type, as this file does, without touching the rooms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, areas, people, sql } from './helpers';
import { readVoiceBytes, saveVoice } from '../../src/lib/server/voice/store';
import { report, moderate, listOpenReports } from '../../src/lib/server/moderation';
import { notify, listNotifications, registerNotificationKinds } from '../../src/lib/server/notifications';
import { registerItemType } from '../../src/lib/server/items';
// The site loads every domain at start; so does this test, since other test files leave reports on their items.
import '../../src/lib/server/domains';
import { makeWav } from '../support/wav';

const wavFile = () => new File([new Uint8Array(makeWav(1))], 'bericht.wav', { type: 'audio/wav' });

beforeAll(async () => {
	await sql(`
		create table public.test_notes (
			id uuid primary key default gen_random_uuid(),
			author_id uuid not null references public.profiles (id),
			area_id uuid not null references public.areas (id),
			body text not null default '',
			voice_id uuid references public.voice_messages (id),
			hidden_at timestamptz
		);
		comment on table public.test_notes is 'A stand-in item type for the shared rooms'' tests.';
		alter table public.test_notes enable row level security;
		create policy "Authors and coordinators of the area can read test notes" on public.test_notes
			for select to authenticated using (author_id = (select auth.uid()) or public.is_coordinator_for_area(area_id));
		create policy "People can write their own test notes" on public.test_notes
			for insert to authenticated with check (author_id = (select auth.uid()) and (voice_id is null or public.is_own_draft_voice(voice_id)));
		create function public.test_note_area(p_id uuid) returns uuid
			language sql stable security definer set search_path = ''
			as $$ select n.area_id from public.test_notes n where n.id = p_id; $$;
		revoke execute on function public.test_note_area(uuid) from public, anon, authenticated;
		insert into public.item_types (type, table_name, area_function, hidden_column, voice_column)
			values ('test_note', 'public.test_notes', 'public.test_note_area(uuid)', 'hidden_at', 'voice_id');
		create trigger test_notes_tie_voice after insert on public.test_notes
			for each row when (new.voice_id is not null) execute function public.tie_voice_to_item('test_note');
		create policy "Whoever may read a test note may hear its recording" on public.voice_messages
			for select to authenticated
			using (subject_type = 'test_note' and exists (select 1 from public.test_notes n where n.id = subject_id));
		notify pgrst, 'reload schema';
	`);
	registerItemType('test_note', { link: (id) => `/test/${id}` });
	registerNotificationKinds(['test_note_added']);
	// PostgREST reloads its schema cache in the background.
	const truus = await asUser(people.truus);
	for (let i = 0; i < 50 && (await truus.from('test_notes' as never).select('id')).error; i++) await new Promise((r) => setTimeout(r, 100));
});

afterAll(async () => {
	await sql(`
		delete from public.reports where subject_type = 'test_note';
		delete from public.notifications where subject_type = 'test_note';
		drop policy "Whoever may read a test note may hear its recording" on public.voice_messages;
		drop table public.test_notes;
		delete from public.voice_messages where subject_type = 'test_note';
		delete from public.item_types where type = 'test_note';
		drop function public.test_note_area(uuid);
		notify pgrst, 'reload schema';
	`);
	// Wait until PostgREST has reloaded (the table is gone from its cache), so the next test file
	// does not meet a schema cache in the middle of a reload.
	const truus = await asUser(people.truus);
	for (let i = 0; i < 50 && !(await truus.from('test_notes' as never).select('id')).error; i++) await new Promise((r) => setTimeout(r, 100));
	await new Promise((r) => setTimeout(r, 500));
});

async function writeNote(author: string, area: string, voiceId: string | null = null) {
	const db = await asUser(author);
	for (let attempt = 0; ; attempt++) {
		const { data, error } = await db.from('test_notes' as never).insert({ author_id: author, area_id: area, body: 'Een notitie', voice_id: voiceId } as never).select('id').single();
		// Right after the table is made, PostgREST may still be reloading its schema cache.
		if (error && !error.code?.match(/^[0-9]/) && attempt < 30) {
			await new Promise((r) => setTimeout(r, 100));
			continue;
		}
		return { id: (data as { id: string } | null)?.id ?? '', error };
	}
}

describe('moderation of any item type', () => {
	it('a report goes to the coordinators of the item’s area; they hide it; others cannot', async () => {
		const note = await writeNote(people.truus, areas.noord);
		expect(note.error, JSON.stringify(note.error)).toBeNull();
		expect(await report(await asUser(people.jan), people.jan, { type: 'test_note', id: note.id }, 'Dit hoort hier niet.')).toEqual({ ok: true });
		const seen = await listOpenReports(await asUser(people.sanne));
		const mine = seen.find((r) => r.subject_id === note.id);
		expect(mine).toMatchObject({ subject_type: 'test_note', link: `/test/${note.id}`, areas: { name: 'Noord' } });
		expect((await listOpenReports(await asUser(people.kees))).find((r) => r.subject_id === note.id)).toBeUndefined();

		expect(await moderate(await asUser(people.kees), 'hide', { type: 'test_note', id: note.id }, mine!.id)).toEqual({ ok: false, status: 403 });
		expect(await moderate(await asUser(people.sanne), 'block', { type: 'test_note', id: note.id })).toEqual({ ok: false, status: 400 });
		expect(await moderate(await asUser(people.sanne), 'hide', { type: 'test_note', id: note.id }, mine!.id)).toEqual({ ok: true });
		const [row] = await sql<{ hidden_at: string | null }>('select hidden_at from public.test_notes where id = $1', [note.id]);
		expect(row.hidden_at).not.toBeNull();
		const [handled] = await sql<{ handled_by: string }>('select handled_by from public.reports where id = $1', [mine!.id]);
		expect(handled.handled_by).toBe(people.sanne);
		const [logged] = await sql<{ action: string }>(`select action from public.audit_log where details ->> 'subject_id' = $1`, [note.id]);
		expect(logged.action).toBe('moderation.hide');
	});

	it('a report about something that does not exist is refused', async () => {
		expect(await report(await asUser(people.jan), people.jan, { type: 'test_note', id: '00000000-0000-4000-8000-00000000dead' }, 'Weg?')).toEqual({ ok: false, status: 404 });
	});
});

describe('recordings on any item type', () => {
	it('a draft is tied to the note that points at it; who may read the note may hear it', async () => {
		const saved = await saveVoice(await asUser(people.truus), people.truus, wavFile());
		if (!saved.ok) throw new Error(saved.error);
		const note = await writeNote(people.truus, areas.noord, saved.id);
		expect(note.error).toBeNull();
		const [voice] = await sql<{ subject_type: string; subject_id: string }>('select subject_type, subject_id from public.voice_messages where id = $1', [saved.id]);
		expect(voice).toEqual({ subject_type: 'test_note', subject_id: note.id });
		expect(await readVoiceBytes(people.truus, saved.id)).not.toBeNull();
		expect(await readVoiceBytes(people.sanne, saved.id)).not.toBeNull();
		for (const who of [people.jan, people.kees, people.fatima]) expect(await readVoiceBytes(who, saved.id)).toBeNull();
	});

	it('nobody ties someone else’s recording to their note', async () => {
		const saved = await saveVoice(await asUser(people.truus), people.truus, wavFile());
		if (!saved.ok) throw new Error(saved.error);
		const note = await writeNote(people.jan, areas.heide, saved.id);
		expect(note.error?.code).toBe('42501');
	});
});

describe('notifications about any item type', () => {
	it('lands in the list with a link to the item; a resident without e-mail is told through the coordinator who registered her', async () => {
		const note = await writeNote(people.truus, areas.noord);
		await notify('test_note_added', [people.truus, people.willems], { type: 'test_note', id: note.id }, 'http://omzien.test');
		const truusList = await listNotifications(await asUser(people.truus), people.truus);
		expect(truusList.find((n) => n.subject_id === note.id)).toMatchObject({ kind: 'test_note_added', link: `/test/${note.id}` });
		const sanneList = await listNotifications(await asUser(people.sanne), people.sanne);
		expect(sanneList.find((n) => n.subject_id === note.id)).toMatchObject({ kind: 'test_note_added' });
		expect(await sql('select id from public.notifications where profile_id = $1 and subject_id = $2', [people.willems, note.id])).toEqual([]);
	});

	it('refuses a kind nobody registered', async () => {
		await expect(notify('nobody_registered_this', [people.truus], { type: 'test_note', id: people.truus }, 'http://omzien.test')).rejects.toThrow(/registerNotificationKinds/);
	});
});
