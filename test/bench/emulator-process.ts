/** The emulator in its own process for the benchmark, driven over IPC, so its memory is not the node's. */
import { VtigerEmulator } from '../emulator';

type Command =
	| { cmd: 'start'; latencyMs: number }
	| { cmd: 'seed'; module: string; count: number; prefix: string }
	| { cmd: 'latency'; ms: number }
	| { cmd: 'stats' }
	| { cmd: 'clear' }
	| { cmd: 'stop' };

let emulator: VtigerEmulator | undefined;

process.on('message', (message: Command & { id: number }) => {
	void (async () => {
		let reply: unknown;
		switch (message.cmd) {
			case 'start':
				emulator = await VtigerEmulator.start({ latencyMs: message.latencyMs });
				reply = { url: emulator.url, username: emulator.username, accessKey: emulator.accessKey };
				break;
			case 'seed':
				for (let n = 0; n < message.count; n++)
					emulator!.insert(message.module, {
						lastname: `${message.prefix}${n}`,
						email: `${message.prefix}${n}@example.com`,
					});
				reply = emulator!.records(message.module).length;
				break;
			case 'latency':
				emulator!.setLatency(message.ms);
				break;
			case 'stats':
				reply = { requests: emulator!.requests.length, logins: emulator!.count('login') };
				break;
			case 'clear':
				emulator!.clearRequests();
				break;
			case 'stop':
				await emulator?.stop();
				process.send?.({ id: message.id });
				process.exit(0);
		}
		process.send?.({ id: message.id, reply });
	})();
});
