import type { IDataObject, INodeCredentialsDetails, INodeParameters } from 'n8n-workflow';

import { VtigerEmulator, type EmulatorOptions } from '../emulator';
import { emulatorCrm, realCrm, type CrmSide } from './crm';
import { MemoryCredentialsHelper } from './credentials';
import { callNodeMethod, runVtigerNode, type NodeRun, type RunOptions } from './engine';
import { realTarget } from './target';

export interface VtigerTestBed {
	/** The emulator's own controls. On a real server reading it throws: such tests are emulatorOnly. */
	emulator: VtigerEmulator;
	/** The CRM side, on the emulator or a real server alike: create, read and delete records. */
	crm: CrmSide;
	/** The CRM's base URL. */
	url: string;
	credentials: MemoryCredentialsHelper;
	credential: INodeCredentialsDetails;
	/** Runs the Vtiger CRM node once with these parameters over the given input items. */
	run(
		parameters: object,
		input?: IDataObject[],
		options?: {
			continueOnFail?: boolean;
			files?: RunOptions['files'];
			/** Another credential of `credentials` (see otherCredential); default: the bed's. */
			credential?: INodeCredentialsDetails;
		},
	): Promise<NodeRun>;
	/** Runs and fails the test if the node failed; returns the output JSON. */
	json(parameters: object, input?: IDataObject[]): Promise<IDataObject[]>;
	/**
	 * Adds a credential that is the bed's with these changes and without a session (so its first
	 * run logs in), under `id` or a new one; returns it for `run`'s `credential` option.
	 */
	otherCredential(changes?: object, id?: string): INodeCredentialsDetails;
	stop(): Promise<void>;
}

/** Operations whose output ids are records the node created (never reads: those may be others' records). */
const CREATING = new Set(['create', 'upsert', 'upload', 'add']);

/** Errors that name a record the node saved all the same: a document left without its file, a record stored differently. */
const KEPT = /^Document (\d+x\d+) was created|; the record (\d+x\d+) was saved that way/;

/** Node output ids to delete after a run on a real CRM: the records it created and those named in errors. */
function createdIds(parameters: object, result: NodeRun): string[] {
	const { resource, operation } = parameters as { resource?: string; operation?: string };
	if (!CREATING.has(String(operation)) || resource === 'related') return [];
	const ids: string[] = [];
	const keptIn = (message: string) => {
		const kept = KEPT.exec(message);
		if (kept) ids.push(kept[1] ?? kept[2]);
	};
	for (const { json } of result.items) {
		if (typeof json.id === 'string' && /^\d+x\d+$/.test(json.id)) ids.push(json.id);
		keptIn(String(json.error ?? ''));
	}
	keptIn(result.error?.message ?? '');
	return ids;
}

/** Ids of the credentials otherCredential adds (the bed's own is cred-1). */
let otherCredentials = 1;

/**
 * A test bed over the emulator (started with these options), or, under `npm run test:vtiger`, over
 * the real Vtiger of the VTIGER_* variables (test/harness/target.ts): there the emulator options do
 * not apply (tests depending on them are emulatorOnly) and `stop` deletes what the run created.
 */
export async function startTestBed(
	options: EmulatorOptions = {},
	credentialOverrides: IDataObject = {},
): Promise<VtigerTestBed> {
	const real = realTarget();
	const emulator = real ? undefined : await VtigerEmulator.start(options);
	const target = real ?? {
		url: emulator!.url,
		username: emulator!.username,
		accessKey: emulator!.accessKey,
	};
	const crm = real ? await realCrm(real) : emulatorCrm(emulator!);
	const credentials = new MemoryCredentialsHelper();
	const credential = credentials.add('cred-1', 'Vtiger Test', 'vtigerApi', {
		url: target.url,
		username: target.username,
		secretAccessKey: target.accessKey,
		ignoreSslIssues: false,
		sessionName: '',
		userId: '',
		...credentialOverrides,
	});
	const run: VtigerTestBed['run'] = async (parameters, input, runOptions) => {
		const result = await runVtigerNode({
			parameters: parameters as INodeParameters,
			input,
			credentials,
			credential: runOptions?.credential ?? credential,
			continueOnFail: runOptions?.continueOnFail,
			files: runOptions?.files,
		});
		crm.track(createdIds(parameters, result));
		return result;
	};
	return {
		get emulator(): VtigerEmulator {
			if (!emulator) {
				throw new Error(
					'bed.emulator is emulator-only and this run talks to a real Vtiger (VTIGER_URL): use bed.crm, or mark the test emulatorOnly(reason)',
				);
			}
			return emulator;
		},
		crm,
		url: target.url,
		credentials,
		credential,
		run,
		json: async (parameters, input) => {
			const result = await run(parameters, input);
			if (result.error)
				throw new Error(
					`The node failed: ${result.error.message} (${result.error.description ?? ''})`,
				);
			return result.items.map((item) => item.json);
		},
		otherCredential: (changes = {}, id = `cred-${++otherCredentials}`) =>
			credentials.add(id, id, 'vtigerApi', {
				...credentials.data(credential.id!),
				sessionName: '',
				...(changes as IDataObject),
			}),
		stop: async () => {
			await crm.cleanup();
			await emulator?.stop();
		},
	};
}

/**
 * The test bed of the enclosing describe block (or file), for its tests and the hooks declared
 * after this call: started before the first test and stopped after the last, or with `each`, a
 * fresh one for every test. The object returned stands for the bed running at the time.
 */
export function useTestBed(
	options: EmulatorOptions = {},
	credentialOverrides: IDataObject = {},
	{ each = false }: { each?: boolean } = {},
): VtigerTestBed {
	let current: VtigerTestBed | undefined;
	(each ? beforeEach : beforeAll)(async () => {
		current = await startTestBed(options, credentialOverrides);
	});
	(each ? afterEach : afterAll)(async () => {
		await current?.stop();
		current = undefined;
	});
	return new Proxy({} as VtigerTestBed, {
		get: (_target, key) => {
			if (!current)
				throw new Error('A test bed of useTestBed runs only in the tests and hooks of its block');
			return Reflect.get(current, key, current) as unknown;
		},
	});
}

export const createContact = (fields: IDataObject): INodeParameters => ({
	resource: 'record',
	operation: 'create',
	module: 'Contacts',
	fieldsInput: 'json',
	fieldsJson: JSON.stringify(fields),
});

const rl = (value: string) => ({ __rl: true, mode: 'list', value });

/** Record > Create through the field mapper ("Map Each Column Manually") with these values. */
export const mapperCreate = (module: string, value: object, extra: object = {}) => ({
	resource: 'record',
	operation: 'create',
	module: rl(module),
	fieldsInput: 'mapper',
	columns: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] },
	...extra,
});

/** The node's editor methods (loadOptions, listSearch, resourceMapping), called as the editor does. */
export const editorMethod =
	(bed: VtigerTestBed) =>
	async <T>(
		kind: 'loadOptions' | 'listSearch' | 'resourceMapping',
		name: string,
		parameters: object,
		...args: unknown[]
	): Promise<T> =>
		await callNodeMethod<T>(
			kind,
			name,
			{ parameters: parameters as never, credentials: bed.credentials, credential: bed.credential },
			...args,
		);
