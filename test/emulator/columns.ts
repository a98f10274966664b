/**
 * Column sizes of text fields, as schema/DatabaseSchema.xml of Vtiger 8.3.0 declares them
 * (describe does not tell them). With the default sql_mode a longer value is cut to the size
 * without an error (ref 8.1, 21 row 21). Fields not listed here are not cut.
 */
const COLUMN_SIZES: Record<string, Record<string, number>> = {
	Contacts: { firstname: 40, lastname: 80, email: 100, phone: 50, mobile: 50, title: 50, department: 30, fax: 50 },
	Leads: { firstname: 40, lastname: 80, company: 100, email: 100, designation: 50 },
	Accounts: { accountname: 100, phone: 30, otherphone: 30, fax: 30, website: 100, tickersymbol: 30, ownership: 50, siccode: 50 },
	Calendar: { subject: 100 },
	Events: { subject: 100 },
};

export function fitColumn(module: string, field: string, value: string): string {
	const size = COLUMN_SIZES[module]?.[field];
	if (size === undefined) return value;
	const chars = [...value];
	return chars.length > size ? chars.slice(0, size).join('') : value;
}
