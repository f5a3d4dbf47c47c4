// The Postgres this run is on, and what differs between the versions Omzien supports (15, 17, 18).
// Part of every integration run (the declared version) and of the per-version check in `npm test`
// (tests/pg-versions.js runs this file with the RLS and schema tests on each other version).
// On 15, earthdistance's own SQL functions name `earth` and `cube` without a schema: whoever writes
// a volunteer profile without `extensions` on their search path must still get its location.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { env, people } from './helpers';
import { readSupabaseConfig } from '../../supabase/local/stack.js';

const molenbroek = '00000000-0000-4000-8000-000000000106';
const welfare = '00000000-0000-4000-8000-000000000202'; // Kees's organisation: Molenbroek is one of its areas

/** Runs fn in a transaction as the owner that is rolled back afterwards: nothing stays behind. */
async function inRolledBackTransaction<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: env.DATABASE_URL });
	await client.connect();
	try {
		await client.query('begin');
		return await fn(client);
	} finally {
		await client.query('rollback').catch(() => {});
		await client.end();
	}
}

describe('the Postgres version', () => {
	it('is the one asked for: OMZIEN_PG_MAJOR, else the major_version in supabase/config.toml', async () => {
		const wanted = Number(process.env.OMZIEN_PG_MAJOR) || readSupabaseConfig().majorVersion;
		const { rows } = await inRolledBackTransaction((c) => c.query<{ num: string }>("select current_setting('server_version_num') as num"));
		expect(Math.floor(Number(rows[0].num) / 10000)).toBe(wanted);
	});

	it('a volunteer profile written by a role whose search_path lacks extensions gets its location', async () => {
		const id = randomUUID();
		const row = await inRolledBackTransaction(async (c) => {
			await c.query('insert into profiles (id, display_name, area_id, onboarded_at) values ($1, $2, $3, now())', [id, 'Zoekpad Test', molenbroek]);
			await c.query("insert into memberships (organisation_id, profile_id, role) values ($1, $2, 'volunteer')", [welfare, id]);
			// as the volunteer, through RLS, as PostgREST would, but with only public on the search path
			await c.query('set local role authenticated');
			await c.query('set local search_path = public');
			await c.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: id, role: 'authenticated' })]);
			const inserted = await c.query<{ location: string | null }>(
				'insert into volunteer_profiles (profile_id, area_id, latitude, longitude) values ($1, $2, 50.795, 5.81) returning location::text'
			, [id, molenbroek]);
			// and the queries that measure from it, still without extensions on the path
			const browse = await c.query('select count(*)::int as n from browse_requests(5)');
			const offers = await c.query('select count(*)::int as n from browse_offers(5)');
			await c.query('reset role');
			await c.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ role: 'service_role' })]);
			await c.query('set local role service_role');
			const [request] = (await c.query<{ id: string }>("select id from help_requests where status = 'open' limit 1")).rows;
			const suggested = await c.query('select count(*)::int as n from suggest_helpers($1, 3)', [request.id]);
			return { location: inserted.rows[0].location, browse: browse.rows[0].n, offers: offers.rows[0].n, suggested: suggested.rows[0].n };
		});
		expect(row.location).toMatch(/^\(-?[\d.e+-]+, -?[\d.e+-]+, -?[\d.e+-]+\)$/);
		expect(row.browse).toBeGreaterThanOrEqual(0);
		expect(row.offers).toBeGreaterThanOrEqual(0);
		expect(row.suggested).toBeGreaterThanOrEqual(0);
	});

	it('the location is the point on earthdistance’s sphere, and distances over it are in metres', async () => {
		const { rows } = await inRolledBackTransaction((c) =>
			c.query<{ metres: number }>(
				// one hundredth of a degree of latitude on a sphere of radius 6378168 m: about 1113 m
				`select public.earth_metres(public.earth_point(50.795, 5.81), public.earth_point(50.805, 5.81)) as metres`
			)
		);
		expect(rows[0].metres).toBeCloseTo(1113.2, 0);
	});

	it('earth_point and earth_metres give what earthdistance gives, and the planner inlines them', async () => {
		const { same, plan } = await inRolledBackTransaction(async (c) => {
			// earthdistance's own functions, called with extensions on the path so they also work on 15
			await c.query('set local search_path = public, extensions');
			const compared = await c.query<{ same: boolean }>(
				`select bool_and(public.earth_point(a.latitude, a.longitude)::text = ll_to_earth(a.latitude, a.longitude)::text
				        and public.earth_metres(public.earth_point(a.latitude, a.longitude), public.earth_point(0, 180))
				            = earth_distance(ll_to_earth(a.latitude, a.longitude), ll_to_earth(0, 180))) as same
				 from areas a`
			);
			// as a caller without extensions on the path: the plan shows cube arithmetic, not a call
			// per row (a call per row costs a hundred times more at 100,000 rows)
			await c.query('set local search_path = public');
			const explained = await c.query<{ 'QUERY PLAN': string }>(
				'explain (verbose, costs off) select public.earth_metres(public.earth_point(a.latitude, a.longitude), public.earth_point(50.8, 5.7)) from areas a'
			);
			return { same: compared.rows[0].same, plan: explained.rows.map((r) => r['QUERY PLAN']).join('\n') };
		});
		expect(same).toBe(true);
		expect(plan).toContain('extensions.cube_distance(');
		expect(plan).not.toContain('earth_point(');
		expect(plan).not.toContain('earth_metres(');
	});

	it('the demo volunteers have their location (the seed loaded on this version)', async () => {
		const { rows } = await inRolledBackTransaction((c) =>
			c.query<{ id: string; has: boolean }>('select profile_id as id, location is not null as has from volunteer_profiles where profile_id = $1', [people.fatima])
		);
		expect(rows).toEqual([{ id: people.fatima, has: true }]);
	});
});

describe('a data folder from another Postgres version', () => {
	it('is refused with one plain message saying what to do, before Postgres starts', async () => {
		const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const path = await import('node:path');
		const { startStack, findFreePort } = await import('../../supabase/local/stack.js');
		const dataDir = mkdtempSync(path.join(tmpdir(), 'omzien-old-major-'));
		mkdirSync(path.join(dataDir, 'pg'));
		writeFileSync(path.join(dataDir, 'pg', 'PG_VERSION'), '18\n');
		try {
			await expect(
				startStack({
					dataDir,
					pgMajor: 17,
					pgPort: await findFreePort(),
					restPort: await findFreePort(),
					apiPort: await findFreePort(),
					pgPassword: 'x',
					jwtKey: { secret: 'old-major-test-secret-old-major-test-secret' },
					log: () => {}
				})
			).rejects.toThrow(/holds a PostgreSQL 18 database, and this stack runs PostgreSQL 17 .*Delete .* to start over .*OMZIEN_PG_MAJOR=18/);
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
