/**
 * `npm run e2e`: a real n8n 2.41.1 (headless) loads the built package, imports the credential, the
 * examples and the e2e workflows, runs each with `n8n execute` and checks the JSON it prints; then
 * the editor is driven in Chromium. Own user folder and ports, so it runs beside `npm start`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'fs';
import { join, resolve } from 'path';

import { runEditorCheck } from './browser';
import { N8n, nodeOutput, type ExecutionOutput } from './n8n';
import { CACHE_DIR, ensureRuntime } from './runtime';
import { runSuite, Suite } from './suite';
import { credentialFile, vtigerTarget } from './target';
import {
	BAD_CREDENTIAL,
	CLEANUP_DELETE_NODES,
	deleteRecordsWorkflow,
	E2E_PDF,
	e2eWorkflows,
	SANDBOX_CREDENTIAL,
	SEED_CONTACTS,
	seedNames,
} from './workflows';

const EXAMPLES_DIR = resolve(__dirname, '../../examples');
const WS_ID = /^\d+x\d+$/;
const utcSql = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

async function main(): Promise<Suite> {
	const runtime = await ensureRuntime();
	const target = await vtigerTarget();
	const suite = new Suite(target.emulator ? 'emulator' : 'vtiger');
	const emulator = target.emulator;
	const tag = `e2e${Date.now().toString(36)}`;
	const seed = seedNames(tag);
	/** Records that example workflows create without the tag: deleted by id at the end. */
	const untagged: string[] = [];
	const userFolder = join(CACHE_DIR, 'e2e-home');
	rmSync(userFolder, { recursive: true, force: true });
	const n8n = new N8n(runtime, { userFolder, port: 5690, brokerPort: 5691 });
	console.log(`e2e against ${target.label}, records tagged ${tag}`);

	const examples = readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')) as { id: string });
	const run = async (id: string): Promise<ExecutionOutput> => {
		const result = await n8n.execute(id);
		assert.equal(result.code, 0, `n8n execute --id=${id} failed:\n${result.output.slice(-3000)}`);
		assert.ok(result.run, 'no JSON output');
		return result.run;
	};
	const fails = async (id: string): Promise<string> => {
		const result = await n8n.execute(id);
		assert.notEqual(result.code, 0, `n8n execute --id=${id} should have failed`);
		return result.output;
	};

	try {
		n8n.installPackage();
		await suite.check('import the credentials, the examples and the e2e workflows', async () => {
			await n8n.importCredentials([
				credentialFile(SANDBOX_CREDENTIAL.id, SANDBOX_CREDENTIAL.name, target),
				credentialFile(BAD_CREDENTIAL.id, BAD_CREDENTIAL.name, target, 'not-the-access-key'),
			]);
			await n8n.importWorkflows([...examples, ...e2eWorkflows(tag)]);
		});

		await suite.check(
			`seed: ${SEED_CONTACTS} contacts, a ticket, a deal, an account and a product, tagged`,
			async () => {
				const out = await run('e2eSeed');
				const bulk = nodeOutput(out, 'Bulk contacts');
				assert.equal(new Set(bulk.map((c) => c.id)).size, SEED_CONTACTS);
				assert.ok(bulk.every((c) => WS_ID.test(String(c.id))));
				assert.equal(nodeOutput(out, 'Create ticket')[0].ticket_title, seed.ticket);
				assert.equal(nodeOutput(out, 'Create deal')[0].potentialname, seed.deal);
				assert.equal(nodeOutput(out, 'Create account')[0].accountname, seed.account);
				assert.equal(nodeOutput(out, 'Create product')[0].productname, seed.product);
			},
		);

		await suite.check(
			'Record: create, get, update, replace all fields, get many (3 items, paired)',
			async () => {
				const out = await run('e2eRecords');
				const created = nodeOutput(out, 'Create');
				assert.equal(created.length, 3);
				assert.ok(created.every((c) => WS_ID.test(String(c.id))));
				const pairing = out.data.resultData.runData.Create[0].data?.main[0].map(
					(i) => i.pairedItem,
				);
				assert.deepEqual(pairing, [{ item: 0 }, { item: 1 }, { item: 2 }]);
				assert.deepEqual(
					nodeOutput(out, 'Get').map((r) => r.lastname),
					[1, 2, 3].map((n) => `${tag}-contact-${n}`),
				);
				assert.deepEqual(
					nodeOutput(out, 'Update').map((r) => r.phone),
					['+1 555 000 1', '+1 555 000 2', '+1 555 000 3'],
				);
				assert.ok(
					nodeOutput(out, 'Replace').every(
						(r) => r.firstname === '' && String(r.phone).startsWith('+1 555'),
					),
				);
				const found = nodeOutput(out, 'Find');
				assert.deepEqual(
					found.map((r) => r.lastname),
					[3, 2, 1].map((n) => `${tag}-contact-${n}`),
				);
				if (emulator) {
					const stored = emulator
						.records('Contacts')
						.filter((r) => String(r.lastname).startsWith(`${tag}-contact-`));
					assert.deepEqual(stored.map((r) => r.id).sort(), created.map((c) => c.id).sort());
				}
			},
		);

		await suite.check(
			'Record: create or update (first item creates, the second updates it), get by CRM URL',
			async () => {
				const out = await run('e2eUpsert');
				const upserted = nodeOutput(out, 'Upsert');
				assert.deepEqual(
					upserted.map((r) => [r.upsertAction, r.phone]),
					[
						['created', '1'],
						['updated', '2'],
					],
				);
				assert.equal(upserted[0].id, upserted[1].id);
				assert.deepEqual(
					nodeOutput(out, 'By URL').map((r) => [r.id, r.phone]),
					[
						[upserted[0].id, '2'],
						[upserted[0].id, '2'],
					],
				);
			},
		);

		await suite.check('Related records, comments, count and a custom operation', async () => {
			const out = await run('e2eBeyond');
			assert.ok(
				nodeOutput(out, 'Relations').some((r) => r.label === 'Contacts' && r.module === 'Contacts'),
			);
			const [ticket] = nodeOutput(out, 'A ticket');
			const [comment] = nodeOutput(out, 'Comment');
			assert.equal(comment.related_to, ticket.id);
			assert.ok(nodeOutput(out, 'Comments').some((c) => c.commentcontent === `${tag} comment`));
			const [count] = nodeOutput(out, 'Count');
			assert.equal(count.count, nodeOutput(out, 'Every ticket').length);
			assert.ok(Number(count.count) >= 1);
			assert.equal(nodeOutput(out, 'Custom')[0].name, 'HelpDesk');
		});

		await suite.check(
			'Documents: upload a PDF linked to a ticket, download it (or the PHP 8 defect named)',
			async () => {
				const out = await run('e2eDocuments');
				const [ticket] = nodeOutput(out, 'A ticket');
				assert.equal(ticket.ticket_title, seed.ticket);
				const [doc] = nodeOutput(out, 'Upload');
				assert.deepEqual(
					[doc.notes_title, doc.filesize, doc.linkedTo],
					[`${tag} contract`, String(E2E_PDF.length), [ticket.id]],
				);
				if (emulator) assert.ok(emulator.attachment(String(doc.id))?.bytes.equals(E2E_PDF));
				const [downloaded] = out.data.resultData.runData.Download[0].data?.main[0] ?? [];
				if (downloaded.json.error) {
					assert.equal(
						downloaded.json.error,
						'Vtiger 8.x on PHP 8 cannot download files over the API (a known server defect). [item 0]',
					);
				} else {
					const file = (
						downloaded as unknown as {
							binary: Record<string, { fileName: string; mimeType: string }>;
						}
					).binary.data;
					assert.deepEqual(
						[file.fileName, file.mimeType],
						[`${tag}-contract.pdf`, 'application/pdf'],
					);
				}
			},
		);

		await suite.check(
			'Inventory: get an invoice with its line items; create (or the 8.3.0 defect named)',
			async () => {
				const out = await run('e2eInventory');
				const [product] = nodeOutput(out, 'Product');
				const [created] = nodeOutput(out, 'Create invoice');
				const [tagged] = nodeOutput(out, 'Tagged invoices');
				if (created.error) {
					assert.match(
						String(created.error),
						/^This Vtiger cannot create Invoice records over the API \(a known defect of Vtiger 8\.3\.0\); nothing was saved/,
					);
					assert.equal(tagged.count, 0);
				} else {
					assert.deepEqual(
						(created.LineItems as Array<{ productid: string }>).map((l) => l.productid),
						[product.id],
					);
					assert.equal(tagged.count, 1);
				}
				if (emulator) assert.ok(created.error, 'the emulator is a Vtiger 8.3.0');
				const [invoice] = nodeOutput(out, 'Invoice');
				const [count] = nodeOutput(out, 'Invoice count');
				if (Number(count.count) === 0) {
					assert.equal(invoice, undefined);
				} else {
					assert.ok(
						(invoice.LineItems as Array<{ productid: string }>).every((l) =>
							WS_ID.test(l.productid),
						),
					);
					const out2 = await run('e2eInventoryUpdate');
					const [updated] = nodeOutput(out2, 'Update invoice');
					assert.equal(updated.invoicestatus, 'Approved');
					assert.ok((updated.LineItems as unknown[]).length > 0);
				}
				if (emulator) assert.ok(invoice, 'the sandbox has invoices');
			},
		);

		await suite.check('Lead: convert into organization, contact and opportunity', async () => {
			const out = await run('e2eLead');
			const [lead] = nodeOutput(out, 'Create lead');
			const [converted] = nodeOutput(out, 'Convert');
			assert.equal(converted.leadId, lead.id);
			for (const key of ['accountId', 'contactId', 'potentialId'])
				assert.match(String(converted[key]), WS_ID, key);
			assert.equal(typeof converted.converted, 'boolean');
			if (emulator) assert.equal(converted.converted, false);
			const [contact] = nodeOutput(out, 'Converted contact');
			assert.deepEqual(
				[contact.id, contact.email, contact.lastname],
				[converted.contactId, `${tag}.lead@example.com`, `${tag}-lead`],
			);
		});

		await suite.check(
			'Query and Module and User: VTQL Return All, Get Many limit, list, describe, current user',
			async () => {
				const out = await run('e2eQuery');
				const rows = nodeOutput(out, 'Run VTQL');
				assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
				if (emulator) assert.equal(rows.length, emulator.records('Contacts').length);
				assert.ok(rows.length > 100, `only ${rows.length} contacts`);
				assert.equal(nodeOutput(out, 'Get Many Limit').length, 120);
				const modules = nodeOutput(out, 'Module List');
				assert.deepEqual(
					modules.find((m) => m.name === 'Contacts'),
					{ name: 'Contacts', label: 'Contacts', singular: 'Contact', isEntity: true },
				);
				const [described] = nodeOutput(out, 'Describe');
				assert.equal(described.name, 'Contacts');
				if (emulator) assert.equal(described.idPrefix, emulator.idPrefix('Contacts'));
				const [user] = nodeOutput(out, 'Current User');
				assert.equal(user.user_name, target.username);
			},
		);

		await suite.check('Session: login, extend, logout (best-effort)', async () => {
			const out = await run('e2eSessions');
			const [login] = nodeOutput(out, 'Login');
			assert.match(String(login.sessionName), /\w+/);
			assert.match(String(login.userId), WS_ID);
			assert.equal(nodeOutput(out, 'Extend')[0].extended, true);
			const [logout] = nodeOutput(out, 'Logout');
			assert.equal(typeof logout.loggedOut, 'boolean');
			if (emulator) assert.equal(logout.loggedOut, false);
		});

		await suite.check(
			'Continue On Fail: the failing item becomes a paired error item, the others are created',
			async () => {
				const out = await run('e2eContinueOnFail');
				const items = out.data.resultData.runData.Create[0].data?.main[0] ?? [];
				assert.equal(items.length, 3);
				assert.equal(items[1].json.error, 'The mandatory field "lastname" has no value [item 1]');
				assert.deepEqual(items[1].pairedItem, { item: 1 });
				assert.deepEqual(
					[items[0].json.lastname, items[2].json.lastname],
					[`${tag}-cof-1`, `${tag}-cof-3`],
				);
			},
		);

		await suite.check(
			'an error stops the execution with a message naming the field and the item',
			async () => {
				assert.match(
					await fails('e2eStopsOnError'),
					/The mandatory field "lastname" has no value \[item 0\]/,
				);
			},
		);

		await suite.check('a wrong access key fails with a clear message', async () => {
			assert.match(await fails('e2eBadCredential'), /Vtiger rejected the access key of user/);
		});

		await suite.check('example: open tickets older than N days', async () => {
			const out = await run('exOldTickets');
			const list = nodeOutput(out, 'Ticket list');
			assert.ok(list.every((t) => t.status !== 'Closed' && Number(t.ageDays) >= 7));
			assert.ok(
				!list.some((t) => t.title === seed.ticket),
				'the ticket made today is not older than 7 days',
			);
			if (emulator) {
				const cutoff = utcSql(new Date(Date.now() - 7 * 86400000));
				const expected = emulator
					.records('HelpDesk')
					.filter((t) => t.ticketstatus !== 'Closed' && String(t.createdtime) < cutoff);
				assert.equal(list.length, expected.length);
				assert.ok(list.length > 0);
			}
		});

		await suite.check('example: daily export of deals changed today, as a CSV file', async () => {
			const out = await run('exDealsToday');
			const deals = nodeOutput(out, 'Deals changed today');
			const today = utcSql(new Date()).slice(0, 10);
			assert.ok(deals.every((d) => String(d.modifiedtime) >= `${today}T00:00:00Z`));
			assert.ok(
				deals.some((d) => d.potentialname === seed.deal),
				'the deal made by this run',
			);
			if (emulator) {
				const expected = emulator
					.records('Potentials')
					.filter((d) => String(d.modifiedtime) >= `${today} 00:00:00`);
				assert.equal(deals.length, expected.length);
				assert.ok(deals.length >= 5);
			}
			const file = out.data.resultData.runData['CSV file'][0].data?.main[0][0] as unknown as {
				binary?: Record<string, { fileName?: string; mimeType?: string }>;
			};
			assert.match(String(file.binary?.data?.fileName), /^deals-changed-\d{4}-\d{2}-\d{2}\.csv$/);
		});

		await suite.check(
			'example: web lead creates a contact, the same lead again updates it',
			async () => {
				const first = await run('exWebLeads');
				const created = nodeOutput(first, 'Create contact');
				untagged.push(...created.map((c) => String(c.id)));
				assert.equal(created.length, 1);
				assert.equal(nodeOutput(first, 'Update contact').length, 0);
				const second = await run('exWebLeads');
				assert.equal(nodeOutput(second, 'Create contact').length, 0);
				const [updated] = nodeOutput(second, 'Update contact');
				assert.deepEqual([updated.id, updated.email], [created[0].id, 'ada.lovelace@example.com']);
				if (emulator)
					assert.equal(
						emulator.records('Contacts').filter((c) => c.email === 'ada.lovelace@example.com')
							.length,
						1,
					);
			},
		);

		await suite.check('example: comment and follow-up task on a ticket', async () => {
			const out = await run('exFollowUp');
			const [ticket] = nodeOutput(out, 'Which record');
			const [comment] = nodeOutput(out, 'Add comment');
			const [task] = nodeOutput(out, 'Create follow-up task');
			untagged.push(String(comment.id), String(task.id));
			assert.equal(comment.related_to, ticket.id);
			assert.equal(task.parent_id, ticket.id);
			assert.equal(task.subject, `Follow up on ${ticket.ticket_no}`);
		});

		await suite.check(
			'the editor: add the node, test the credential, run Get Many on Contacts',
			async () => {
				await runEditorCheck(n8n, emulator ? 'Widget' : seed.product);
			},
		);
	} finally {
		await suite.check('cleanup: every record this run made is deleted', async () => {
			const deleted: Array<Record<string, unknown>> = [];
			if (untagged.length > 0) {
				await n8n.importWorkflows([deleteRecordsWorkflow(untagged)]);
				deleted.push(...nodeOutput(await run('e2eDeleteUntagged'), 'Delete'));
			}
			const out = await run('e2eCleanup');
			deleted.push(...CLEANUP_DELETE_NODES.flatMap((node) => nodeOutput(out, node)));
			assert.ok(deleted.length >= SEED_CONTACTS, `only ${deleted.length} deleted`);
			assert.ok(
				deleted.every((d) => d.deleted === true),
				JSON.stringify(deleted.filter((d) => d.deleted !== true)),
			);
			if (emulator) {
				for (const module of ['Contacts', 'ModComments', 'Calendar']) {
					assert.ok(!emulator.records(module).some((r) => untagged.includes(String(r.id))), module);
				}
				for (const [module, field] of [
					['Contacts', 'lastname'],
					['Accounts', 'accountname'],
					['Documents', 'notes_title'],
					['HelpDesk', 'ticket_title'],
					['Products', 'productname'],
				]) {
					assert.equal(
						emulator.records(module).filter((r) => String(r[field]).startsWith(tag)).length,
						0,
						module,
					);
				}
			}
		});
		await n8n.stop();
		await target.stop();
	}
	return suite;
}

runSuite('e2e', main);
