import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n-core writes its instance settings into the user folder on first use.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-vtiger-test-'));
