/**
 * Deterministic demo data (fixed-seed PRNG): 50 Accounts, 300 Contacts, 80 Leads, 60 Potentials,
 * 60 HelpDesk tickets (and, from seedDemoInventory, products, services, invoices and quotes), with awkward values (O'Brien, Zoë 東京, a backslash, 50%, a;b) for
 * escaping tests. Times are spread over the 90 days before the clock's "now".
 */
import { formatDateTime, type Clock } from './clock';
import { seededRandom } from './random';
import type { Records } from './records';

const FIRST = [
	'Anna',
	'Ben',
	'Chloe',
	'David',
	'Emma',
	'Felix',
	'Grace',
	'Henry',
	'Isla',
	'Jack',
	'Kara',
	'Liam',
	'Mia',
	'Noah',
	'Olivia',
	'Paul',
	'Quinn',
	'Ruth',
	'Sam',
	'Tara',
];
const LAST = [
	'Smith',
	'Jones',
	'Taylor',
	'Brown',
	'Wilson',
	'Evans',
	'Thomas',
	'Johnson',
	'Roberts',
	'Walker',
	'Wright',
	'Green',
	'Hall',
	'Wood',
	'Clarke',
	'Lewis',
];
const COMPANY_A = [
	'Acme',
	'Globex',
	'Initech',
	'Umbrella',
	'Stark',
	'Wayne',
	'Hooli',
	'Vandelay',
	'Soylent',
	'Tyrell',
];
const COMPANY_B = ['Ltd', 'GmbH', 'Inc', 'Partners', 'Holdings'];
const INDUSTRY = [
	'Apparel',
	'Banking',
	'Biotechnology',
	'Chemicals',
	'Communications',
	'Construction',
	'Consulting',
	'Education',
];
const LEAD_STATUS = [
	'Attempted to Contact',
	'Cold',
	'Contact in Future',
	'Contacted',
	'Hot',
	'Junk Lead',
	'Lost Lead',
	'Not Contacted',
];
const LEAD_SOURCE = [
	'Cold Call',
	'Existing Customer',
	'Self Generated',
	'Employee',
	'Partner',
	'Public Relations',
	'Direct Mail',
	'Conference',
];
const SALES_STAGE = [
	'Prospecting',
	'Qualification',
	'Needs Analysis',
	'Value Proposition',
	'Proposal or Price Quote',
	'Negotiation or Review',
	'Closed Won',
	'Closed Lost',
];
const TICKET_STATUS = ['Open', 'In Progress', 'Wait For Response', 'Closed'];
const TICKET_PRIORITY = ['Low', 'Normal', 'High', 'Urgent'];
const TICKET_SEVERITY = ['Minor', 'Major', 'Feature', 'Critical'];

export function seedDemoData(records: Records, clock: Clock): void {
	const rnd = seededRandom(0x5eed);
	const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
	const now = clock.now().getTime();
	const DAY = 86400000;
	/** i-th of n records: created progressively over the last 90 days, modified a bit later. */
	const times = (i: number, n: number): { createdtime: string; modifiedtime: string } => {
		const created = now - 90 * DAY + Math.floor(((i + rnd()) / n) * 89 * DAY);
		const modified = Math.min(now, created + Math.floor(rnd() * 5 * DAY));
		return {
			createdtime: formatDateTime(new Date(created)),
			modifiedtime: formatDateTime(new Date(modified)),
		};
	};
	const owner = (): string =>
		rnd() < 0.75 ? records.wsId('Users', 1) : records.wsId('Groups', 2 + Math.floor(rnd() * 3));
	const isoDate = (offsetDays: number): string =>
		new Date(now + offsetDays * DAY).toISOString().slice(0, 10);
	const insert = (module: string, fields: Record<string, string>): string => {
		const rec = records.seed(module, fields);
		return records.wsId(rec.module, rec.num);
	};

	const accounts: string[] = [];
	for (let i = 0; i < 50; i++) {
		const name =
			i === 7
				? "O'Brien & Co"
				: i === 13
					? '50% Off Outlet'
					: `${COMPANY_A[i % 10]} ${COMPANY_B[Math.floor(i / 10)]}`;
		accounts.push(
			insert('Accounts', {
				accountname: name,
				industry: pick(INDUSTRY),
				phone: `+44 20 7946 ${String(1000 + i).slice(-4)}`,
				website: `https://www.${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
				employees: String(10 + Math.floor(rnd() * 5000)),
				annual_revenue: String(Math.floor(rnd() * 1e7)),
				bill_city: pick(['London', 'Berlin', 'Paris', 'Madrid', 'Rome']),
				assigned_user_id: owner(),
				...times(i, 50),
			}),
		);
	}

	const contacts: string[] = [];
	for (let i = 0; i < 300; i++) {
		let firstname = pick(FIRST);
		let lastname = `${pick(LAST)}${i >= FIRST.length * 2 ? '' : ''}`;
		let title = pick(['Manager', 'Director', 'Engineer', 'Buyer', 'CEO']);
		let description = '';
		if (i === 3) [firstname, lastname] = ['Seán', "O'Brien"];
		if (i === 4) [firstname, lastname] = ['Zoë', '東京'];
		if (i === 5) [firstname, lastname] = ['Bob', 'Back\\slash'];
		if (i === 6) title = '50% Partner';
		if (i === 8) description = 'a;b';
		if (i === 9) [firstname, lastname] = ['Tom', "O'Brien \\ Co"];
		contacts.push(
			insert('Contacts', {
				firstname,
				lastname,
				title,
				description,
				email:
					`${firstname}.${lastname}.${i}`.toLowerCase().replace(/[^a-z0-9.]+/g, '') +
					'@example.com',
				account_id: i % 3 === 0 ? '' : accounts[i % accounts.length],
				leadsource: pick(LEAD_SOURCE),
				mailingcity: pick(['London', 'Berlin', 'Paris', 'Madrid', 'Rome']),
				birthday:
					i % 4 === 0
						? ''
						: isoDate(-365 * (25 + Math.floor(rnd() * 30)) - Math.floor(rnd() * 365)),
				emailoptout: rnd() < 0.2 ? '1' : '0',
				assigned_user_id: owner(),
				...times(i, 300),
			}),
		);
	}

	for (let i = 0; i < 80; i++) {
		insert('Leads', {
			firstname: pick(FIRST),
			lastname: `Lead${String(i + 1).padStart(3, '0')}`,
			company: `${pick(COMPANY_A)} ${pick(COMPANY_B)}`,
			leadstatus: pick(LEAD_STATUS),
			leadsource: pick(LEAD_SOURCE),
			industry: pick(INDUSTRY),
			email: `lead${i + 1}@example.com`,
			noofemployees: String(Math.floor(rnd() * 500)),
			assigned_user_id: owner(),
			...times(i, 80),
		});
	}

	for (let i = 0; i < 60; i++) {
		insert('Potentials', {
			potentialname: `Deal ${i + 1} - ${pick(COMPANY_A)}`,
			related_to: accounts[i % accounts.length],
			contact_id: rnd() < 0.5 ? contacts[(i * 7) % contacts.length] : '',
			amount: String(Math.floor(rnd() * 100000) + 500),
			sales_stage: pick(SALES_STAGE),
			probability: String(Math.floor(rnd() * 100)),
			closingdate: isoDate(Math.floor(rnd() * 180) - 60),
			leadsource: pick(LEAD_SOURCE),
			assigned_user_id: owner(),
			...times(i, 60),
			// The last five deals changed just now, so "deals changed today" has something to show.
			...(i >= 55 ? { modifiedtime: formatDateTime(new Date(now)) } : {}),
		});
	}

	for (let i = 0; i < 60; i++) {
		insert('HelpDesk', {
			ticket_title: `Ticket ${i + 1}: ${pick(['Login fails', 'Invoice wrong', 'Slow page', 'Export broken', 'Password reset'])}`,
			ticketstatus: TICKET_STATUS[i % 4],
			ticketpriorities: pick(TICKET_PRIORITY),
			ticketseverities: pick(TICKET_SEVERITY),
			ticketcategories: pick(['Big Problem', 'Small Problem', 'Other Problem']),
			parent_id: rnd() < 0.7 ? accounts[Math.floor(rnd() * accounts.length)] : '',
			contact_id: rnd() < 0.5 ? contacts[Math.floor(rnd() * contacts.length)] : '',
			hours: String(Math.floor(rnd() * 40)),
			description: `Reported issue number ${i + 1}`,
			assigned_user_id: owner(),
			...times(i, 60),
		});
	}
}

interface InventorySeeder {
	insert(module: string, fields: Record<string, string>): string;
	insertInventory(
		module: string,
		header: Record<string, string>,
		lines: Array<Record<string, string>>,
	): string;
	records(module: string): Array<Record<string, string | null>>;
}

/** Products, services, and invoices and quotes with line items as if made in the CRM (creates fail on 8.3.0, docs/vtiger-webservice.md#inventory-create). */
export function seedDemoInventory(emulator: InventorySeeder): void {
	const products = ['Widget', 'Gadget', 'Sprocket', 'Flux capacitor'].map((name, i) =>
		emulator.insert('Products', {
			productname: name,
			unit_price: String(25 * (i + 1)),
			qtyinstock: '100',
			tax1: '10',
			discontinued: '1',
		}),
	);
	const services = ['Installation', 'Support hour'].map((name, i) =>
		emulator.insert('Services', { servicename: name, unit_price: String(90 + 30 * i) }),
	);
	const accounts = emulator
		.records('Accounts')
		.slice(0, 8)
		.map((a) => String(a.id));
	const address = { bill_street: '1 High Street', ship_street: '1 High Street' };
	accounts.forEach((account, i) => {
		const lines: Array<Record<string, string>> = [
			{ productid: products[i % products.length], quantity: String(1 + (i % 3)), tax1: '10' },
			{
				productid: services[i % services.length],
				quantity: String(2 + i),
				listprice: String(90 + 30 * (i % 2)),
				tax1: '10',
			},
		];
		if (i < 5)
			emulator.insertInventory(
				'Invoice',
				{
					subject: `Invoice ${2026001 + i}`,
					account_id: account,
					invoicestatus: 'Created',
					...address,
				},
				lines,
			);
		else
			emulator.insertInventory(
				'Quotes',
				{ subject: `Quote ${i - 4}`, account_id: account, quotestage: 'Created', ...address },
				lines,
			);
	});
}
