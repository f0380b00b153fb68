import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { onceUnderLock } from '../../scripts/n8n-runtime/dir-lock';

describe('work done once under a lock folder (runtime install, e2e build)', () => {
	let folder: string;
	let lock: string;
	let runs: number;
	const job = (waited: number[] = []) => ({
		done: () => runs > 0,
		work: () => {
			expect(fs.readFileSync(path.join(lock, 'pid'), 'utf8')).toBe(String(process.pid));
			runs += 1;
		},
		waiting: (owner: number) => waited.push(owner),
	});
	beforeEach(() => {
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'im-dir-lock-'));
		lock = path.join(folder, '.lock');
		runs = 0;
	});
	afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

	it('does the work once and releases the lock; nothing when it is done already', async () => {
		await onceUnderLock(lock, job());
		await onceUnderLock(lock, job());
		expect(runs).toBe(1);
		expect(fs.existsSync(lock)).toBe(false);
	});

	it('a second caller waits for the holder and then skips the work the holder did', async () => {
		const waited: number[] = [];
		await Promise.all([onceUnderLock(lock, job()), onceUnderLock(lock, job(waited))]);
		expect(runs).toBe(1);
		expect(waited).toEqual([process.pid]);
		expect(fs.existsSync(lock)).toBe(false);
	}, 20_000);

	it('breaks the lock of a process that is gone', async () => {
		const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
			encoding: 'utf8',
		}).stdout;
		fs.mkdirSync(lock);
		fs.writeFileSync(path.join(lock, 'pid'), gone);
		const waited: number[] = [];
		await onceUnderLock(lock, job(waited));
		expect([runs, waited]).toEqual([1, []]);
		expect(fs.existsSync(lock)).toBe(false);
	});
});
