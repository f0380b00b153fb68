import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openStore } from '../../src/store/open-store';

jest.setTimeout(30_000);

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('SQLite case store files at rest', () => {
	it('creates the store and its journal files readable by the owner only', async () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'im-files-'));
		const file = path.join(root, 'integrationsmanagement.sqlite');
		const previous = process.umask(0o022);
		try {
			const store = await openStore({ backend: 'sqlite', file });
			await store.db.selectFrom('cases').selectAll().execute();
			expect(mode(file)).toBe(0o600);
			for (const journal of [`${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f)))
				expect(mode(journal)).toBe(0o600);
			await store.close();
		} finally {
			process.umask(previous);
			fs.rmSync(root, { recursive: true, force: true });
		}
	});
});
