// Throughput of the home page and a signed-in page, each beside a static file from the same server.
import { measure, report, sessionCookie } from './lib.js';

export async function benchPages(site) {
	const cookie = { cookie: await sessionCookie(site, '00000000-0000-4000-8000-000000000304') }; // Truus

	const rows = [];
	rows.push({ name: 'static file /favicon.svg', static: true, ...(await measure(`${site.baseURL}/favicon.svg`)) });
	rows.push({ name: 'home page / (anonymous)', ...(await measure(`${site.baseURL}/`)) });
	rows.push({ name: 'signed-in page /account', ...(await measure(`${site.baseURL}/account`, { headers: cookie })) });
	console.log('\nPages, 50 connections, 8 s each, production build:');
	report(rows);
}
