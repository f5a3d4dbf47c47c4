import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { asUser, people, areas, sql } from './helpers';
import { saveVoice, readVoiceBytes } from '../../src/lib/server/voice/store';
import { deleteExpiredAudio, transcribeNewAudio } from '../../src/lib/server/voice/jobs';
import { closeOffer, createOffer } from '../../src/lib/server/help/volunteers';
import { listMessages, listThanksReceived, insertMessage as sendMessage, insertThanks as sendThanks } from '../../src/lib/server/help/conversation';
import { makeWav } from '../support/wav';

const wavFile = (seconds: number) => new File([new Uint8Array(makeWav(seconds))], 'bericht.wav', { type: 'audio/wav' });

/** Truus asks for help with only a voice message; Fatima offers and Truus accepts. */
async function voiceRequest(match: boolean) {
	const truus = await asUser(people.truus);
	const saved = await saveVoice(truus, people.truus, wavFile(2));
	if (!saved.ok) throw new Error(saved.error);
	const { data: id, error } = await truus.rpc('create_help_request', {
		p_submission: randomUUID(), p_requester: people.truus, p_category: 'groceries', p_description: '', p_area: areas.noord, p_when: 'asap', p_voice: saved.id
	});
	if (error) throw new Error(error.message);
	if (match) {
		await (await asUser(people.fatima)).rpc('help_act', { p_request: id!, p_action: 'offer' });
		await truus.rpc('help_act', { p_request: id!, p_action: 'accept' });
	}
	return { requestId: id!, voiceId: saved.id };
}

describe('who may listen', () => {
	it('the author, the matched helper and a coordinator of the area; nobody else', async () => {
		const { voiceId } = await voiceRequest(true);
		const original = makeWav(2);
		for (const who of [people.truus, people.fatima, people.sanne]) {
			expect(Buffer.from((await readVoiceBytes(who, voiceId))!)).toEqual(original);
		}
		for (const who of [people.jan, people.kees, people.pieter]) {
			expect(await readVoiceBytes(who, voiceId)).toBeNull();
			expect((await (await asUser(who)).from('voice_messages').select('id').eq('id', voiceId)).data).toEqual([]);
		}
	});

	it('a byte range reads exactly those bytes, for those who may listen only', async () => {
		const { voiceId } = await voiceRequest(true);
		const original = makeWav(2);
		const part = await readVoiceBytes(people.fatima, voiceId, { start: 10, end: 109 });
		expect(Buffer.from(part!)).toEqual(original.subarray(10, 110));
		const tail = await readVoiceBytes(people.sanne, voiceId, { start: original.length - 5, end: original.length - 1 });
		expect(Buffer.from(tail!)).toEqual(original.subarray(original.length - 5));
		expect(await readVoiceBytes(people.jan, voiceId, { start: 0, end: 99 })).toBeNull();
	});

	it('a volunteer browsing sees that a request is spoken, and reads the summary once a coordinator wrote one', async () => {
		const { requestId, voiceId } = await voiceRequest(false);
		const fatima = await asUser(people.fatima);
		const browse = async () => ((await fatima.rpc('browse_requests', { p_limit: 200 })).data ?? []).find((r) => r.id === requestId);
		expect(await browse()).toMatchObject({ spoken: true, description: '' });
		expect((await (await asUser(people.sanne)).rpc('set_request_summary', { p_request: requestId, p_summary: 'Boodschappen halen bij de Jumbo.' })).error).toBeNull();
		expect(await browse()).toMatchObject({ spoken: true, description: 'Boodschappen halen bij de Jumbo.' });
		expect(await readVoiceBytes(people.fatima, voiceId)).not.toBeNull(); // she may read it, so she may hear it
	});

	it('a volunteer who may read an open request may hear it before offering; a resident who may not, cannot', async () => {
		const { voiceId } = await voiceRequest(false);
		expect(await readVoiceBytes(people.fatima, voiceId)).not.toBeNull();
		expect(await readVoiceBytes(people.jan, voiceId)).toBeNull();
	});

	it('a voice message alone is enough for a request; an empty text without one is refused', async () => {
		const { requestId } = await voiceRequest(false);
		const [row] = await sql<{ description: string; voice_id: string }>('select description, voice_id from help_requests where id = $1', [requestId]);
		expect(row.description).toBe('');
		const { error } = await (await asUser(people.truus)).rpc('create_help_request', {
			p_submission: randomUUID(), p_requester: people.truus, p_category: 'groceries', p_description: '', p_area: areas.noord, p_when: 'asap'
		});
		expect(error?.message).toMatch(/help_requests_description_check/);
	});

	it('nobody can use someone else’s recording', async () => {
		const truus = await asUser(people.truus);
		const saved = await saveVoice(truus, people.truus, wavFile(1));
		const { error } = await (await asUser(people.jan)).rpc('create_help_request', {
			p_submission: randomUUID(), p_requester: people.jan, p_category: 'ride', p_description: '', p_area: areas.heide, p_when: 'asap', p_voice: saved.ok ? saved.id : ''
		});
		expect(error?.code).toBe('42501');
	});

	it('an upload that is not audio, or too long, stores nothing', async () => {
		const truus = await asUser(people.truus);
		const before = await sql('select id from voice_messages');
		expect(await saveVoice(truus, people.truus, new File(['gewoon tekst '.repeat(20)], 'bericht.mp3'))).toEqual({ ok: false, error: 'voice.errors.type' });
		expect(await saveVoice(truus, people.truus, wavFile(125))).toEqual({ ok: false, error: 'voice.errors.too_long' });
		expect(await sql('select id from voice_messages')).toHaveLength(before.length);
	});
});

describe('voice on offers and thank-you notes', () => {
	/** Fatima offers help in Noord with only a voice message. */
	async function voiceOffer() {
		const fatima = await asUser(people.fatima);
		const saved = await saveVoice(fatima, people.fatima, wavFile(2));
		if (!saved.ok) throw new Error(saved.error);
		await createOffer(fatima, people.fatima, { category_id: 'garden', area_id: areas.noord, description: '', available_on: '' }, saved.id);
		const [offer] = await sql<{ id: string }>('select id from help_offers where voice_id = $1', [saved.id]);
		return { offerId: offer.id, voiceId: saved.id };
	}

	it('everyone signed in may hear an open offer; once closed only the volunteer and coordinators of the area', async () => {
		const { offerId, voiceId } = await voiceOffer();
		for (const who of [people.fatima, people.truus, people.jan, people.sanne]) expect(await readVoiceBytes(who, voiceId)).not.toBeNull();
		const listed = (await (await asUser(people.jan)).rpc('browse_offers', { p_limit: 200 })).data ?? [];
		expect(listed.find((o) => o.id === offerId)).toMatchObject({ first_name: 'Fatima', description: '', voice_id: voiceId });
		await closeOffer(await asUser(people.fatima), people.fatima, offerId);
		expect(await readVoiceBytes(people.fatima, voiceId)).not.toBeNull();
		expect(await readVoiceBytes(people.sanne, voiceId)).not.toBeNull();
		for (const who of [people.truus, people.jan, people.kees]) expect(await readVoiceBytes(who, voiceId)).toBeNull();
	});

	it('an offer without text needs a voice message; nobody can put their recording on someone else’s offer', async () => {
		const fatima = await asUser(people.fatima);
		const empty = await fatima.from('help_offers').insert({ volunteer_id: people.fatima, category_id: 'garden', area_id: areas.noord, description: '' });
		expect(empty.error?.message).toMatch(/help_offers_description_check/);
		const { offerId } = await voiceOffer();
		const jan = await asUser(people.jan);
		const direct = await jan.from('voice_messages').insert({ author_id: people.jan, mime_type: 'audio/wav', byte_size: 10, subject_type: 'help_offer', subject_id: offerId });
		expect(direct.error?.code).toBe('42501');
		const pieter = await asUser(people.pieter);
		const saved = await saveVoice(pieter, people.pieter, wavFile(1));
		const stolen = await pieter.from('help_offers').insert({ volunteer_id: people.pieter, category_id: 'garden', area_id: areas.noord, description: '', voice_id: saved.ok ? saved.id : '' });
		expect(stolen.error).toBeNull(); // his own draft: fine
		const fatimaDraft = await saveVoice(await asUser(people.fatima), people.fatima, wavFile(1));
		const other = await pieter.from('help_offers').insert({ volunteer_id: people.pieter, category_id: 'garden', area_id: areas.noord, description: '', voice_id: fatimaDraft.ok ? fatimaDraft.id : '' });
		expect(other.error?.code).toBe('42501');
		expect(await sql("select id from voice_messages where subject_type = 'help_offer' and subject_id = $1", [offerId])).toHaveLength(1);
	});

	it('a spoken thank-you alone is enough; both people of the request hear it, others do not', async () => {
		const { requestId } = await voiceRequest(true);
		await (await asUser(people.fatima)).rpc('help_act', { p_request: requestId, p_action: 'mark_done' });
		await (await asUser(people.truus)).rpc('help_act', { p_request: requestId, p_action: 'confirm_done' });
		const truus = await asUser(people.truus);
		await expect(sendThanks(truus, requestId, people.truus, people.fatima, '')).rejects.toThrow(/thanks_body_check/);
		const saved = await saveVoice(truus, people.truus, wavFile(1));
		if (!saved.ok) throw new Error(saved.error);
		await sendThanks(truus, requestId, people.truus, people.fatima, '', saved.id);
		const received = await listThanksReceived(await asUser(people.fatima), people.fatima);
		expect(received.find((t) => t.voice_id === saved.id)).toMatchObject({ body: '', from_id: people.truus });
		expect(await readVoiceBytes(people.fatima, saved.id)).not.toBeNull();
		for (const who of [people.jan, people.pieter]) expect(await readVoiceBytes(who, saved.id)).toBeNull();
	});

	it('nobody thanks with someone else’s recording', async () => {
		const { requestId } = await voiceRequest(true);
		await (await asUser(people.fatima)).rpc('help_act', { p_request: requestId, p_action: 'mark_done' });
		await (await asUser(people.truus)).rpc('help_act', { p_request: requestId, p_action: 'confirm_done' });
		const other = await voiceRequest(true);
		await expect(sendThanks(await asUser(people.fatima), requestId, people.fatima, people.truus, '', other.voiceId)).rejects.toThrow();
	});
});

describe('retention', () => {
	it('deletes audio of requests closed longer than the period ago; newer audio and the request stay', async () => {
		const old = await voiceRequest(true);
		const recent = await voiceRequest(true);
		for (const r of [old, recent]) {
			await (await asUser(people.fatima)).rpc('help_act', { p_request: r.requestId, p_action: 'mark_done' });
			await (await asUser(people.truus)).rpc('help_act', { p_request: r.requestId, p_action: 'confirm_done' });
		}
		await sql("update help_requests set status_changed_at = now() - interval '91 days' where id = $1", [old.requestId]);
		await deleteExpiredAudio();
		expect(await sql('select voice_id from voice_audio where voice_id = $1', [old.voiceId])).toEqual([]);
		expect(await sql('select voice_id from voice_audio where voice_id = $1', [recent.voiceId])).toHaveLength(1);
		const [meta] = await sql<{ audio_deleted_at: string | null }>('select audio_deleted_at from voice_messages where id = $1', [old.voiceId]);
		expect(meta.audio_deleted_at).not.toBeNull();
		expect(await sql('select id from help_requests where id = $1', [old.requestId])).toHaveLength(1);
	});

	it('deletes audio of offers closed longer than the period ago; the offer stays', async () => {
		const fatima = await asUser(people.fatima);
		const ids: string[] = [];
		for (let i = 0; i < 2; i++) {
			const saved = await saveVoice(fatima, people.fatima, wavFile(1));
			if (!saved.ok) throw new Error(saved.error);
			await createOffer(fatima, people.fatima, { category_id: 'garden', area_id: areas.noord, description: 'Tuin', available_on: '' }, saved.id);
			ids.push(saved.id);
		}
		await sql("update help_offers set closed_at = now() - interval '91 days' where voice_id = $1", [ids[0]]);
		await sql("update help_offers set closed_at = now() - interval '89 days' where voice_id = $1", [ids[1]]);
		await deleteExpiredAudio();
		expect(await sql('select voice_id from voice_audio where voice_id = $1', [ids[0]])).toEqual([]);
		expect(await sql('select voice_id from voice_audio where voice_id = $1', [ids[1]])).toHaveLength(1);
		expect(await sql('select id from help_offers where voice_id = $1', [ids[0]])).toHaveLength(1);
	});

	it('deletes drafts nobody sent after a day', async () => {
		const truus = await asUser(people.truus);
		const saved = await saveVoice(truus, people.truus, wavFile(1));
		if (!saved.ok) throw new Error(saved.error);
		await sql("update voice_messages set created_at = now() - interval '25 hours' where id = $1", [saved.id]);
		await deleteExpiredAudio();
		expect(await sql('select voice_id from voice_audio where voice_id = $1', [saved.id])).toEqual([]);
	});
});

describe('transcription through an OpenAI-compatible server', () => {
	let server: Server;
	let url = '';
	const received: { model: string; language: string; bytes: number }[] = [];
	let refuse = false;

	beforeAll(async () => {
		// A small server that speaks POST /v1/audio/transcriptions (multipart/form-data), as whisper.cpp's does.
		server = createServer(async (req, res) => {
			if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
				res.writeHead(404).end();
				return;
			}
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			const form = await new Request('http://x', { method: 'POST', headers: { 'content-type': req.headers['content-type']! }, body: Buffer.concat(chunks) }).formData();
			const file = form.get('file') as File;
			received.push({ model: String(form.get('model')), language: String(form.get('language')), bytes: file.size });
			if (refuse) {
				res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'cannot decode' } }));
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: ' Wie doet boodschappen voor mij? ' }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('stores the text as automatic, and the author can correct it', async () => {
		const { voiceId } = await voiceRequest(false);
		// A run takes the 20 oldest recordings without text; other files leave some behind.
		const written = async () => (await sql<{ t: string | null }>('select transcript as t from voice_messages where id = $1', [voiceId]))[0].t !== null;
		for (let run = 0; run < 20 && !(await written()); run++) expect(await transcribeNewAudio(url)).toBeGreaterThan(0);
		expect(received.at(-1)).toMatchObject({ model: 'whisper-1', language: 'nl' });
		const [row] = await sql<{ transcript: string; transcript_source: string }>('select transcript, transcript_source from voice_messages where id = $1', [voiceId]);
		expect(row).toEqual({ transcript: 'Wie doet boodschappen voor mij?', transcript_source: 'automatic' });

		const truus = await asUser(people.truus);
		const fixed = await truus.from('voice_messages').update({ transcript: 'Wie doet op vrijdag boodschappen?', transcript_source: 'corrected' }).eq('id', voiceId).select('id');
		expect(fixed.data).toHaveLength(1);
		const jan = await asUser(people.jan);
		expect((await jan.from('voice_messages').update({ transcript: 'x' }).eq('id', voiceId).select('id')).data).toEqual([]);
		const sneaky = await truus.from('voice_messages').update({ author_id: people.jan }).eq('id', voiceId);
		expect(sneaky.error?.code).toBe('42501');
	});

	it('a spoken message between matched people shows its transcript to the other side', async () => {
		const { requestId } = await voiceRequest(true);
		const fatima = await asUser(people.fatima);
		const saved = await saveVoice(fatima, people.fatima, wavFile(1));
		if (!saved.ok) throw new Error(saved.error);
		await sendMessage(fatima, requestId, people.fatima, '', saved.id);
		while ((await transcribeNewAudio(url)) > 0);
		const messages = await listMessages(await asUser(people.truus), requestId);
		expect(messages.find((m) => m.voice_id === saved.id)?.voice_messages).toEqual({
			transcript: 'Wie doet boodschappen voor mij?',
			transcript_source: 'automatic'
		});
	});

	it('a recording the server keeps refusing is tried three times, then left alone; a server that is down breaks nothing', async () => {
		while ((await transcribeNewAudio(url)) > 0);
		refuse = true;
		const { voiceId } = await voiceRequest(false);
		for (let i = 0; i < 4; i++) expect(await transcribeNewAudio(url)).toBe(0);
		expect(await transcribeNewAudio('http://127.0.0.1:9')).toBe(0);
		const [row] = await sql<{ transcript: string | null; transcript_attempts: number }>('select transcript, transcript_attempts from voice_messages where id = $1', [voiceId]);
		expect(row).toEqual({ transcript: null, transcript_attempts: 3 });
		refuse = false;
		const later = await voiceRequest(false);
		const before = received.length;
		expect(await transcribeNewAudio(url)).toBe(1);
		expect(received.length).toBe(before + 1);
		expect((await sql<{ transcript: string | null }>('select transcript from voice_messages where id = $1', [later.voiceId]))[0].transcript).toBe('Wie doet boodschappen voor mij?');
	});

	it('without TRANSCRIBE_URL nothing happens and nothing breaks', async () => {
		expect(await transcribeNewAudio(undefined)).toBe(0);
	});
});
