#!/usr/bin/env node
'use strict';
// `npm run n8n:install`: installs the pinned n8n runtime into its cache folder, or confirms the existing one.
// `--force` reinstalls. Folder: IM_N8N_RUNTIME_DIR, or IM_N8N_CACHE/n8n-<version> (default ~/.cache/im-n8n-runtime).
const rt = require('./runtime');

rt.ensureRuntime({ force: process.argv.includes('--force') })
	.then((p) => console.log(`n8n ${rt.N8N_VERSION} (Node ${rt.NODE_VERSION}) bereit: ${p.dir}`))
	.catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
