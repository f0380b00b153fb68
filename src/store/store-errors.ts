import type {
	CompiledQuery,
	DatabaseConnection,
	Dialect,
	Driver,
	QueryResult,
	TransactionSettings,
} from 'kysely';
import { DomainError } from '../errors';

/** Errors of a lost or refused connection: Node's socket errors, PostgreSQL's class 08 and the server shutting a session down. */
const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ENOTFOUND',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'57P01',
	'57P02',
	'57P03',
	'53300',
]);
/** What node-postgres says when the socket is gone (it has no code for these). */
const CONNECTION_MESSAGES =
	/Connection terminated|not queryable|Connection ended unexpectedly|timeout exceeded when trying to connect/i;
/** PostgreSQL cannot store the character (a NUL in text, 22021) or convert it (22P05). */
const CHARACTER_CODES = new Set(['22021', '22P05']);

/**
 * A database error as the core reports it: a lost connection is a German "try again" (`STORE_UNAVAILABLE`), a
 * character PostgreSQL cannot store a German validation error. Everything else passes unchanged (the core tells
 * unique violations and its own errors apart by their codes).
 */
export function translateStoreError(error: unknown): unknown {
	if (error instanceof DomainError || typeof error !== 'object' || error === null) return error;
	const { code, message } = error as { code?: unknown; message?: unknown };
	const codeText = typeof code === 'string' ? code : '';
	const messageText = typeof message === 'string' ? message : '';
	if (
		CONNECTION_CODES.has(codeText) ||
		codeText.startsWith('08') ||
		CONNECTION_MESSAGES.test(messageText)
	) {
		return new DomainError(
			'STORE_UNAVAILABLE',
			'Die Verbindung zur Falldatenbank ist unterbrochen. Bitte versuchen Sie es in einem Moment erneut.',
			{
				details: { code: codeText, cause: messageText },
			},
		);
	}
	if (CHARACTER_CODES.has(codeText)) {
		return new DomainError(
			'VALIDATION_FAILED',
			'Die Angaben enthalten ein Zeichen, das die Falldatenbank nicht speichern kann (z. B. ein Nullzeichen). Bitte ohne Steuerzeichen eingeben.',
			{
				details: { code: codeText, cause: messageText },
			},
		);
	}
	return error;
}

async function translated<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw translateStoreError(error);
	}
}

/** A driver whose every database call reports errors through translateStoreError. */
class TranslatingDriver implements Driver {
	readonly #inner: Driver;
	readonly #wrappers = new WeakMap<DatabaseConnection, DatabaseConnection>();
	readonly #inners = new WeakMap<DatabaseConnection, DatabaseConnection>();

	constructor(inner: Driver) {
		this.#inner = inner;
	}

	init(): Promise<void> {
		return translated(() => this.#inner.init());
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		const connection = await translated(() => this.#inner.acquireConnection());
		let wrapper = this.#wrappers.get(connection);
		if (!wrapper) {
			wrapper = {
				executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> =>
					translated(() => connection.executeQuery<R>(query)),
				streamQuery: <R>(query: CompiledQuery, chunkSize?: number) =>
					connection.streamQuery<R>(query, chunkSize),
			};
			this.#wrappers.set(connection, wrapper);
			this.#inners.set(wrapper, connection);
		}
		return wrapper;
	}

	#unwrap(connection: DatabaseConnection): DatabaseConnection {
		return this.#inners.get(connection) ?? connection;
	}

	beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
		return translated(() => this.#inner.beginTransaction(this.#unwrap(connection), settings));
	}

	commitTransaction(connection: DatabaseConnection): Promise<void> {
		return translated(() => this.#inner.commitTransaction(this.#unwrap(connection)));
	}

	rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		return translated(() => this.#inner.rollbackTransaction(this.#unwrap(connection)));
	}

	releaseConnection(connection: DatabaseConnection): Promise<void> {
		return this.#inner.releaseConnection(this.#unwrap(connection));
	}

	destroy(): Promise<void> {
		return this.#inner.destroy();
	}
}

/** The same dialect, with database errors translated (see translateStoreError). */
export function translatingDialect(dialect: Dialect): Dialect {
	return {
		createAdapter: () => dialect.createAdapter(),
		createDriver: () => new TranslatingDriver(dialect.createDriver()),
		createQueryCompiler: () => dialect.createQueryCompiler(),
		createIntrospector: (db) => dialect.createIntrospector(db),
	};
}
