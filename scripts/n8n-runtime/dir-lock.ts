// Work that concurrent processes (parallel test workers, a second `npm start`) must do once and not at the same
// time: the runtime install, and the build the end-to-end suites load into n8n. The lock is a folder holding the
// owner's pid (creating a folder is atomic); the lock of a dead process is broken.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockedWork {
	/** True when there is nothing (left) to do, e.g. because another process did it meanwhile. */
	done(): boolean;
	work(): void;
	/** Called while another process (`owner`, 0 if not known yet) holds the lock. */
	waiting(owner: number): void;
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

const ownerOf = (lock: string): number => {
	try {
		return Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8').trim() || 0);
	} catch {
		return 0; // the owner has not written its pid yet
	}
};

/** Takes the lock; returns false when the work got done by another process while waiting. */
async function acquire(lock: string, { done, waiting }: LockedWork): Promise<boolean> {
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			return true;
		} catch (error) {
			if (errorCode(error) !== 'EEXIST') throw error;
			const owner = ownerOf(lock);
			if (owner && !pidAlive(owner)) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			waiting(owner);
			await sleep(3000);
			if (done()) return false;
		}
	}
}

/** Does the work unless it is done, holding the lock folder `lock` (its parent folder must exist). */
export async function onceUnderLock(lock: string, job: LockedWork): Promise<void> {
	if (job.done() || !(await acquire(lock, job))) return;
	try {
		if (!job.done()) job.work();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}
