import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	conditionsFields,
	fieldsToReturnField,
	moduleField,
	simplifyField,
} from './actions/common.descriptions';
import {
	checkedConditions,
	checkedFieldList,
	fieldChecker,
	type ConditionInput,
} from './helpers/conditions';
import { simplifyRecord, toWireDateTime } from './helpers/values';
import { getFields } from './methods/loadOptions';
import { searchFieldValues, searchModules } from './methods/listSearch';
import { vtigerClient } from './helpers/client';
import {
	latestChange,
	pollChanges,
	startingState,
	type PollState,
	type TriggerEvent,
} from './trigger/poll';

export class VtigerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Vtiger CRM Trigger',
		name: 'vtigerTrigger',
		icon: { light: 'file:vtiger.svg', dark: 'file:vtiger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{$parameter["event"] === "created" ? "Record created" : "Record created or updated"}}',
		description: 'Starts the workflow when records are created or updated in Vtiger CRM',
		defaults: { name: 'Vtiger CRM Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vtigerApi', required: true }],
		properties: [
			moduleField,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Record Created',
						value: 'created',
						description: 'A new record (by its created time)',
					},
					{
						name: 'Record Created or Updated',
						value: 'createdOrUpdated',
						description:
							'A new or changed record (by its modified time); a record changed several times between two polls comes once',
					},
				],
				default: 'created',
			},
			...conditionsFields,
			fieldsToReturnField,
			simplifyField,
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description:
					'On first activation, also emit the records changed since this time. Empty: start from now, without old records.',
			},
			{
				displayName:
					'Vtiger keeps times in UTC with one-second steps. Each change is emitted once; deletions cannot be seen through the webservice on every version, so they are not reported.',
				name: 'triggerNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = {
		loadOptions: { getFields },
		listSearch: { searchModules, searchFieldValues },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const client = vtigerClient(this);
		const module = String(this.getNodeParameter('module', '', { extractValue: true }) ?? '').trim();
		const event = this.getNodeParameter('event', 'created') as TriggerEvent;
		const description = await client.describe(module);
		const checked = fieldChecker(this.getNode(), description);
		const spec = {
			module,
			fields: checkedFieldList(this.getNodeParameter('fields', []) as string[], checked),
			conditions: checkedConditions(
				this.getNodeParameter('conditions.condition', []) as ConditionInput[],
				checked,
			),
			combineWith: this.getNodeParameter('combineWith', 'AND') as 'AND' | 'OR',
		};
		const output = (records: IDataObject[]) => {
			if (records.length === 0) return null;
			const simplify = this.getNodeParameter('simplify', true) as boolean;
			return [
				this.helpers.returnJsonArray(
					simplify
						? records.map((r) => simplifyRecord(r, description.fields) as IDataObject)
						: records,
				),
			];
		};

		if (this.getMode() === 'manual')
			return output((await latestChange(client, spec, event)) as IDataObject[]);

		const stored = this.getWorkflowStaticData('node') as PollState;
		let state: PollState = { watermark: stored.watermark, seenIds: stored.seenIds };
		if (!state.watermark) {
			const startFrom = this.getNodeParameter('startFrom', '') as string;
			if (!startFrom) {
				Object.assign(stored, await startingState(client, spec, event));
				return null;
			}
			state = { watermark: toWireDateTime('Start From', startFrom), seenIds: [] };
		}
		const { records, state: next } = await pollChanges(client, spec, event, state);
		Object.assign(stored, next);
		return output(records as IDataObject[]);
	}
}
