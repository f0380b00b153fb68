// jest `setupFiles` for suites that load n8n-core: n8n writes its instance settings (encryption key)
// into N8N_USER_FOLDER on first use, so point it at a throw-away folder before n8n-core is imported.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'im-n8n-'));
process.env.N8N_ENCRYPTION_KEY ??= 'integrationsmanagement-test-key';
process.env.N8N_LOG_LEVEL ??= 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
