// A small speech-to-text server speaking POST /v1/audio/transcriptions (as whisper.cpp's does) that
// counts how often it was sent each recording (by SHA-256 of the file).
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';

export async function startFakeTranscriber(text = 'Wie doet boodschappen voor mij?') {
	const calls = new Map<string, number>();
	const server = createServer(async (req, res) => {
		if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') return void res.writeHead(404).end();
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const form = await new Request('http://x', { method: 'POST', headers: { 'content-type': req.headers['content-type']! }, body: Buffer.concat(chunks) }).formData();
		const file = form.get('file') as File;
		const hash = createHash('sha256').update(new Uint8Array(await file.arrayBuffer())).digest('hex');
		calls.set(hash, (calls.get(hash) ?? 0) + 1);
		// A little slow, as a real server is: two runs at once overlap.
		await new Promise((r) => setTimeout(r, 100));
		res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
		callsFor: (bytes: Uint8Array) => calls.get(createHash('sha256').update(bytes).digest('hex')) ?? 0,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
