import {
	sql,
	type DatabaseIntrospector,
	type DatabaseMetadata,
	type Kysely,
	type SchemaMetadata,
	type TableMetadata,
} from 'kysely';

interface ColumnRow {
	table: string;
	kind: string;
	column: string;
	not_null: boolean;
	has_default: boolean;
	type: string;
	type_schema: string;
	comment: string | null;
	auto_incrementing: boolean;
}

/**
 * The tables of one PostgreSQL schema, for Kysely's migrator (which asks whether its own tables exist). Kysely's
 * PostgreSQL introspector reads the tables of every schema of the database and checks the privilege by schema name,
 * so it fails ("schema … does not exist") whenever another schema is dropped meanwhile: another district's store,
 * a test run next door. This one reads only the store's own schema.
 */
export class SchemaIntrospector implements DatabaseIntrospector {
	constructor(
		private readonly db: Kysely<unknown>,
		private readonly schema: string,
	) {}

	async getSchemas(): Promise<SchemaMetadata[]> {
		const { rows } = await sql<{
			name: string;
		}>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
		return rows;
	}

	async getTables(): Promise<TableMetadata[]> {
		const { rows } = await sql<ColumnRow>`
			select c.relname as table, c.relkind as kind, a.attname as column, a.attnotnull as not_null, a.atthasdef as has_default,
				t.typname as type, tn.nspname as type_schema, col_description(a.attrelid, a.attnum) as comment,
				(a.attidentity <> '' or pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) is not null) as auto_incrementing
			from pg_catalog.pg_class c
			join pg_catalog.pg_namespace n on n.oid = c.relnamespace
			join pg_catalog.pg_attribute a on a.attrelid = c.oid
			join pg_catalog.pg_type t on t.oid = a.atttypid
			join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
			where n.nspname = ${this.schema} and c.relkind in ('r', 'v', 'p') and a.attnum > 0 and not a.attisdropped
			order by c.relname, a.attnum`.execute(this.db);
		const tables = new Map<string, TableMetadata>();
		for (const row of rows) {
			let table = tables.get(row.table);
			if (!table) {
				table = { name: row.table, schema: this.schema, isView: row.kind === 'v', columns: [] };
				tables.set(row.table, table);
			}
			table.columns.push({
				name: row.column,
				dataType: row.type,
				dataTypeSchema: row.type_schema,
				isNullable: !row.not_null,
				hasDefaultValue: row.has_default,
				isAutoIncrementing: row.auto_incrementing,
				...(row.comment ? { comment: row.comment } : {}),
			});
		}
		return [...tables.values()];
	}

	async getMetadata(): Promise<DatabaseMetadata> {
		return { tables: await this.getTables() };
	}
}
