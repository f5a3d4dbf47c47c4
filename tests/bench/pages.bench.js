// Throughput of the home page and a signed-in page, each beside a static file from the same server.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { measure, report } from './lib.js';

export async function benchPages(site) {
	// A session for Truus, made the way createSession() makes one.
	const id = randomBytes(15).toString('base64url');
	const secret = randomBytes(15).toString('base64url');
	const client = new pg.Client({ connectionString: site.stack.dbUrl });
	await client.connect();
	await client.query('insert into sessions (id, secret_hash, user_id) values ($1, $2, $3)', [
		id,
		createHash('sha256').update(secret).digest(),
		'00000000-0000-4000-8000-000000000304'
	]);
	await client.end();
	const cookie = { cookie: `omzien_session=${id}.${secret}` };

	const rows = [];
	rows.push({ name: 'static file /favicon.svg', static: true, ...(await measure(`${site.baseURL}/favicon.svg`)) });
	rows.push({ name: 'home page / (anonymous)', ...(await measure(`${site.baseURL}/`)) });
	rows.push({ name: 'signed-in page /account', ...(await measure(`${site.baseURL}/account`, { headers: cookie })) });
	console.log('\nPages, 50 connections, 8 s each, production build:');
	report(rows);
}
