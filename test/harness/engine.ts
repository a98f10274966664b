import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { Vtiger } from '../../nodes/Vtiger/Vtiger.node';
import { VtigerTrigger } from '../../nodes/Vtiger/VtigerTrigger.node';
import type { MemoryCredentialsHelper } from './credentials';

/** Emits the items given in its `items` parameter: the start of every test workflow. */
class TestInput implements INodeType {
	description = {
		displayName: 'Test Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Input' },
		inputs: [],
		outputs: ['main'],
		properties: [
			{ displayName: 'Items', name: 'items', type: 'json', default: '[]' },
			{ displayName: 'Files', name: 'files', type: 'json', default: '[]' },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		const files = JSON.parse(this.getNodeParameter('files', 0) as string) as Array<Record<
			string,
			InputFile
		> | null>;
		return [
			await Promise.all(
				items.map(async (json, index) => {
					const binary: IBinaryKeyData = {};
					for (const [property, file] of Object.entries(files[index] ?? {})) {
						binary[property] = await this.helpers.prepareBinaryData(
							Buffer.from(file.base64, 'base64'),
							file.fileName,
							file.mimeType,
						);
					}
					return Object.keys(binary).length > 0 ? { json, binary } : { json };
				}),
			),
		];
	}
}

const VTIGER_TYPE = 'n8n-nodes-vtiger-webservice.vtiger';
const TRIGGER_TYPE = 'n8n-nodes-vtiger-webservice.vtigerTrigger';
const nodeTypeList: Record<string, INodeType> = {
	'test.input': new TestInput(),
	[VTIGER_TYPE]: new Vtiger(),
	[TRIGGER_TYPE]: new VtigerTrigger(),
};

const nodeTypes: INodeTypes = {
	getByName: (type: string) => nodeTypeList[type] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type: string) => nodeTypeList[type],
	getKnownTypes: () =>
		Object.fromEntries(Object.keys(nodeTypeList).map((t) => [t, { className: t, sourcePath: '' }])),
};

export interface NodeRun {
	/** Output items of the Vtiger node (empty when the node failed). */
	items: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: Error & { description?: string; context?: IDataObject };
	run: IRun;
}

/** A file an input item carries in a binary property. */
export interface InputFile {
	base64: string;
	fileName: string;
	mimeType: string;
}

export interface RunOptions {
	parameters: INodeParameters;
	credentials: MemoryCredentialsHelper;
	credential: INodeCredentialsDetails;
	input?: IDataObject[];
	/** Binary properties of the input items, by position. */
	files?: Array<Record<string, InputFile> | null>;
	continueOnFail?: boolean;
}

let executionCounter = 0;

export function additionalDataFor(
	credentials: MemoryCredentialsHelper,
	executionId: string,
	extra: Record<string, unknown>,
): IWorkflowExecuteAdditionalData {
	const url = (path: string) => `http://localhost/${path}`;
	return {
		credentialsHelper: credentials,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: url('rest'),
		instanceBaseUrl: url(''),
		formBaseUrl: url('form'),
		formWaitingBaseUrl: url('form-waiting'),
		formTestBaseUrl: url('form-test'),
		webhookBaseUrl: url('webhook'),
		webhookWaitingBaseUrl: url('webhook-waiting'),
		webhookTestBaseUrl: url('webhook-test'),
		mcpBaseUrl: url('mcp'),
		mcpTestBaseUrl: url('mcp-test'),
		variables: {},
		logAiEvent: () => undefined,
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

type MethodKind = 'loadOptions' | 'listSearch' | 'resourceMapping';

/** A node of one of this package's types with its credential, as a workflow holds it. */
function packageNode(
	name: string,
	type: string,
	parameters: INodeParameters,
	credential: INodeCredentialsDetails,
	position: [number, number] = [0, 0],
): INode {
	return {
		id: name,
		name,
		type,
		typeVersion: 1,
		position,
		parameters,
		credentials: { vtigerApi: credential },
	};
}

/** Calls one of the node's editor methods the way the editor does: a LoadOptionsContext over the current parameters. */
export async function callNodeMethod<T>(
	kind: MethodKind,
	method: string,
	options: {
		parameters: INodeParameters;
		credentials: MemoryCredentialsHelper;
		credential: INodeCredentialsDetails;
		/** Where the parameter asking sits, e.g. parameters.conditions.condition[0].value (for "&field"). */
		path?: string;
	},
	...args: unknown[]
): Promise<T> {
	const node = packageNode('Vtiger CRM', VTIGER_TYPE, options.parameters, options.credential);
	const workflow = new Workflow({
		id: 'wf-methods',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const additionalData = additionalDataFor(options.credentials, `methods-${++executionCounter}`, {
		currentNodeParameters: options.parameters,
	});
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		options.path ?? 'parameters',
	);
	const methods = (nodeTypeList[VTIGER_TYPE] as Vtiger).methods as unknown as Record<
		MethodKind,
		Record<string, (this: LoadOptionsContext, ...a: unknown[]) => Promise<T>>
	>;
	return await methods[kind][method].call(context, ...args);
}

/** Runs Input -> Vtiger CRM through n8n-core's WorkflowExecute, as n8n does for a manual execution. */
export async function runVtigerNode(options: RunOptions): Promise<NodeRun> {
	const input: INode = {
		id: 'input',
		name: 'Input',
		type: 'test.input',
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			items: JSON.stringify(options.input ?? [{}]),
			files: JSON.stringify(options.files ?? []),
		},
	};
	const vtiger: INode = {
		...packageNode('Vtiger CRM', VTIGER_TYPE, options.parameters, options.credential, [200, 0]),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflowData = {
		id: 'wf-test',
		name: 'Vtiger test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [input, vtiger],
		connections: { Input: { main: [[{ node: 'Vtiger CRM', type: 'main' as const, index: 0 }]] } },
		settings: {},
	};
	const workflow = new Workflow({ ...workflowData, nodeTypes });
	const executionId = `exec-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const additionalData = additionalDataFor(options.credentials, executionId, { hooks });
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: input, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData['Vtiger CRM']?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as NodeRun['error'],
		run,
	};
}

export interface PollRun {
	items: IDataObject[];
	/** The workflow's static data after the poll, as n8n would save it (pass it to the next poll). */
	staticData: IDataObject;
}

/**
 * One poll of the Vtiger CRM Trigger through n8n-core's PollContext, as an active workflow (or a
 * manual test run) does it. Passing the previous `staticData` is what a restart of n8n does.
 */
export async function pollTrigger(options: {
	parameters: INodeParameters;
	credentials: MemoryCredentialsHelper;
	credential: INodeCredentialsDetails;
	staticData?: IDataObject;
	mode?: 'trigger' | 'manual';
}): Promise<PollRun> {
	const node = packageNode(
		'Vtiger CRM Trigger',
		TRIGGER_TYPE,
		options.parameters,
		options.credential,
	);
	const workflow = new Workflow({
		id: 'wf-trigger',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: JSON.parse(JSON.stringify(options.staticData ?? {})) as IDataObject,
	});
	const additionalData = additionalDataFor(options.credentials, `poll-${++executionCounter}`, {});
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		options.mode ?? 'trigger',
		'activate',
	);
	const result = await (nodeTypeList[TRIGGER_TYPE] as VtigerTrigger).poll.call(context);
	return {
		items: (result?.[0] ?? []).map((item) => item.json),
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
	};
}
