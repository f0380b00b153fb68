import * as os from 'node:os';
import * as path from 'node:path';
import { DomainError, openStore, type CaseStore, type StoreConfig } from '../../src/index';

/** The fields of the "Integration Case Store" credential. */
export interface CaseStoreCredential {
	backend?: 'sqlite' | 'postgres';
	sqliteFile?: string;
	host?: string;
	port?: number;
	database?: string;
	user?: string;
	password?: string;
	schema?: string;
	ssl?: 'disable' | 'require' | 'verify-full';
}

/** n8n's user folder (`$N8N_USER_FOLDER/.n8n`, default `~/.n8n`): relative SQLite paths live there. */
export function n8nUserFolder(): string {
	return path.join(process.env.N8N_USER_FOLDER ?? os.homedir(), '.n8n');
}

export function storeConfigFromCredential(credential: CaseStoreCredential): StoreConfig {
	if ((credential.backend ?? 'sqlite') === 'sqlite') {
		const file = (credential.sqliteFile ?? '').trim() || 'integrationsmanagement.sqlite';
		return {
			backend: 'sqlite',
			file: path.isAbsolute(file) ? file : path.join(n8nUserFolder(), file),
		};
	}
	const url = new URL('postgres://localhost');
	url.hostname = credential.host || 'localhost';
	url.port = String(credential.port || 5432);
	url.pathname = `/${encodeURIComponent(credential.database || 'integrationsmanagement')}`;
	url.username = encodeURIComponent(credential.user || 'postgres');
	if (credential.password) url.password = encodeURIComponent(credential.password);
	if (credential.ssl && credential.ssl !== 'disable')
		url.searchParams.set('sslmode', credential.ssl);
	return {
		backend: 'postgres',
		connectionString: url.toString(),
		schema: credential.schema || undefined,
	};
}

/** Really connects (and migrates); answers in German what went wrong. */
export async function testStoreConnection(
	credential: CaseStoreCredential,
): Promise<{ ok: true; message: string } | { ok: false; message: string }> {
	let config: StoreConfig;
	try {
		config = storeConfigFromCredential(credential);
	} catch (error) {
		return { ok: false, message: `Ungültige Angaben: ${(error as Error).message}` };
	}
	let store: CaseStore | undefined;
	try {
		store = await openStore(config);
		const cases = await store.db
			.selectFrom('cases')
			.select((eb) => eb.fn.countAll<string | number>().as('n'))
			.executeTakeFirstOrThrow();
		return {
			ok: true,
			message: `Verbunden (${config.backend === 'sqlite' ? config.file : 'PostgreSQL'}), ${Number(cases.n)} Fälle.`,
		};
	} catch (error) {
		const message =
			error instanceof DomainError
				? error.message
				: `Verbindung fehlgeschlagen: ${(error as Error).message}`;
		return { ok: false, message };
	} finally {
		await store?.close();
	}
}
