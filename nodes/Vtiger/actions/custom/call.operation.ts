import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { VtigerClient } from '../../transport/client';

const SESSION_OPERATIONS = ['getchallenge', 'login', 'logout', 'extendsession'];

const properties: INodeProperties[] = [
	{
		displayName: 'Operation Name',
		name: 'operationName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'retrieve_inventory',
		description:
			'Any operation the server registers, e.g. one added by an extension; the session is added by the node',
	},
	{
		displayName: 'HTTP Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'GET (Read Operations)', value: 'GET' },
			{ name: 'POST (Write Operations)', value: 'POST' },
		],
		default: 'GET',
		description:
			'Vtiger reads the parameters of read operations from the URL and those of write operations from the body',
	},
	{
		displayName: 'Parameters',
		name: 'parameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Objects and arrays are sent as JSON text',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['custom'], operation: ['call'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const operation = String(ctx.getNodeParameter('operationName', itemIndex) ?? '').trim();
	if (!/^[A-Za-z_][\w.]*$/.test(operation)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"Operation Name" must be a Vtiger operation name, not "${operation}"`,
			{ itemIndex },
		);
	}
	if (SESSION_OPERATIONS.includes(operation.toLowerCase())) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${operation}" manages sessions: use the Session resource`,
			{
				itemIndex,
				description:
					'The node logs in by itself; Session > Login, Logout and Extend exist for workflows that manage sessions.',
			},
		);
	}
	const params: Record<string, string> = {};
	for (const { name, value } of ctx.getNodeParameter(
		'parameters.parameter',
		itemIndex,
		[],
	) as Array<{ name: string; value: unknown }>) {
		if (['operation', 'sessionName'].includes(name)) {
			throw new NodeOperationError(ctx.getNode(), `The parameter "${name}" is set by the node`, {
				itemIndex,
			});
		}
		params[name] =
			typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');
	}
	const result = await client.call<unknown>(
		operation,
		params,
		ctx.getNodeParameter('method', itemIndex) as 'GET' | 'POST',
	);
	if (Array.isArray(result))
		return result.map((r) =>
			typeof r === 'object' && r !== null ? (r as IDataObject) : { result: r },
		);
	return [
		typeof result === 'object' && result !== null
			? (result as IDataObject)
			: { result: result as IDataObject[string] },
	];
}
