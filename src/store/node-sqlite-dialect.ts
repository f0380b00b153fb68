import * as fs from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import {
	CompiledQuery,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type Driver,
	type SqliteDatabase,
	type SqliteStatement,
} from 'kysely';

/**
 * Kysely's SQLite dialect expects a better-sqlite3-like database. Node 24 ships `node:sqlite`
 * (no native addon to build, so it also runs inside n8n's Docker image); this adapts it.
 */
class NodeSqliteStatement implements SqliteStatement {
	readonly reader: boolean;

	constructor(private readonly statement: StatementSync) {
		this.reader = statement.columns().length > 0;
	}

	all(parameters: ReadonlyArray<unknown>): unknown[] {
		return this.statement.all(...(parameters as SqliteValue[]));
	}

	run(parameters: ReadonlyArray<unknown>) {
		const result = this.statement.run(...(parameters as SqliteValue[]));
		return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
	}

	iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
		return this.statement.iterate(...(parameters as SqliteValue[])) as IterableIterator<unknown>;
	}
}

type SqliteValue = null | number | bigint | string | Uint8Array;

/**
 * Counselling data is confidential: a new store file is readable by its owner only (SQLite gives the -wal and
 * -shm files the permissions of the store file). A folder that does not exist is an error, not created: a typo
 * in the credential must not scatter case data over the disk.
 */
function createPrivately(file: string): void {
	if (file === ':memory:' || fs.existsSync(file)) return;
	fs.closeSync(fs.openSync(file, 'a', 0o600));
	fs.chmodSync(file, 0o600);
}

export function openNodeSqlite(file: string): SqliteDatabase {
	createPrivately(file);
	const db = new DatabaseSync(file);
	// WAL lets n8n's main process and queue-mode workers read while one writes; wait instead of failing.
	db.exec('PRAGMA busy_timeout = 10000');
	if (file !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
	db.exec('PRAGMA foreign_keys = ON');
	db.exec('PRAGMA synchronous = NORMAL');
	return {
		close: () => db.close(),
		prepare: (sql: string) => new NodeSqliteStatement(db.prepare(sql)),
	};
}

/** Write transactions take the write lock up front (BEGIN IMMEDIATE): no lock upgrade deadlocks between processes. */
class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

export class NodeSqliteDialect extends SqliteDialect {
	constructor(private readonly file: string) {
		super({ database: () => Promise.resolve(openNodeSqlite(file)) });
	}

	override createDriver(): Driver {
		return new ImmediateSqliteDriver({
			database: () => Promise.resolve(openNodeSqlite(this.file)),
		});
	}
}
