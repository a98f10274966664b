/**
 * Manual sandbox: `npx tsx test/emulator/sandbox.ts`. Starts the emulator with demo data on
 * SANDBOX_PORT (default 8765); SANDBOX_ACCESS_KEY fixes the admin access key.
 */
import { VtigerEmulator } from './index';

async function main(): Promise<void> {
	const port = Number(process.env.SANDBOX_PORT ?? 8765);
	const emulator = await VtigerEmulator.start({
		port,
		demoData: true,
		accessKey: process.env.SANDBOX_ACCESS_KEY || undefined,
		phpVersion: process.env.SANDBOX_PHP === '7' ? 7 : 8,
	});
	console.log('Vtiger 8.3.0 webservice emulator');
	console.log(`URL:        ${emulator.url}`);
	console.log(`Username:   ${emulator.username}`);
	console.log(`Access key: ${emulator.accessKey}`);
	const stop = (): void => {
		void emulator.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
