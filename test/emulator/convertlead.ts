/**
 * convertlead, 7.x/8.x `element` form (docs/vtiger-webservice.md#lead-conversion), as PHP 7 servers run it
 * (PHP 8 fails before, #broken-on-php-8). The lead→module field mapping is the stock
 * vtiger_convertleadmapping of a fresh install. Related records moved to the target: many-to-many links and comments.
 */
import { err, WsError } from './errors';
import type { Call, OpOutcome } from './operations';
import { isTrue } from './metadata';
import type { Caller } from './records';
import { formatDateTime } from './clock';
import { parseJsonParam, phpString } from './values';

const MODULES = ['Accounts', 'Contacts', 'Potentials'] as const;
type Target = (typeof MODULES)[number];

const ADDRESS = (prefix: string, zip: string): Record<string, string> => ({
	lane: `${prefix}street`,
	city: `${prefix}city`,
	code: zip,
	state: `${prefix}state`,
	country: `${prefix}country`,
	pobox: `${prefix}pobox`,
});

const MAPPING: Record<Target, Record<string, string>> = {
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
		...ADDRESS('bill_', 'bill_code'),
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
		...ADDRESS('mailing', 'mailingzip'),
	},
	Potentials: { leadsource: 'leadsource', description: 'description' },
};

const truthy = (v: unknown): boolean =>
	v !== undefined && v !== null && v !== false && v !== '' && v !== '0' && v !== 0;
const asObject = (v: unknown): Record<string, unknown> =>
	v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function convertlead(c: Call): OpOutcome {
	const { meta, records, store, clock } = c.backend;
	const text = c.param('element');
	let element: Record<string, unknown> = {};
	if (text) {
		const parsed = parseJsonParam(text);
		if (!parsed.ok) throw err.internal();
		element = asObject(parsed.value);
	}
	const leadRaw = element.leadId;
	const id = records.parseId(typeof leadRaw === 'string' ? leadRaw : undefined);
	const lead = records.resolve(id);
	if (lead.module !== 'Leads') throw err.invalidId();
	if (lead.converted) throw new WsError('LEAD_ALREADY_CONVERTED', 'Lead is already converted');
	const entities = asObject(element.entities);
	if (!truthy(asObject(entities.Accounts).create) && !truthy(asObject(entities.Contacts).create)) {
		return { kind: 'result', result: null };
	}
	const owner = phpString(element.assignedTo) || records.wsId('Users', c.caller!.userId);
	// Entities are created with the first active admin user's rights (docs/vtiger-webservice.md#lead-conversion).
	const admin: Caller = { userId: 1, isAdmin: true };
	const ids: Partial<Record<Target, string>> = {};
	const nums: Partial<Record<Target, number>> = {};

	for (const module of MODULES) {
		const spec = asObject(entities[module]);
		if (!truthy(spec.create)) continue;
		const name = phpString(spec.name);
		if (name !== module)
			throw new WsError(
				'UNKNOWN_OPERATION',
				`Permission to perform the operation is denied for name : ${name} : ${name}`,
			);
		if (module === 'Accounts' && spec.accountname) {
			const wanted = phpString(spec.accountname).toLowerCase();
			const existing = store
				.all('Accounts')
				.find((a) => a.values.accountname.toLowerCase() === wanted);
			if (existing) {
				ids.Accounts = records.wsId('Accounts', existing.num);
				nums.Accounts = existing.num;
				continue;
			}
		}
		const values: Record<string, unknown> = {};
		for (const [from, to] of Object.entries(MAPPING[module])) {
			if (meta.field(module, to) && lead.values[from]) values[to] = lead.values[from];
		}
		values.assigned_user_id = owner;
		if (module === 'Contacts' && ids.Accounts) values.account_id = ids.Accounts;
		if (module === 'Potentials') {
			if (ids.Accounts) values.related_to = ids.Accounts;
			if (ids.Contacts) values.contact_id = ids.Contacts;
		}
		for (const [k, v] of Object.entries(spec)) if (k !== 'create' && k !== 'name') values[k] = v;
		for (const f of meta.fields(module)) {
			if (f.mandatory !== true || !isTrue(f.editable) || phpString(values[f.name]) !== '') continue;
			values[f.name] = f.default || '????';
		}
		try {
			const rec = records.create(admin, module, values);
			ids[module] = records.wsId(module, rec.num);
			nums[module] = rec.num;
		} catch (e) {
			if (e instanceof WsError && e.code !== 0)
				throw new WsError('UNKNOWN_OPERATION', `${e.message} : ${module}`);
			throw e;
		}
	}

	if (nums.Contacts && nums.Potentials)
		store.links.add('contpotentialrel', nums.Contacts, nums.Potentials);
	const wanted = phpString(element.transferRelatedRecordsTo) || 'Contacts';
	const target = nums[wanted as Target] ?? nums.Contacts ?? nums.Accounts ?? nums.Potentials;
	if (target !== undefined) {
		store.links.transfer(lead.num, target);
		for (const comment of store.all('ModComments')) {
			if (comment.values.related_to === String(lead.num))
				comment.values.related_to = String(target);
		}
	}
	lead.converted = true;
	lead.values.modifiedtime = formatDateTime(clock.now());
	return { kind: 'result', result: ids };
}
