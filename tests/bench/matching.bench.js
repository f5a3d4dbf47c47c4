// Matching at scale: 100,000 volunteers and offers, 50,000 open requests. p50/p95 of the suggestion
// query for one request with its indexes and, in the same run, without them; and the volunteer's
// browse page beside a static file.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { measure, report } from './lib.js';

const VOLUNTEERS = 100_000;
const OFFERS = 100_000;
const REQUESTS = 50_000;

export async function generate(client) {
	// Once per stack: the pages benchmark uses the same data.
	const { rows } = await client.query("select 1 from profiles where id = '10000000-0000-4000-8000-000000000001'");
	if (rows.length) return;
	console.log(`\ngenerating ${VOLUNTEERS} volunteers, ${OFFERS} offers and ${REQUESTS} open requests…`);
	await client.query(`
		insert into profiles (id, display_name, area_id, onboarded_at)
		select ('10000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'Vrijwilliger ' || g,
		       (select id from areas order by name offset (g % 6) limit 1), now()
		from generate_series(1, ${VOLUNTEERS}) g`);
	await client.query(`
		insert into memberships (organisation_id, profile_id, role)
		select '00000000-0000-4000-8000-000000000201', ('10000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'volunteer'
		from generate_series(1, ${VOLUNTEERS}) g`);
	// Spread over a 30 by 30 km region around the town.
	await client.query(`
		insert into volunteer_profiles (profile_id, area_id, latitude, longitude, max_distance_km, availability, vog_date)
		select p.id, p.area_id, 50.70 + random() * 0.27, 5.55 + random() * 0.42, 1 + floor(random() * 10),
		       floor(random() * 2097151)::int, case when random() < 0.3 then current_date - 200 end
		from profiles p where p.display_name like 'Vrijwilliger %'`);
	await client.query(`
		insert into volunteer_categories (volunteer_id, category_id)
		select v.profile_id, c.id from volunteer_profiles v cross join help_categories c where random() < 0.3
		on conflict do nothing`);
	await client.query(`
		insert into help_offers (volunteer_id, category_id, area_id, description, available_on)
		select ('10000000-0000-4000-8000-' || lpad((1 + g % ${VOLUNTEERS})::text, 12, '0'))::uuid,
		       (array['odd_jobs','ride','groceries','garden','paperwork','lending'])[1 + g % 6],
		       (select id from areas order by name offset (g % 6) limit 1), 'Ik kan helpen.', current_date + (g % 30)
		from generate_series(1, ${OFFERS}) g`);
	await client.query(`
		insert into help_requests (submission_id, requester_id, created_by, category_id, description, area_id, when_kind, when_date)
		select gen_random_uuid(), requester, requester,
		       (array['odd_jobs','buddy','ride','groceries','garden','paperwork','lending'])[1 + g % 7], 'Hulp gezocht',
		       (select id from areas order by name offset (g % 6) limit 1),
		       case when g % 2 = 0 then 'on_date'::help_when else 'asap'::help_when end,
		       case when g % 2 = 0 then current_date + (g % 20) end
		from generate_series(1, ${REQUESTS}) g,
		     -- many people ask: the generated neighbours (who also volunteer), each a few times
		     lateral (select ('10000000-0000-4000-8000-' || lpad((1 + (g * 7919) % ${VOLUNTEERS})::text, 12, '0'))::uuid as requester) who`);
	await client.query('analyze');
}

async function timeSuggestions(client, requestIds) {
	const times = [];
	for (const id of requestIds) {
		const start = process.hrtime.bigint();
		await client.query('select * from suggest_helpers($1, 10)', [id]);
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	times.sort((a, b) => a - b);
	return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)] };
}

export async function benchMatching(site) {
	const client = new pg.Client({ connectionString: site.stack.dbUrl });
	await client.connect();
	await generate(client);
	// suggest_helpers() lets the service role in; this session acts as it.
	await client.query(`select set_config('request.jwt.claims', '{"role":"service_role"}', false)`);
	const { rows } = await client.query("select id from help_requests where status = 'open' order by random() limit 200");
	const ids = rows.map((r) => r.id);
	await timeSuggestions(client, ids.slice(0, 20)); // warm up
	const withIndexes = await timeSuggestions(client, ids);

	await client.query('begin');
	await client.query('drop index volunteer_profiles_location_idx');
	await client.query('drop index help_offers_open_idx');
	await client.query('drop index help_requests_helper_matched_idx');
	await client.query('analyze volunteer_profiles, help_offers, help_requests');
	await timeSuggestions(client, ids.slice(0, 5));
	const withoutIndexes = await timeSuggestions(client, ids.slice(0, 50));
	await client.query('rollback');

	console.log(`\nSuggestion query for one request (${VOLUNTEERS} volunteers, ${OFFERS} offers, ${REQUESTS} open requests):`);
	console.log(`  with indexes:    p50 ${withIndexes.p50.toFixed(2)} ms, p95 ${withIndexes.p95.toFixed(2)} ms (target p95 ≤ 20 ms)`);
	console.log(`  without indexes: p50 ${withoutIndexes.p50.toFixed(2)} ms, p95 ${withoutIndexes.p95.toFixed(2)} ms`);
	console.log(`  ratio (without / with, p95): ${(withoutIndexes.p95 / withIndexes.p95).toFixed(1)}×`);

	// The browse page as a volunteer with a standing offer (Fatima), beside a static file.
	const sessionId = randomBytes(15).toString('base64url');
	const secret = randomBytes(15).toString('base64url');
	await client.query('insert into sessions (id, secret_hash, user_id) values ($1, $2, $3)', [
		sessionId, createHash('sha256').update(secret).digest(), '00000000-0000-4000-8000-000000000306'
	]);
	await client.end();
	const rowsOut = [];
	rowsOut.push({ name: 'static file /favicon.svg', static: true, ...(await measure(`${site.baseURL}/favicon.svg`)) });
	rowsOut.push({ name: 'browse page /hulp (volunteer)', ...(await measure(`${site.baseURL}/hulp`, { headers: { cookie: `omzien_session=${sessionId}.${secret}` } })) });
	console.log('\nVolunteer browse page with that data, 50 connections:');
	report(rowsOut);
}
