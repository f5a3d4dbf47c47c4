// `npm run db:types`: starts a throwaway local stack, reads the public schema from Postgres'
// catalog and writes src/lib/server/db/types.ts in the shape `supabase gen types typescript` uses.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startStack, findFreePort } from './stack.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'src/lib/server/db/types.ts');

const scalar = {
	uuid: 'string', text: 'string', citext: 'string', varchar: 'string', bpchar: 'string',
	int2: 'number', int4: 'number', int8: 'number', float4: 'number', float8: 'number', numeric: 'number',
	bool: 'boolean', timestamptz: 'string', timestamp: 'string', date: 'string', time: 'string',
	interval: 'string', json: 'Json', jsonb: 'Json', bytea: 'string', inet: 'string', void: 'undefined'
};

function tsType(udt, enums) {
	if (udt.startsWith('_')) return `${tsType(udt.slice(1), enums)}[]`;
	if (enums.has(udt)) return `Database['public']['Enums']['${udt}']`;
	return scalar[udt] ?? 'unknown';
}

async function readSchema(client) {
	const enumRows = (
		await client.query(`
			select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder)::text[] as labels
			from pg_type t join pg_enum e on e.enumtypid = t.oid
			join pg_namespace n on n.oid = t.typnamespace
			where n.nspname = 'public' group by t.typname order by t.typname`)
	).rows;
	const enums = new Set(enumRows.map((e) => e.name));
	const columns = (
		await client.query(`
			select c.table_name, c.column_name, c.udt_name, c.is_nullable = 'YES' as nullable,
			       c.column_default is not null as has_default, c.is_identity = 'YES' as identity,
			       c.identity_generation, t.table_type
			from information_schema.columns c
			join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
			where c.table_schema = 'public'
			order by c.table_name, c.ordinal_position`)
	).rows;
	const functions = (
		await client.query(`
			select p.proname as name,
			       p.pronargdefaults as defaults,
			       (select t.typname from pg_type t where t.oid = p.prorettype) as returns,
			       p.proretset as returns_set,
			       array(select a.name from unnest(
			               coalesce(p.proallargtypes, p.proargtypes::oid[]),
			               coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs::int])),
			               coalesce(p.proargnames, array_fill(''::text, array[p.pronargs::int]))
			             ) as a(type, mode, name) where a.mode in ('i', 'b'))::text[] as arg_names,
			       array(select format_type(a.type, null) from unnest(
			               coalesce(p.proallargtypes, p.proargtypes::oid[]),
			               coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs::int]))
			             ) as a(type, mode) where a.mode in ('i', 'b'))::text[] as arg_types,
			       array(select a.name from unnest(
			               coalesce(p.proallargtypes, p.proargtypes::oid[]),
			               coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs::int])),
			               coalesce(p.proargnames, array_fill(''::text, array[p.pronargs::int]))
			             ) as a(type, mode, name) where a.mode in ('t', 'o'))::text[] as out_names,
			       array(select format_type(a.type, null) from unnest(
			               coalesce(p.proallargtypes, p.proargtypes::oid[]),
			               coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs::int]))
			             ) as a(type, mode) where a.mode in ('t', 'o'))::text[] as out_types
			from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			where n.nspname = 'public' and p.prorettype <> 'trigger'::regtype
			order by p.proname`)
	).rows;
	const foreignKeys = (
		await client.query(`
			select con.conname as name, src.relname as table_name, dst.relname as referenced,
			       array(select a.attname::text from unnest(con.conkey) k join pg_attribute a
			             on a.attrelid = con.conrelid and a.attnum = k)::text[] as columns,
			       array(select a.attname::text from unnest(con.confkey) k join pg_attribute a
			             on a.attrelid = con.confrelid and a.attnum = k)::text[] as referenced_columns,
			       exists (select 1 from pg_index i where i.indrelid = con.conrelid and i.indisunique
			               and i.indkey::int2[] @> con.conkey and array_length(con.conkey, 1) = i.indnkeyatts) as one_to_one
			from pg_constraint con
			join pg_class src on src.oid = con.conrelid
			join pg_class dst on dst.oid = con.confrelid
			join pg_namespace n on n.oid = src.relnamespace
			where con.contype = 'f' and n.nspname = 'public'
			order by con.conname`)
	).rows;
	return { enumRows, enums, columns, functions, foreignKeys };
}

const udtOfFormatted = (t) =>
	({ 'uuid': 'uuid', 'text': 'text', 'integer': 'int4', 'bigint': 'int8', 'boolean': 'bool',
	   'jsonb': 'jsonb', 'date': 'date', 'double precision': 'float8', 'numeric': 'numeric',
	   'timestamp with time zone': 'timestamptz', 'smallint': 'int2' })[t] ?? t.replace(/^public\./, '');
// Functions taking a table row (effective_status(help_requests)) are computed fields, not RPCs.

function render({ enumRows, enums, columns, functions, foreignKeys }) {
	const tables = new Map();
	for (const c of columns) {
		if (!tables.has(c.table_name)) tables.set(c.table_name, { view: c.table_type === 'VIEW', cols: [] });
		tables.get(c.table_name).cols.push(c);
	}
	const block = (kind) =>
		[...tables]
			.filter(([, t]) => (kind === 'Views') === t.view)
			.map(([name, t]) => {
				const row = t.cols.map((c) => `\t\t\t\t\t${c.column_name}: ${tsType(c.udt_name, enums)}${c.nullable ? ' | null' : ''}`);
				// Computed fields (a function taking this table's row) can be selected like columns.
				for (const f of functions.filter((f) => f.arg_types.length === 1 && f.arg_types[0].replace(/^public\./, '') === name)) {
					row.push(`\t\t\t\t\t${f.name}: ${tsType(f.returns, enums)} | null`);
				}
				const insert = t.cols.map((c) => {
					if (c.identity_generation === 'ALWAYS') return `\t\t\t\t\t${c.column_name}?: never`;
					const optional = c.nullable || c.has_default || c.identity;
					return `\t\t\t\t\t${c.column_name}${optional ? '?' : ''}: ${tsType(c.udt_name, enums)}${c.nullable ? ' | null' : ''}`;
				});
				const update = t.cols.map((c) =>
					c.identity_generation === 'ALWAYS'
						? `\t\t\t\t\t${c.column_name}?: never`
						: `\t\t\t\t\t${c.column_name}?: ${tsType(c.udt_name, enums)}${c.nullable ? ' | null' : ''}`
				);
				const parts = [`\t\t\t\tRow: {\n${row.join('\n')}\n\t\t\t\t}`];
				if (!t.view) {
					parts.push(`\t\t\t\tInsert: {\n${insert.join('\n')}\n\t\t\t\t}`);
					parts.push(`\t\t\t\tUpdate: {\n${update.join('\n')}\n\t\t\t\t}`);
				}
				const rels = foreignKeys
					.filter((fk) => fk.table_name === name)
					.map(
						(fk) =>
							`\t\t\t\t\t{ foreignKeyName: '${fk.name}'; columns: [${fk.columns.map((c) => `'${c}'`).join(', ')}]; ` +
							`isOneToOne: ${fk.one_to_one}; referencedRelation: '${fk.referenced}'; ` +
							`referencedColumns: [${fk.referenced_columns.map((c) => `'${c}'`).join(', ')}] }`
					);
				parts.push(rels.length ? `\t\t\t\tRelationships: [\n${rels.join(',\n')}\n\t\t\t\t]` : '\t\t\t\tRelationships: []');
				return `\t\t\t${name}: {\n${parts.join('\n')}\n\t\t\t}`;
			})
			.join('\n');
	const fns = functions
		.map((f) => {
			const required = f.arg_names.length - f.defaults;
			const args = f.arg_names.length
				? `{ ${f.arg_names
						.map((n, i) => `${n}${i >= required ? '?' : ''}: ${tsType(udtOfFormatted(f.arg_types[i]), enums)}`)
						.join('; ')} }`
				: 'Record<PropertyKey, never>';
			const row = f.out_names.length
				? `{ ${f.out_names.map((n, i) => `${n}: ${tsType(udtOfFormatted(f.out_types[i]), enums)} | null`).join('; ')} }`
				: tsType(f.returns, enums);
			const ret = row + (f.returns_set ? '[]' : '');
			return `\t\t\t${f.name}: { Args: ${args}; Returns: ${ret} }`;
		})
		.join('\n');
	const enumBlock = enumRows
		.map((e) => `\t\t\t${e.name}: ${e.labels.map((l) => `'${l}'`).join(' | ')}`)
		.join('\n');
	return `// Generated by \`npm run db:types\` from supabase/migrations. Do not edit by hand.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
\tpublic: {
\t\tTables: {
${block('Tables')}
\t\t};
\t\tViews: {
${block('Views')}
\t\t};
\t\tFunctions: {
${fns}
\t\t};
\t\tEnums: {
${enumBlock}
\t\t};
\t\tCompositeTypes: Record<string, never>;
\t};
};

export type Tables<T extends keyof Database['public']['Tables']> = Database['public']['Tables'][T]['Row'];
export type Enums<T extends keyof Database['public']['Enums']> = Database['public']['Enums'][T];
`;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'omzien-types-'));
const stack = await startStack({
	dataDir,
	pgPort: await findFreePort(),
	restPort: await findFreePort(),
	apiPort: await findFreePort(),
	pgPassword: 'types',
	jwtKey: { secret: 'types-only-secret-types-only-secret-00' },
	seed: false,
	log: () => {}
});
try {
	const client = new pg.Client({ connectionString: stack.dbUrl });
	await client.connect();
	try {
		writeFileSync(out, render(await readSchema(client)));
	} finally {
		await client.end();
	}
	console.log(`wrote ${path.relative(root, out)}`);
} finally {
	await stack.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
