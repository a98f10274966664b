/** The Vtiger the real n8n talks to: the emulator sandbox, or a real CRM from VTIGER_* variables. */
import { VtigerEmulator } from '../emulator';

export interface VtigerTarget {
	url: string;
	username: string;
	accessKey: string;
	/** What a person reads in the output: the emulator or the real CRM's URL. */
	label: string;
	/** Set when the target is the emulator (its data can then be checked exactly). */
	emulator?: VtigerEmulator;
	stop(): Promise<void>;
}

export async function vtigerTarget(
	options: { port?: number; accessKey?: string } = {},
): Promise<VtigerTarget> {
	const { VTIGER_URL, VTIGER_USERNAME, VTIGER_ACCESS_KEY } = process.env;
	if (VTIGER_URL && VTIGER_USERNAME && VTIGER_ACCESS_KEY) {
		return {
			url: VTIGER_URL,
			username: VTIGER_USERNAME,
			accessKey: VTIGER_ACCESS_KEY,
			label: `the Vtiger at ${VTIGER_URL}`,
			stop: async () => undefined,
		};
	}
	const emulator = await VtigerEmulator.start({
		port: options.port,
		accessKey: options.accessKey,
		demoData: true,
	});
	return {
		url: emulator.url,
		username: emulator.username,
		accessKey: emulator.accessKey,
		label: 'the Vtiger emulator',
		emulator,
		stop: async () => await emulator.stop(),
	};
}

export function credentialFile(
	id: string,
	name: string,
	target: Pick<VtigerTarget, 'url' | 'username' | 'accessKey'>,
	accessKey = target.accessKey,
): object {
	return {
		id,
		name,
		type: 'vtigerApi',
		data: {
			url: target.url,
			username: target.username,
			secretAccessKey: accessKey,
			ignoreSslIssues: false,
			sessionName: '',
			userId: '',
		},
	};
}
