/**
 * Inventory: Create, Get and Update of records with line items, where the server can and where it
 * cannot.
 */
import type { IDataObject } from 'n8n-workflow';

import { useTestBed } from '../harness/fixture';
import { insertWidgetAndSupport } from '../harness/seed';
import { emulatorOnlyDescribe } from '../harness/target';

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const header = (account: string, extra: IDataObject = {}) => ({
	fieldsInput: 'json',
	fieldsJson: JSON.stringify({
		subject: 'Invoice 2026-031',
		account_id: account,
		bill_street: '12 Harbour Rd',
		ship_street: '12 Harbour Rd',
		invoicestatus: 'Created',
		...extra,
	}),
});
const line = (product: string, quantity: number, extra: IDataObject = {}) => ({
	product: rl(product),
	quantity,
	...extra,
});
/** Inventory > Update of an invoice, its header fields given as JSON. */
const updateInvoice = (id: string) => ({
	resource: 'inventory',
	operation: 'update',
	module: 'Invoice',
	recordId: rl(id),
	fieldsInput: 'json',
});
const createInvoice = (account: string, lines: object[], extra: IDataObject = {}) => ({
	resource: 'inventory',
	operation: 'create',
	module: 'Invoice',
	...header(account),
	lineItemsInput: 'list',
	lineItems: { item: lines },
	taxMode: 'group',
	...extra,
});

emulatorOnlyDescribe('vtigerVersion and phpVersion switches; seeds the emulator')(
	'Inventory records with line items (Vtiger 8.2 on PHP 7, where inventory writes work)',
	() => {
		const bed = useTestBed({ vtigerVersion: '8.2.0', phpVersion: 7 });
		let account: string;
		let widget: string;
		let support: string;

		beforeAll(async () => {
			account = bed.emulator.insert('Accounts', { accountname: 'Lines Ltd' });
			({ widget, support } = insertWidgetAndSupport(bed.emulator));
		});

		test("Create sends the lines with the product's taxes; Vtiger computes the totals; Get returns the lines", async () => {
			const [invoice] = await bed.json(
				createInvoice(account, [
					line(widget, 3),
					line(support, 2, { listPrice: '120', discountPercent: '10', comment: 'Remote' }),
				]),
			);
			expect(invoice.hdnTaxType).toBe('group');
			// 3 x 40 + 2 x 120 - 10% = 336; group tax from the first line's rate (10%).
			expect(Number(invoice.hdnSubTotal)).toBe(336);
			expect(Number(invoice.hdnGrandTotal)).toBeCloseTo(369.6, 5);
			const sent = bed.emulator.requests.filter((r) => r.operation === 'create').at(-1);
			expect(sent?.method).toBe('POST');

			const [got] = await bed.json({
				resource: 'inventory',
				operation: 'get',
				module: 'Invoice',
				recordId: rl(String(invoice.id)),
			});
			expect(got).toMatchObject({ id: invoice.id, subject: 'Invoice 2026-031', hdnSubTotal: 336 });
			expect(got).not.toHaveProperty('LineItems_FinalDetails');
			const lines = got.LineItems as IDataObject[];
			expect(
				lines.map((l) => [
					l.productid,
					l.quantity,
					l.listprice,
					l.discount_percent,
					l.comment,
					l.tax1,
				]),
			).toEqual([
				[widget, 3, 40, null, null, 10],
				[support, 2, 120, 10, 'Remote', 0],
			]);
			expect(lines.map((l) => l.product_name)).toEqual(['Widget', 'Support hour']);
		});

		test('Update changes only header fields and keeps the lines; Replace Line Items replaces them and the totals follow', async () => {
			const [invoice] = await bed.json(createInvoice(account, [line(widget, 1)]));
			const id = String(invoice.id);
			const update = updateInvoice(id);
			const [renamed] = await bed.json({ ...update, fieldsJson: '{"subject": "Renamed"}' });
			expect(renamed.subject).toBe('Renamed');
			expect((renamed.LineItems as IDataObject[]).length).toBe(1);

			const [replaced] = await bed.json({
				...update,
				fieldsJson: '{}',
				replaceLineItems: true,
				lineItemsInput: 'json',
				lineItemsJson: JSON.stringify([{ productid: widget, quantity: 5, listprice: 30, tax1: 0 }]),
			});
			expect(Number(replaced.hdnSubTotal)).toBe(150);
			expect(Number(replaced.hdnGrandTotal)).toBe(150);
			expect((replaced.LineItems as IDataObject[]).map((l) => [l.quantity, l.listprice])).toEqual([
				['5.000', '30.00000000'],
			]);
		});

		test('bad line items are refused before anything is sent, naming the line and the item', async () => {
			bed.emulator.clearRequests();
			const result = await bed.run(createInvoice(account, []), [{}], { continueOnFail: true });
			expect(result.items[0].json.error).toBe(
				'An inventory record needs at least one line item [item 0]',
			);
			const badProduct = await bed.run({
				...createInvoice(account, []),
				lineItemsInput: 'json',
				lineItemsJson: JSON.stringify([
					{ productid: widget, quantity: 1 },
					{ productid: 'Widget', quantity: 1 },
				]),
			});
			expect(badProduct.error?.message).toBe(
				'"Line item 2: product" must be a Vtiger record ID such as 12x34, not "Widget" [item 0]',
			);
			const badJson = await bed.run({
				...createInvoice(account, []),
				lineItemsInput: 'json',
				lineItemsJson: '{"productid": 1}',
			});
			expect(badJson.error?.message).toBe(
				'"Line Items (JSON)" must be an array of objects [item 0]',
			);
			expect(bed.emulator.count('create')).toBe(0);
		});

		test('the header mapper offers the header fields only; a create through it works', async () => {
			const { callNodeMethod } = await import('../harness/engine');
			const parameters = { resource: 'inventory', operation: 'create', module: 'Invoice' };
			const { fields } = await callNodeMethod<{ fields: Array<{ id: string; required: boolean }> }>(
				'resourceMapping',
				'getMappingColumns',
				{
					parameters,
					credentials: bed.credentials,
					credential: bed.credential,
				},
			);
			const ids = fields.map((f) => f.id);
			expect(ids).toEqual(
				expect.arrayContaining([
					'subject',
					'account_id',
					'bill_street',
					'invoicestatus',
					'hdnDiscountPercent',
				]),
			);
			for (const left of [
				'productid',
				'quantity',
				'listprice',
				'tax1',
				'hdnSubTotal',
				'hdnGrandTotal',
			])
				expect(ids).not.toContain(left);
			expect(
				fields
					.filter((f) => f.required)
					.map((f) => f.id)
					.sort(),
			).toEqual(['account_id', 'bill_street', 'ship_street', 'subject']);
			const [invoice] = await bed.json({
				...parameters,
				fieldsInput: 'mapper',
				columns: {
					mappingMode: 'defineBelow',
					value: {
						subject: 'Mapped',
						account_id: account,
						bill_street: 'A',
						ship_street: 'B',
						hdnDiscountPercent: 10,
					},
				},
				lineItems: { item: [line(widget, 2)] },
			});
			expect(invoice.subject).toBe('Mapped');
			// 2 x 40, then 10% off the whole invoice and 10% tax from the product.
			expect([
				Number(invoice.hdnSubTotal),
				Number(invoice.hdnDiscountPercent),
				Number(invoice.hdnGrandTotal),
			]).toEqual([80, 10, 79.2]);
		});
	},
);

emulatorOnlyDescribe('vtigerVersion and phpVersion switches; seeds the emulator')(
	'Inventory on Vtiger 8.3.0 with PHP 8, where the server itself is broken',
	() => {
		const bed = useTestBed();
		let account: string;
		let widget: string;

		beforeAll(async () => {
			account = bed.emulator.insert('Accounts', { accountname: 'Broken Ltd' });
			widget = bed.emulator.insert('Products', { productname: 'Widget', unit_price: '40' });
		});

		test('Create says that 8.3.0 cannot create inventory records; nothing is saved; other items go on', async () => {
			const result = await bed.run(
				{
					resource: 'inventory',
					operation: 'get',
					module: 'Invoice',
					recordId: rl('={{ $json.id }}'),
				},
				[
					{
						id: bed.emulator.insertInventory(
							'Invoice',
							{ subject: 'From the UI', account_id: account },
							[{ productid: widget, quantity: '1' }],
						),
					},
				],
			);
			expect((result.items[0].json.LineItems as IDataObject[]).map((l) => l.productid)).toEqual([
				widget,
			]);
			const created = await bed.run(createInvoice(account, [line(widget, 1)]), [{}, {}], {
				continueOnFail: true,
			});
			expect(created.items.map((i) => i.json.error)).toEqual([
				'This Vtiger cannot create Invoice records over the API (a known defect of Vtiger 8.3.0); nothing was saved [item 0]',
				'This Vtiger cannot create Invoice records over the API (a known defect of Vtiger 8.3.0); nothing was saved [item 1]',
			]);
			expect(bed.emulator.records('Invoice')).toHaveLength(1);
		});

		test('replacing line items on PHP 8 names the record left with wrong totals; header updates work', async () => {
			const id = bed.emulator.insertInventory(
				'Invoice',
				{ subject: 'Two lines', account_id: account },
				[{ productid: widget, quantity: '2' }],
			);
			const update = updateInvoice(id);
			const [renamed] = await bed.json({ ...update, fieldsJson: '{"subject": "Renamed"}' });
			expect(renamed.subject).toBe('Renamed');
			const result = await bed.run({
				...update,
				fieldsJson: '{}',
				replaceLineItems: true,
				lineItems: { item: [line(widget, 4)] },
			});
			expect(result.error?.message).toBe(
				`Vtiger 8.x on PHP 8 saves an inventory record and its line items, then fails before computing the totals (a known server defect): ${id} has its new lines but wrong totals [item 0]`,
			);
			expect(result.error?.description).toMatch(
				new RegExp(`Open ${id} in the CRM and save it once.*subtotal 0\\.00000000`),
			);
		});

		test('Get reads a record that retrieve cannot (individual tax, no lines) through query', async () => {
			const id = bed.emulator.insertInventory(
				'Quotes',
				{
					subject: 'Empty quote',
					account_id: account,
					hdnTaxType: 'individual',
					quotestage: 'Created',
				},
				[],
			);
			const [quote] = await bed.json({
				resource: 'inventory',
				operation: 'get',
				module: 'Quotes',
				recordId: rl(id),
			});
			expect(quote).toMatchObject({
				id,
				subject: 'Empty quote',
				hdnTaxType: 'individual',
				LineItems: [],
			});
			expect(quote).not.toHaveProperty('quantity');
		});
	},
);
