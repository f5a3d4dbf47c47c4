// Jobs run again after an outage (pg-boss retries) or on two servers at once: nothing goes out twice.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asUser, env, people, areas, sql } from './helpers';
import { notify, sendDailyDigests } from '../../src/lib/server/notifications';
import { JOBS, startJobs, stopJobs } from '../../src/lib/server/jobs';
import { saveVoice } from '../../src/lib/server/voice/store';
import { transcribeNewAudio } from '../../src/lib/server/voice/jobs';
import { startFakeTranscriber } from '../support/transcriber';
import { makeWav } from '../support/wav';

const origin = 'http://omzien.test';
mkdirSync(env.DEV_MAILBOX_DIR, { recursive: true });
const digestsTo = (email: string) =>
	readdirSync(env.DEV_MAILBOX_DIR)
		.map((f) => JSON.parse(readFileSync(path.join(env.DEV_MAILBOX_DIR, f), 'utf8')))
		.filter((m) => m.to === email && m.subject === 'Uw meldingen van vandaag');

describe('jobs run once', () => {
	it('two digest runs at the same time send one digest', async () => {
		const pieter = await asUser(people.pieter);
		await pieter.from('notification_preferences').upsert([{ profile_id: people.pieter, kind: 'offer_received', frequency: 'daily' }]);
		const { data: id, error } = await (await asUser(people.truus)).rpc('create_help_request', {
			p_submission: randomUUID(), p_requester: people.truus, p_category: 'groceries', p_description: 'Eén keer', p_area: areas.noord, p_when: 'asap'
		});
		if (error) throw new Error(error.message);
		const before = digestsTo('pieter@voorbeeld.nl').length;
		await notify('offer_received', [people.pieter], { type: 'help_request', id: id! }, origin);
		await Promise.all([sendDailyDigests(origin), sendDailyDigests(origin), sendDailyDigests(origin)]);
		expect(digestsTo('pieter@voorbeeld.nl').length).toBe(before + 1);
		const [row] = await sql<{ emailed_at: string | null }>("select emailed_at from notifications where profile_id = $1 and subject_id = $2", [people.pieter, id]);
		expect(row.emailed_at).not.toBeNull();
	});

	it('every job is retried by pg-boss after a failure (an outage), growing from 30 s', async () => {
		await startJobs(env.DATABASE_URL, origin);
		try {
			const queues = await sql<{ name: string; retry_limit: number; retry_delay: number; retry_backoff: boolean }>(
				'select name, retry_limit, retry_delay, retry_backoff from pgboss.queue where name = any($1) order by name',
				[Object.keys(JOBS)]
			);
			expect(queues.map((q) => q.name)).toEqual(Object.keys(JOBS).sort());
			for (const q of queues) expect(q, q.name).toMatchObject({ retry_limit: 8, retry_delay: 30, retry_backoff: true });
		} finally {
			await stopJobs();
		}
	});

	it('two transcription runs at the same time (two instances) send each recording to the server once', async () => {
		const transcriber = await startFakeTranscriber();
		try {
			const wav = new Uint8Array(makeWav(1.3));
			const saved = await saveVoice(await asUser(people.truus), people.truus, new File([wav], 'a.wav', { type: 'audio/wav' }));
			if (!saved.ok) throw new Error(saved.error);
			await Promise.all([transcribeNewAudio(transcriber.url), transcribeNewAudio(transcriber.url), transcribeNewAudio(transcriber.url)]);
			expect(transcriber.callsFor(wav)).toBe(1);
			const [row] = await sql<{ transcript: string }>('select transcript from voice_messages where id = $1', [saved.id]);
			expect(row.transcript).toBe('Wie doet boodschappen voor mij?');
		} finally {
			await transcriber.stop();
		}
	});
});
