/**
 * Data that several test files prepare alike. Names carry the run's tag (`bed.crm.tag`, empty on
 * the emulator), so that a run on a real CRM finds and deletes what it made.
 */
import type { VtigerEmulator } from '../emulator';
import type { VtigerTestBed } from './fixture';

/** The cities of the seeded leads, in turn. */
export const LEAD_CITIES = ['Berlin', 'Paris', 'Rome'];

/**
 * 250 leads, Lead000 to Lead249: company "Company n % 7", city Berlin, Paris or Rome in turn (name
 * and city tagged), annual revenue n * 1000.
 */
export async function insertLeads(bed: VtigerTestBed): Promise<void> {
	const t = bed.crm.tag;
	for (let n = 0; n < 250; n++) {
		await bed.crm.insert('Leads', {
			lastname: `${t}Lead${String(n).padStart(3, '0')}`,
			company: `Company ${n % 7}`,
			city: `${t}${LEAD_CITIES[n % 3]}`,
			annualrevenue: String(n * 1000),
		});
	}
}

/**
 * An organization "Related Ltd" with 130 contacts, "Rel 000" to "Rel 129", and one contact
 * "Unrelated" outside it; returns the organization's id.
 */
export async function insertAccountWithContacts(bed: VtigerTestBed): Promise<string> {
	const t = bed.crm.tag;
	const account = await bed.crm.insert('Accounts', { accountname: `${t}Related Ltd` });
	for (let n = 0; n < 130; n++)
		await bed.crm.insert('Contacts', {
			lastname: `${t}Rel ${String(n).padStart(3, '0')}`,
			account_id: account,
		});
	await bed.crm.insert('Contacts', { lastname: `${t}Unrelated` });
	return account;
}

/** What only the emulator seeds: the product Widget (40, tax1 10%) and the service Support hour (90). */
export function insertWidgetAndSupport(emulator: VtigerEmulator): {
	widget: string;
	support: string;
} {
	const widget = emulator.insert('Products', {
		productname: 'Widget',
		unit_price: '40',
		tax1: '10',
	});
	const support = emulator.insert('Services', { servicename: 'Support hour', unit_price: '90' });
	return { widget, support };
}

const picklist = (values: string[]) => values.map((value) => ({ label: value, value }));
const customField = (name: string, label: string, type: object) => ({
	name,
	label,
	mandatory: false,
	type,
	isunique: false,
	nullable: true,
	editable: true,
	default: '',
});

/**
 * What only the emulator can add: the custom fields cf_901 (multipicklist Red, Green, Blue),
 * cf_902 (skype), cf_903 (integer), cf_904 (currency), cf_905 (time) and cf_906 (datetime) of
 * Contacts, and a custom module Vehicles (vehiclename mandatory, a date, an integer, a reference to
 * Contacts and an owner).
 */
export function addCustomFields(emulator: VtigerEmulator): void {
	emulator.addField(
		'Contacts',
		customField('cf_901', 'Favourite Colours', {
			name: 'multipicklist',
			picklistValues: picklist(['Red', 'Green', 'Blue']),
		}),
	);
	emulator.addField('Contacts', customField('cf_902', 'Skype Name', { name: 'skype' }));
	emulator.addField('Contacts', customField('cf_903', 'Shoe Size', { name: 'integer' }));
	emulator.addField('Contacts', customField('cf_904', 'Credit Limit', { name: 'currency' }));
	emulator.addField('Contacts', customField('cf_905', 'Best Time To Call', { name: 'time' }));
	emulator.addField('Contacts', customField('cf_906', 'Last Visit', { name: 'datetime' }));
	emulator.addModule({
		name: 'Vehicles',
		label: 'Vehicles',
		singular: 'Vehicle',
		labelFields: 'vehiclename',
		fields: [
			{ ...customField('vehiclename', 'Vehicle Name', { name: 'string' }), mandatory: true },
			customField('plate', 'Plate', { name: 'string' }),
			customField('purchased', 'Purchased On', { name: 'date', format: 'yyyy-mm-dd' }),
			customField('mileage', 'Mileage', { name: 'integer' }),
			customField('driver', 'Driver', { name: 'reference', refersTo: ['Contacts'] }),
			{ ...customField('assigned_user_id', 'Assigned To', { name: 'owner' }), mandatory: true },
		],
	});
}
