import { createHash } from 'node:crypto';
import { openStore, type CaseStore, type StoreConfig } from '../../src/index';

/** A store nobody has used for this long is closed; the next use opens it again. */
export const DEFAULT_IDLE_MS = 10 * 60 * 1000;

export interface StorePoolOptions {
	/** How long (milliseconds) an unused store stays open. */
	idleMs?: number;
}

interface Entry {
	readonly key: string;
	readonly store: Promise<CaseStore>;
	/** Uses in flight: a store with leases is never closed. */
	leases: number;
	idleTimer?: NodeJS.Timeout;
	/** Set when the entry has left the pool: its store closes once the last lease is returned. */
	retired?: { drained: () => void; closed: Promise<void> };
}

/**
 * One open store per configuration: n8n runs a node many times, and a PostgreSQL pool or an SQLite handle
 * is reused, not reopened for every item. Stores are keyed by a SHA-256 hash of their configuration, so
 * the password of a connection string never becomes a key. Every use holds a lease; a store without
 * leases closes after the idle time and is reopened on the next use.
 */
export class StorePool {
	private readonly entries = new Map<string, Entry>();

	private readonly idleMs: number;

	constructor(options: StorePoolOptions = {}) {
		this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
	}

	/** The pool's key of a configuration: a hash, never the configuration (or its password) itself. */
	static keyOf(config: StoreConfig): string {
		return createHash('sha256').update(JSON.stringify(config)).digest('hex');
	}

	/** Runs `work` with the store of `config`; the store stays open at least until `work` has finished. */
	async use<T>(config: StoreConfig, work: (store: CaseStore) => Promise<T>): Promise<T> {
		const entry = this.acquire(config);
		try {
			return await work(await entry.store);
		} finally {
			this.release(entry);
		}
	}

	/** Keys of the stores the pool holds now. */
	keys(): string[] {
		return [...this.entries.keys()];
	}

	/** Closes every store; one still in use closes as soon as its last use has finished. */
	async closeAll(): Promise<void> {
		await Promise.all([...this.entries.values()].map((entry) => this.retire(entry)));
	}

	private acquire(config: StoreConfig): Entry {
		const key = StorePool.keyOf(config);
		let entry = this.entries.get(key);
		if (!entry) {
			const opened: Entry = { key, store: openStore(config), leases: 0 };
			// A store that cannot be opened is not kept: the next use tries again.
			opened.store.catch(() => this.forget(opened));
			this.entries.set(key, opened);
			entry = opened;
		}
		clearTimeout(entry.idleTimer);
		entry.leases++;
		return entry;
	}

	private release(entry: Entry): void {
		entry.leases--;
		if (entry.leases > 0) return;
		if (entry.retired) {
			entry.retired.drained();
		} else if (this.entries.get(entry.key) === entry) {
			entry.idleTimer = setTimeout(() => this.closeIdle(entry), this.idleMs);
			// An idle store must not keep n8n (or a test run) from exiting.
			entry.idleTimer.unref();
		}
	}

	private closeIdle(entry: Entry): void {
		// Nobody waits for this close: a failure (e.g. a connection already gone) is reported, never thrown into the void.
		this.retire(entry).catch(warnCloseFailed);
	}

	private retire(entry: Entry): Promise<void> {
		this.forget(entry);
		clearTimeout(entry.idleTimer);
		if (!entry.retired) {
			let drained = (): void => undefined;
			const released = new Promise<void>((resolve) => (drained = resolve));
			entry.retired = { drained, closed: released.then(() => closeStore(entry.store)) };
			if (entry.leases === 0) drained();
		}
		return entry.retired.closed;
	}

	private forget(entry: Entry): void {
		if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
	}
}

/** A store that cannot be closed (its connection is already gone, say) is worth a warning, not a crash. */
export function warnCloseFailed(error: unknown): void {
	process.emitWarning(`Integration case store could not be closed: ${(error as Error).message}`);
}

/** Closes a retired store; one that never opened has nothing to close. */
async function closeStore(store: Promise<CaseStore>): Promise<void> {
	const open = await store.catch(() => undefined);
	await open?.close();
}
