/** Workflows that exercise every resource and operation of the node in a real n8n. */
import { readFileSync } from 'fs';
import { join } from 'path';

import { VTIGER_NODE_TYPE } from './n8n';

/** The PDF the document workflow uploads and downloads again. */
export const E2E_PDF = readFileSync(join(__dirname, '../fixtures/contract.pdf'));

/** Modules and the text field that carries the run's tag, for the clean-up. */
const TAGGED_FIELDS: Array<[string, string, 'startsWith' | 'contains']> = [
	['Contacts', 'lastname', 'startsWith'],
	['ModComments', 'commentcontent', 'contains'],
	['Leads', 'lastname', 'startsWith'],
	['Accounts', 'accountname', 'startsWith'],
	['Potentials', 'potentialname', 'startsWith'],
	['Documents', 'notes_title', 'startsWith'],
	['Invoice', 'subject', 'startsWith'],
	['HelpDesk', 'ticket_title', 'startsWith'],
	['Products', 'productname', 'startsWith'],
];

/** Contacts the seed workflow creates: past Vtiger's 100-row page and the 120 that Get Many asks for. */
export const SEED_CONTACTS = 125;

export const SANDBOX_CREDENTIAL = { id: 'vtiger-sandbox', name: 'Vtiger Sandbox' };
export const BAD_CREDENTIAL = { id: 'vtiger-bad-key', name: 'Vtiger Wrong Key' };

type Parameters = Record<string, unknown>;

interface NodeSpec {
	name: string;
	parameters?: Parameters;
	type?: string;
	typeVersion?: number;
	credential?: typeof SANDBOX_CREDENTIAL;
	continueOnFail?: boolean;
	executeOnce?: boolean;
	/** Name of the node whose output feeds this one; the trigger when left out. */
	after?: string;
}

export interface WorkflowFile {
	id: string;
	name: string;
	active: boolean;
	nodes: object[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	>;
	settings: object;
}

const TRIGGER = 'Start';

export function workflow(id: string, name: string, specs: NodeSpec[]): WorkflowFile {
	const nodes: object[] = [
		{
			id: `${id}-start`,
			name: TRIGGER,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections: WorkflowFile['connections'] = {};
	specs.forEach((spec, n) => {
		const isVtiger = spec.type === undefined;
		nodes.push({
			id: `${id}-${n}`,
			name: spec.name,
			type: spec.type ?? VTIGER_NODE_TYPE,
			typeVersion: spec.typeVersion ?? 1,
			position: [220 * (n + 1), 0],
			parameters: spec.parameters ?? {},
			...(isVtiger ? { credentials: { vtigerApi: spec.credential ?? SANDBOX_CREDENTIAL } } : {}),
			...(spec.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			...(spec.executeOnce ? { executeOnce: true } : {}),
		});
		const from = spec.after ?? (n === 0 ? TRIGGER : (specs[n - 1].name as string));
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: spec.name, type: 'main', index: 0 });
	});
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}

const code = (name: string, items: object[]): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};` },
});

const fromItem = { fieldsInput: 'json', fieldsJson: '={{ JSON.stringify($json) }}' };

const create = (name: string, module: string): NodeSpec => ({
	name,
	parameters: { resource: 'record', operation: 'create', module, ...fromItem },
});

/** The one record of `module` whose `field` is `value` (a record the seed workflow made). */
const findOne = (
	name: string,
	module: string,
	field: string,
	value: string,
	after = TRIGGER,
): NodeSpec => ({
	name,
	parameters: {
		resource: 'record',
		operation: 'getAll',
		module,
		returnAll: false,
		limit: 1,
		conditions: { condition: [{ field, operator: 'equal', value }] },
	},
	after,
	executeOnce: true,
});

/** Names of what the seed workflow makes, for the workflows and checks that use them. */
export const seedNames = (tag: string) => ({
	ticket: `${tag} ticket`,
	deal: `${tag} deal`,
	account: `${tag} account`,
	product: `${tag} product`,
});

/** `tag` marks every record the suite creates, so a real CRM can be cleaned up afterwards. */
export function e2eWorkflows(tag: string): WorkflowFile[] {
	const contacts = [1, 2, 3].map((n) => ({
		lastname: `${tag}-contact-${n}`,
		firstname: `E2E ${n}`,
		description: tag,
	}));
	const seed = seedNames(tag);
	const bulk = Array.from({ length: SEED_CONTACTS }, (_, n) => ({
		lastname: `${tag}-bulk-${String(n + 1).padStart(3, '0')}`,
		description: tag,
	}));
	return [
		workflow('e2eSeed', 'E2E seed: the records the other workflows need, tagged', [
			code('Bulk', bulk),
			create('Bulk contacts', 'Contacts'),
			{
				...code('Ticket', [
					{
						ticket_title: seed.ticket,
						ticketstatus: 'Open',
						ticketpriorities: 'High',
						description: tag,
					},
				]),
				after: TRIGGER,
			},
			create('Create ticket', 'HelpDesk'),
			{
				...code('Deal', [
					{ potentialname: seed.deal, closingdate: '2027-06-30', sales_stage: 'Prospecting' },
				]),
				after: TRIGGER,
			},
			create('Create deal', 'Potentials'),
			{ ...code('Account', [{ accountname: seed.account }]), after: TRIGGER },
			create('Create account', 'Accounts'),
			{
				...code('Product', [{ productname: seed.product, unit_price: '12.50', discontinued: '1' }]),
				after: TRIGGER,
			},
			create('Create product', 'Products'),
		]),
		workflow('e2eRecords', 'E2E records', [
			code('Contacts', contacts),
			{
				name: 'Create',
				parameters: { resource: 'record', operation: 'create', module: 'Contacts', ...fromItem },
			},
			{
				name: 'Get',
				parameters: { resource: 'record', operation: 'get', recordId: '={{ $json.id }}' },
			},
			{
				name: 'Update',
				parameters: {
					resource: 'record',
					operation: 'update',
					recordId: '={{ $json.id }}',
					fieldsInput: 'keyValue',
					fieldsUi: {
						field: [{ name: 'phone', value: '={{ "+1 555 000 " + $json.firstname.slice(-1) }}' }],
					},
				},
			},
			{
				name: 'Replace',
				parameters: {
					resource: 'record',
					operation: 'update',
					recordId: '={{ $json.id }}',
					fieldsInput: 'json',
					fieldsJson:
						'={{ JSON.stringify({ lastname: $json.lastname, assigned_user_id: $json.assigned_user_id, firstname: "" }) }}',
					replaceAllFields: true,
				},
			},
			{
				name: 'Find',
				parameters: {
					resource: 'record',
					operation: 'getAll',
					module: 'Contacts',
					returnAll: true,
					conditions: {
						condition: [{ field: 'lastname', operator: 'startsWith', value: `${tag}-contact-` }],
					},
					options: {
						fields: 'lastname, firstname, phone',
						sortField: 'lastname',
						sortDirection: 'DESC',
					},
				},
				executeOnce: true,
			},
		]),
		workflow('e2eUpsert', 'E2E create or update, record by URL, mapper', [
			code('Leads', [
				{ email: `${tag}@example.com`, lastname: `${tag}-upsert`, description: tag, phone: '1' },
				{ email: `${tag}@example.com`, lastname: `${tag}-upsert`, description: tag, phone: '2' },
			]),
			{
				name: 'Upsert',
				parameters: {
					resource: 'record',
					operation: 'upsert',
					module: { __rl: true, mode: 'list', value: 'Contacts' },
					fieldsInput: 'mapper',
					columns: {
						mappingMode: 'autoMapInputData',
						value: null,
						matchingColumns: ['email'],
						schema: [],
					},
				},
			},
			{
				name: 'By URL',
				parameters: {
					resource: 'record',
					operation: 'get',
					module: { __rl: true, mode: 'list', value: 'Contacts' },
					recordId: {
						__rl: true,
						mode: 'url',
						value:
							'={{ "https://crm.example.com/index.php?module=Contacts&view=Detail&record=" + $json.id.split("x")[1] }}',
					},
				},
			},
		]),
		workflow('e2eBeyond', 'E2E related records, comments, count, custom operation', [
			{
				name: 'Relations',
				parameters: {
					resource: 'related',
					operation: 'listTypes',
					module: { __rl: true, mode: 'list', value: 'Accounts' },
				},
			},
			findOne('A ticket', 'HelpDesk', 'ticket_title', seed.ticket),
			{
				name: 'Comment',
				parameters: {
					resource: 'comment',
					operation: 'add',
					recordId: '={{ $json.id }}',
					comment: `${tag} comment`,
				},
			},
			{
				name: 'Comments',
				parameters: {
					resource: 'comment',
					operation: 'getAll',
					recordId: "={{ $('A ticket').item.json.id }}",
					returnAll: true,
				},
			},
			{
				name: 'Count',
				parameters: { resource: 'record', operation: 'count', module: 'HelpDesk' },
				after: 'Start',
			},
			{
				name: 'Every ticket',
				parameters: {
					resource: 'query',
					operation: 'run',
					query: 'SELECT id FROM HelpDesk;',
					returnAll: true,
				},
				after: 'Start',
			},
			{
				name: 'Custom',
				parameters: {
					resource: 'custom',
					operation: 'call',
					operationName: 'describe',
					method: 'GET',
					parameters: { parameter: [{ name: 'elementType', value: 'HelpDesk' }] },
				},
				after: 'Start',
			},
		]),
		workflow('e2eQuery', 'E2E query, modules and user', [
			{
				name: 'Run VTQL',
				parameters: {
					resource: 'query',
					operation: 'run',
					query: 'SELECT id, lastname FROM Contacts;',
					returnAll: true,
				},
			},
			{
				name: 'Module List',
				parameters: { resource: 'module', operation: 'list' },
				after: 'Start',
			},
			{
				name: 'Describe',
				parameters: { resource: 'module', operation: 'describe', module: 'Contacts' },
				after: 'Start',
			},
			{
				name: 'Current User',
				parameters: { resource: 'user', operation: 'getCurrent' },
				after: 'Start',
			},
			{
				name: 'Get Many Limit',
				parameters: {
					resource: 'record',
					operation: 'getAll',
					module: 'Contacts',
					returnAll: false,
					limit: 120,
				},
				after: 'Start',
			},
		]),
		workflow('e2eSessions', 'E2E sessions', [
			{ name: 'Login', parameters: { resource: 'session', operation: 'login' } },
			{
				name: 'Extend',
				parameters: {
					resource: 'session',
					operation: 'extend',
					sessionName: '={{ $json.sessionName }}',
				},
			},
			{
				name: 'Logout',
				parameters: {
					resource: 'session',
					operation: 'logout',
					sessionName: "={{ $('Login').item.json.sessionName }}",
				},
			},
		]),
		workflow('e2eContinueOnFail', 'E2E continue on fail', [
			code('Items', [
				{ lastname: `${tag}-cof-1`, description: tag },
				{ firstname: 'No last name' },
				{ lastname: `${tag}-cof-3`, description: tag },
			]),
			{
				name: 'Create',
				parameters: { resource: 'record', operation: 'create', module: 'Contacts', ...fromItem },
				continueOnFail: true,
			},
		]),
		workflow('e2eStopsOnError', 'E2E stops on error', [
			code('Items', [{ firstname: 'No last name' }]),
			{
				name: 'Create',
				parameters: { resource: 'record', operation: 'create', module: 'Contacts', ...fromItem },
			},
		]),
		workflow('e2eBadCredential', 'E2E bad credential', [
			{
				name: 'Module List',
				parameters: { resource: 'module', operation: 'list' },
				credential: BAD_CREDENTIAL,
			},
		]),
		workflow('e2eDocuments', 'E2E documents: upload with a link, download', [
			findOne('A ticket', 'HelpDesk', 'ticket_title', seed.ticket),
			code('PDF', [{ pdf: E2E_PDF.toString('base64') }]),
			{
				name: 'To file',
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				parameters: {
					operation: 'toBinary',
					sourceProperty: 'pdf',
					options: { fileName: `${tag}-contract.pdf`, mimeType: 'application/pdf' },
				},
			},
			{
				name: 'Upload',
				parameters: {
					resource: 'document',
					operation: 'upload',
					title: `${tag} contract`,
					linkTo: "={{ $('A ticket').item.json.id }}",
				},
			},
			{
				name: 'Download',
				parameters: { resource: 'document', operation: 'download', recordId: '={{ $json.id }}' },
				continueOnFail: true,
			},
		]),
		workflow('e2eInventory', 'E2E inventory: get with line items, create', [
			{
				name: 'An invoice',
				parameters: {
					resource: 'record',
					operation: 'getAll',
					module: 'Invoice',
					returnAll: false,
					limit: 1,
				},
			},
			{
				name: 'Invoice',
				parameters: {
					resource: 'inventory',
					operation: 'get',
					module: 'Invoice',
					recordId: '={{ $json.id }}',
				},
			},
			{
				name: 'Invoice count',
				parameters: { resource: 'record', operation: 'count', module: 'Invoice' },
				after: TRIGGER,
			},
			findOne('Account', 'Accounts', 'accountname', seed.account),
			findOne('Product', 'Products', 'productname', seed.product, 'Account'),
			{
				name: 'Create invoice',
				parameters: {
					resource: 'inventory',
					operation: 'create',
					module: 'Invoice',
					fieldsInput: 'json',
					fieldsJson:
						'={{ JSON.stringify({ subject: "' +
						tag +
						' invoice", account_id: $("Account").item.json.id, bill_street: "1 High Street", ship_street: "1 High Street", invoicestatus: "Created" }) }}',
					lineItemsInput: 'json',
					lineItemsJson:
						'={{ JSON.stringify([{ productid: $json.id, quantity: 2, listprice: 12.5 }]) }}',
				},
				continueOnFail: true,
			},
			{
				name: 'Tagged invoices',
				parameters: {
					resource: 'record',
					operation: 'count',
					module: 'Invoice',
					conditions: { condition: [{ field: 'subject', operator: 'startsWith', value: tag }] },
				},
				executeOnce: true,
			},
		]),
		workflow('e2eInventoryUpdate', 'E2E inventory: update the header', [
			{
				name: 'An invoice',
				parameters: {
					resource: 'record',
					operation: 'getAll',
					module: 'Invoice',
					returnAll: false,
					limit: 1,
				},
			},
			{
				name: 'Update invoice',
				parameters: {
					resource: 'inventory',
					operation: 'update',
					module: 'Invoice',
					recordId: '={{ $json.id }}',
					fieldsInput: 'keyValue',
					fieldsUi: { field: [{ name: 'invoicestatus', value: 'Approved' }] },
				},
			},
		]),
		workflow('e2eLead', 'E2E lead conversion', [
			code('Lead', [
				{
					lastname: `${tag}-lead`,
					firstname: 'Ada',
					company: `${tag}-org`,
					email: `${tag}.lead@example.com`,
				},
			]),
			{
				name: 'Create lead',
				parameters: { resource: 'record', operation: 'create', module: 'Leads', ...fromItem },
			},
			{
				name: 'Convert',
				parameters: {
					resource: 'lead',
					operation: 'convert',
					recordId: '={{ $json.id }}',
					createPotential: true,
					potentialName: `${tag}-deal`,
					closingDate: '2027-06-30T00:00:00',
					convertOptions: { createInstead: true },
				},
			},
			{
				name: 'Converted contact',
				parameters: { resource: 'record', operation: 'get', recordId: '={{ $json.contactId }}' },
			},
		]),
		workflow(
			'e2eCleanup',
			'E2E cleanup',
			TAGGED_FIELDS.flatMap(([module, field, operator]): NodeSpec[] => [
				{
					name: `Tagged ${module}`,
					parameters: {
						resource: 'record',
						operation: 'getAll',
						module,
						returnAll: true,
						conditions: { condition: [{ field, operator, value: tag }] },
						options: { fields: field },
					},
					after: 'Start',
				},
				{
					name: `Delete ${module}`,
					parameters: { resource: 'record', operation: 'delete', recordId: '={{ $json.id }}' },
					continueOnFail: true,
				},
			]),
		),
	];
}

/** The delete nodes of the clean-up workflow. */
export const CLEANUP_DELETE_NODES = TAGGED_FIELDS.map(([module]) => `Delete ${module}`);

/** Deletes records that example workflows made without the run's tag (their ids known only at run time). */
export function deleteRecordsWorkflow(ids: string[]): WorkflowFile {
	return workflow('e2eDeleteUntagged', 'E2E cleanup of untagged records', [
		code(
			'Ids',
			ids.map((id) => ({ id })),
		),
		{
			name: 'Delete',
			parameters: { resource: 'record', operation: 'delete', recordId: '={{ $json.id }}' },
			continueOnFail: true,
		},
	]);
}
