/**
 * The credential's Test button, as n8n's CredentialsTester runs a declarative `test`
 * (packages/cli/src/services/credentials-tester.service.ts, n8n 2.41): a temporary
 * n8n-nodes-base.noOp node whose one parameter routes the test request, run by n8n-core's
 * RoutingNode (so preAuthentication and authenticate run as in n8n), then the same reading of
 * errors and rules. Only this reading is copied; the request itself goes through n8n-core.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialTestRequest,
	type INode,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

import { VtigerApi } from '../../credentials/VtigerApi.credentials';
import type { MemoryCredentialsHelper } from './credentials';
import { additionalDataFor } from './engine';

const NO_OP = 'n8n-nodes-base.noOp';

type Failure = Error & {
	cause?: { code?: unknown; response?: { status: number; statusText?: string } };
};

function readFailure(error: Failure, test: ICredentialTestRequest): INodeCredentialTestResult {
	if (error.cause?.response) {
		const { status, statusText } = error.cause.response;
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && status === rule.properties.value)
				return { status: 'Error', message: rule.properties.message };
		}
		if (status < 199 || status > 299)
			return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
	} else if (error.cause?.code) {
		return { status: 'Error', message: String(error.cause.code) };
	}
	return { status: 'Error', message: error.message.toString() };
}

/** Presses the Test button of the credential `credentialId` held by `credentials`. */
export async function testCredential(
	credentials: MemoryCredentialsHelper,
	credentialId: string,
): Promise<INodeCredentialTestResult> {
	const test = new VtigerApi().test;
	const nodeType = {
		description: {
			displayName: 'No Operation',
			name: NO_OP,
			group: ['organization'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'vtigerApi', required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	} as unknown as INodeType;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const stored = credentials.data(credentialId);
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: NO_OP,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { vtigerApi: { id: credentialId, name: 'Vtiger Test' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = additionalDataFor(credentials, 'credential-test', {});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, nodeType, {
			id: credentialId,
			name: 'Vtiger Test',
			type: 'vtigerApi',
			data: { ...stored },
		}).runNode();
	} catch (error) {
		return readFailure(error as Failure, test);
	}
	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const value = rule.properties.key
			.split('.')
			.reduce<unknown>(
				(at, key) => (at as Record<string, unknown> | undefined)?.[key],
				response![0][0].json,
			);
		if (value === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
