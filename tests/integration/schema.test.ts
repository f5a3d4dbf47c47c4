// The schema as a whole keeps the house rules: RLS and a comment on every table, policies that
// name their roles, a fixed search_path on every security definer function, and nothing in
// public that anon may run unless this file says why.
import { describe, expect, it } from 'vitest';
import { sql } from './helpers';
import { ANON_MAY_EXECUTE } from './public-surface';


describe('the public schema', () => {
	it('every table has row-level security and a comment', async () => {
		const tables = await sql<{ name: string; rls: boolean; comment: string | null }>(
			`select c.relname as name, c.relrowsecurity as rls, obj_description(c.oid, 'pg_class') as comment
			 from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'test\\_%'`
		);
		expect(tables.length).toBeGreaterThan(20);
		expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
		expect(tables.filter((t) => !t.comment).map((t) => t.name)).toEqual([]);
	});

	it('every policy names the roles it is for', async () => {
		const policies = await sql<{ table: string; policy: string; roles: string[] }>(
			`select tablename as table, policyname as policy, roles::text[] as roles from pg_policies where schemaname = 'public'`
		);
		expect(policies.length).toBeGreaterThan(40);
		expect(policies.filter((p) => p.roles.includes('public')).map((p) => `${p.table}: ${p.policy}`)).toEqual([]);
	});

	it('every security definer function fixes its search_path', async () => {
		const loose = await sql<{ name: string }>(
			`select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname = 'public' and p.prosecdef
			   and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`
		);
		expect(loose).toEqual([]);
	});

	it('anon may run nothing in public but the listed functions', async () => {
		const runnable = await sql<{ name: string }>(
			`select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname = 'public' and has_function_privilege('anon', p.oid, 'execute')`
		);
		expect(runnable.map((r) => r.name).sort()).toEqual(Object.keys(ANON_MAY_EXECUTE).sort());
	});

	it('every function is defined once: no overloads left behind by a later migration', async () => {
		const twice = await sql<{ name: string }>(
			`select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			 where n.nspname = 'public' group by p.proname having count(*) > 1`
		);
		expect(twice).toEqual([]);
	});
});
