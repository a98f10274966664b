/** What both benchmarks share: a credential for a target, one node run, the Create parameters. */
import type { INodeCredentialsDetails } from 'n8n-workflow';

import { MemoryCredentialsHelper } from '../harness/credentials';
import { runVtigerNode } from '../harness/engine';

export interface BenchTarget {
	url: string;
	username: string;
	accessKey: string;
}

export function addCredential(
	credentials: MemoryCredentialsHelper,
	id: string,
	target: BenchTarget,
): INodeCredentialsDetails {
	return credentials.add(id, 'Bench', 'vtigerApi', {
		url: target.url,
		username: target.username,
		secretAccessKey: target.accessKey,
		ignoreSslIssues: false,
		sessionName: '',
		userId: '',
	});
}

/** Runs the node once; its output items, or its error thrown. */
export async function runNode(
	credentials: MemoryCredentialsHelper,
	credential: INodeCredentialsDetails,
	parameters: object,
	input: object[],
) {
	const result = await runVtigerNode({
		parameters: parameters as never,
		input: input as never,
		credentials,
		credential,
	});
	if (result.error) throw result.error;
	return result.items;
}

export const createParameters = (module: string, parallel: number) => ({
	resource: 'record',
	operation: 'create',
	module,
	fieldsInput: 'json',
	fieldsJson: '={{ JSON.stringify($json) }}',
	parallelRequests: parallel,
});
