import type { IDataObject, INodeCredentialsDetails, INodeParameters } from 'n8n-workflow';

import { VtigerEmulator, type EmulatorOptions } from '../emulator';
import { MemoryCredentialsHelper } from './credentials';
import { runVtigerNode, type NodeRun, type RunOptions } from './engine';

export interface VtigerTestBed {
	emulator: VtigerEmulator;
	credentials: MemoryCredentialsHelper;
	credential: INodeCredentialsDetails;
	/** Runs the Vtiger CRM node once with these parameters over the given input items. */
	run(parameters: object, input?: IDataObject[], options?: { continueOnFail?: boolean; files?: RunOptions['files'] }): Promise<NodeRun>;
	/** Runs and fails the test if the node failed; returns the output JSON. */
	json(parameters: object, input?: IDataObject[]): Promise<IDataObject[]>;
	stop(): Promise<void>;
}

export async function startTestBed(options: EmulatorOptions = {}, credentialOverrides: IDataObject = {}): Promise<VtigerTestBed> {
	const emulator = await VtigerEmulator.start(options);
	const credentials = new MemoryCredentialsHelper();
	const credential = credentials.add('cred-1', 'Vtiger Test', 'vtigerApi', {
		url: emulator.url,
		username: emulator.username,
		secretAccessKey: emulator.accessKey,
		ignoreSslIssues: false,
		sessionName: '',
		userId: '',
		...credentialOverrides,
	});
	const run: VtigerTestBed['run'] = async (parameters, input, runOptions) =>
		await runVtigerNode({
			parameters: parameters as INodeParameters,
			input,
			credentials,
			credential,
			continueOnFail: runOptions?.continueOnFail,
			files: runOptions?.files,
		});
	return {
		emulator,
		credentials,
		credential,
		run,
		json: async (parameters, input) => {
			const result = await run(parameters, input);
			if (result.error) throw new Error(`The node failed: ${result.error.message} (${result.error.description ?? ''})`);
			return result.items.map((item) => item.json);
		},
		stop: async () => await emulator.stop(),
	};
}

export const createContact = (fields: IDataObject): INodeParameters => ({
	resource: 'record',
	operation: 'create',
	module: 'Contacts',
	fieldsInput: 'json',
	fieldsJson: JSON.stringify(fields),
});
