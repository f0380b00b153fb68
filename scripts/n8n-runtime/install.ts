// `npm run n8n:install`: installs the pinned n8n runtime into its cache folder, or confirms the existing one.
// `--force` reinstalls. Folder: IM_N8N_RUNTIME_DIR, or IM_N8N_CACHE/n8n-<version> (default ~/.cache/im-n8n-runtime).
import { ensureRuntime, N8N_VERSION, NODE_VERSION } from './runtime';

ensureRuntime({ force: process.argv.includes('--force') })
	.then((p) => console.log(`n8n ${N8N_VERSION} (Node ${NODE_VERSION}) bereit: ${p.dir}`))
	.catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
