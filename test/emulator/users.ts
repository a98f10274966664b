/** Users, Groups and the other actor rows as a fresh 8.3.0 install has them (admin 19x1, groups 20x2-20x4, docs/vtiger-webservice.md#users-and-groups). */
import type { Store, StoredRecord } from './store';

export interface NewUser {
	username: string;
	accessKey?: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	isAdmin?: boolean;
	active?: boolean;
	/** The entity modules the profile of a non-admin allows (default: all). */
	modules?: string[];
}

/** Preferences of a user made with Vtiger's Users class (the non-admin user of a fresh 8.3.0 test install). */
const USER_DEFAULTS: Record<string, string> = {
	roleid: 'H5',
	time_zone: 'UTC',
	date_format: 'yyyy-mm-dd',
	hour_format: '24',
	callduration: '5',
	othereventduration: '5',
	currency_id: '1',
	language: 'en_us',
	theme: 'softed',
	activity_view: 'Today',
	lead_view: 'Today',
	start_hour: '08:00',
	end_hour: '18:00',
	is_owner: '',
	currency_grouping_pattern: '123,456,789',
	currency_decimal_separator: '.',
	currency_grouping_separator: ',',
	currency_symbol_placement: '$1.0',
	no_of_currency_decimals: '2',
	truncate_trailing_zeros: '0',
	dayoftheweek: 'Sunday',
	calendarsharedtype: 'public',
	default_record_view: 'Summary',
	leftpanelhide: '0',
	rowheight: '',
	defaulteventstatus: '',
	defaultactivitytype: '',
	hidecompletedevents: '0',
	defaultcalendarview: '',
	defaultlandingpage: '',
	reminder_interval: '',
	internal_mailer: '0',
};

/** The admin of a fresh 8.3.0 install after the installer and the first-login setup (observed). */
const ADMIN_DEFAULTS: Record<string, string> = {
	...USER_DEFAULTS,
	roleid: 'H2',
	hour_format: '12',
	theme: 'alphagrey',
	activity_view: 'This Week',
	start_hour: '00:00',
	end_hour: '23:00',
	is_owner: '1',
	truncate_trailing_zeros: '1',
	defaulteventstatus: 'Planned',
	defaultactivitytype: 'Call',
	defaultcalendarview: 'MyCalendar',
	defaultlandingpage: 'Home',
	reminder_interval: '1 Minute',
	internal_mailer: '1',
};

export function addUserRecord(store: Store, u: NewUser, num?: number): StoredRecord {
	const first = u.firstName ?? '';
	const last = u.lastName ?? u.username;
	return store.add(
		'Users',
		{
			...(num === 1 ? ADMIN_DEFAULTS : USER_DEFAULTS),
			user_name: u.username,
			is_admin: u.isAdmin ? 'on' : 'off',
			roleid: u.isAdmin ? 'H2' : 'H5',
			is_owner: num === 1 ? '1' : '',
			first_name: first,
			last_name: last,
			email1: u.email ?? `${u.username.toLowerCase()}@example.com`,
			status: u.active === false ? 'Inactive' : 'Active',
			accesskey: u.accessKey ?? '',
			userlabel: [first, last].filter((s) => s).join(' '),
		},
		num,
	);
}

export function seedDirectory(store: Store, adminAccessKey: string): void {
	store.allocateUserOrGroupId(); // 1 = admin
	addUserRecord(
		store,
		{
			username: 'admin',
			accessKey: adminAccessKey,
			firstName: '',
			lastName: 'Administrator',
			email: 'admin@example.com',
			isAdmin: true,
		},
		1,
	);
	for (const [name, description] of [
		['Team Selling', 'Group Related to Sales'],
		['Marketing Group', 'Group Related to Marketing Activities'],
		['Support Group', 'Group Related to providing Support to Customers'],
	]) {
		store.add('Groups', { groupname: name, description });
	}
	store.add('Currency', {
		currency_name: 'USA, Dollars',
		currency_code: 'USD',
		currency_symbol: '$',
		conversion_rate: '1.00000',
		currency_status: 'Active',
		defaultid: '-11',
		deleted: '0',
	});
	store.add('DocumentFolders', {
		foldername: 'Default',
		description: 'This is a Default Folder',
		createdby: '1',
		sequence: '1',
	});
	for (const [taxname, taxlabel, percentage] of [
		['tax1', 'VAT', '4.500'],
		['tax2', 'Sales', '10.000'],
		['tax3', 'Service', '12.500'],
	]) {
		store.add('Tax', {
			taxname,
			taxlabel,
			percentage,
			deleted: '0',
			method: 'Simple',
			type: 'Fixed',
			compoundon: '[]',
			regions: '[]',
		});
	}
	store.add('CompanyDetails', {
		organizationname: 'vtiger',
		address: '95, 12th Main Road, 3rd Block, Rajajinagar',
		city: 'Bangalore',
		state: 'Karnataka',
		country: 'India',
		code: '560010',
		phone: '+91 9243602352',
		fax: '+91 9243602352',
		website: 'www.vtiger.com',
		logoname: 'vtiger-crm-logo.png',
		logo: '',
		vatid: '',
	});
}

/** The profile part of the login result (docs/vtiger-webservice.md#login: 8.3.0 key set and order). */
export function loginProfile(u: StoredRecord): Record<string, string> {
	const v = u.values;
	return {
		username: v.user_name,
		first_name: v.first_name,
		last_name: v.last_name,
		email: v.email1,
		time_zone: v.time_zone,
		hour_format: v.hour_format,
		date_format: v.date_format,
		is_admin: v.is_admin,
		call_duration: v.callduration,
		other_event_duration: v.othereventduration,
	};
}
