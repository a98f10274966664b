import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { VtigerClient } from '../../transport/client';
import type { VtigerRecord } from '../../transport/types';
import { selectWhere } from '../../vtql/select';

type Target = 'Accounts' | 'Contacts' | 'Potentials';

const address = (
	street: string,
	city: string,
	zip: string,
	state: string,
	country: string,
	pobox: string,
) => ({
	lane: street,
	city,
	code: zip,
	state,
	country,
	pobox,
});

/** Vtiger's stock lead conversion mapping (Settings > Lead Conversion Mapping of a fresh install). */
const LEAD_FIELDS_TO: Record<Target, Record<string, string>> = {
	Accounts: {
		company: 'accountname',
		industry: 'industry',
		annualrevenue: 'annual_revenue',
		noofemployees: 'employees',
		phone: 'phone',
		fax: 'fax',
		website: 'website',
		rating: 'rating',
		email: 'email1',
		description: 'description',
		...address('bill_street', 'bill_city', 'bill_code', 'bill_state', 'bill_country', 'bill_pobox'),
	},
	Contacts: {
		salutationtype: 'salutationtype',
		firstname: 'firstname',
		lastname: 'lastname',
		designation: 'title',
		email: 'email',
		secondaryemail: 'secondaryemail',
		phone: 'phone',
		mobile: 'mobile',
		fax: 'fax',
		leadsource: 'leadsource',
		emailoptout: 'emailoptout',
		description: 'description',
		...address(
			'mailingstreet',
			'mailingcity',
			'mailingzip',
			'mailingstate',
			'mailingcountry',
			'mailingpobox',
		),
	},
	Potentials: { leadsource: 'leadsource', description: 'description' },
};

export interface ConversionRequest {
	leadId: string;
	owner: string;
	/** The records to create, each with the values given in the node (they win over the lead's). */
	entities: Partial<Record<Target, IDataObject>>;
}

function mapped(lead: VtigerRecord, target: Target): IDataObject {
	const values: IDataObject = {};
	for (const [from, to] of Object.entries(LEAD_FIELDS_TO[target])) {
		const value = lead[from];
		if (value !== null && value !== undefined && value !== '') values[to] = value as string;
	}
	return values;
}

/**
 * What `convertlead` would create, made with ordinary creates, for servers that cannot run it
 * (Vtiger 8.x on PHP 8, docs/vtiger-webservice.md#lead-conversion). The lead cannot be marked
 * converted over the API.
 */
export async function createInstead(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
	request: ConversionRequest,
): Promise<IDataObject> {
	const lead = await client.retrieve(request.leadId);
	const ids: Partial<Record<Target, string>> = {};
	const create = async (target: Target, values: IDataObject) => {
		try {
			ids[target] = String(
				(await client.create(target, { ...values, assigned_user_id: request.owner })).id,
			);
		} catch (error) {
			const done = Object.entries(ids).map(([module, id]) => `${module} ${id}`);
			throw new NodeOperationError(
				ctx.getNode(),
				`Creating the ${target} record for lead ${request.leadId} failed: ${(error as Error).message}`,
				{
					itemIndex,
					description: `${done.length ? `Already created: ${done.join(', ')}. ` : ''}${(error as { description?: string }).description ?? ''}`,
				},
			);
		}
	};
	const { Accounts: account, Contacts: contact, Potentials: potential } = request.entities;
	if (account) {
		const values = { ...mapped(lead, 'Accounts'), ...account };
		// As convertlead does: an organization with exactly this name is reused.
		const name = {
			field: 'accountname',
			operator: 'equal' as const,
			value: String(values.accountname ?? ''),
		};
		const [existing] = await client.query(
			selectWhere({ module: 'Accounts', fields: ['id'], conditions: [name] }, 1),
		);
		if (existing) ids.Accounts = String(existing.id);
		else await create('Accounts', values);
	}
	if (contact)
		await create('Contacts', {
			...mapped(lead, 'Contacts'),
			...(ids.Accounts ? { account_id: ids.Accounts } : {}),
			...contact,
		});
	if (potential) {
		const links = {
			related_to: ids.Accounts ?? ids.Contacts,
			...(ids.Contacts ? { contact_id: ids.Contacts } : {}),
		};
		await create('Potentials', { ...mapped(lead, 'Potentials'), ...links, ...potential });
	}
	return {
		leadId: request.leadId,
		accountId: ids.Accounts ?? null,
		contactId: ids.Contacts ?? null,
		potentialId: ids.Potentials ?? null,
		converted: false,
	};
}
