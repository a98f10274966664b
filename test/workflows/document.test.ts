/** Document: Upload and Download, the files in and out, and the server's limits and defects. */
import { readFileSync } from 'fs';
import type { INodeExecutionData } from 'n8n-workflow';
import { join } from 'path';

import { useTestBed } from '../harness/fixture';
import { emulatorOnly } from '../harness/target';

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures', name));
const PDF = fixture('contract.pdf');
const PNG = fixture('gradient.png');
const asFile = (bytes: Buffer, fileName: string, mimeType: string) => ({
	data: { base64: bytes.toString('base64'), fileName, mimeType },
});

const upload = (extra: object = {}) => ({
	resource: 'document',
	operation: 'upload',
	binaryPropertyName: 'data',
	...extra,
});
const download = (id: string, extra: object = {}) => ({
	resource: 'document',
	operation: 'download',
	recordId: rl(id),
	binaryPropertyName: 'file',
	...extra,
});

describe('Documents: files in and out', () => {
	const bed = useTestBed({ phpVersion: 7, uploadMaxFileSize: 64 * 1024 });
	let contact: string;
	/** The run's tag (empty on the emulator): names of created records start with it. */
	const t = () => bed.crm.tag;

	beforeAll(async () => {
		contact = await bed.crm.insert('Contacts', { lastname: `${t()}Filer` });
	});

	const uploadTwo = async () => {
		const folder = `${await bed.crm.idPrefix('DocumentFolders')}x1`;
		const uploaded = await bed.run(
			upload({
				title: '={{ $json.title }}',
				folderId: folder,
				linkTo: contact,
				documentOptions: { notecontent: 'Scanned' },
			}),
			[{ title: `${t()}Signed contract` }, { title: '' }],
			{
				files: [
					asFile(PDF, 'my contract.pdf', 'application/pdf'),
					asFile(PNG, 'gradient.png', 'image/png'),
				],
			},
		);
		return { folder, uploaded, docs: uploaded.items.map((i) => i.json) };
	};

	test('Upload: each item becomes a document with its file, title, folder and links', async () => {
		const { folder, uploaded, docs } = await uploadTwo();
		expect(uploaded.error).toBeUndefined();
		expect(uploaded.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(
			docs.map((d) => [
				d.notes_title,
				d.filename,
				d.filesize,
				d.filestatus,
				d.folderid,
				d.notecontent,
			]),
		).toEqual([
			[`${t()}Signed contract`, 'my_contract.pdf', String(PDF.length), '1', folder, 'Scanned'],
			['gradient.png', 'gradient.png', String(PNG.length), '1', folder, 'Scanned'],
		]);
		expect(docs.map((d) => d.linkedTo)).toEqual([[contact], [contact]]);
		const related = await bed.json({
			resource: 'related',
			operation: 'getAll',
			module: rl('Contacts', 'list'),
			recordId: rl(contact),
			relation: 'Documents',
		});
		expect(related.map((r) => r.id).sort()).toEqual(docs.map((d) => d.id).sort());
	});

	emulatorOnly('reads the stored bytes; Download needs PHP 7')(
		'Upload stores the bytes; Download gives the same bytes back',
		async () => {
			const { docs } = await uploadTwo();
			expect(bed.emulator.attachment(String(docs[0].id))?.bytes.equals(PDF)).toBe(true);
			expect(bed.emulator.attachment(String(docs[1].id))?.bytes.equals(PNG)).toBe(true);

			const back = await bed.run(
				download('={{ $json.id }}'),
				docs.map((d) => ({ id: d.id })),
			);
			expect(back.error).toBeUndefined();
			const files = back.items.map((i) => i.binary!.file);
			expect(files.map((f) => [f.fileName, f.mimeType])).toEqual([
				['my_contract.pdf', 'application/pdf'],
				['gradient.png', 'image/png'],
			]);
			expect(Buffer.from(files[0].data, 'base64').equals(PDF)).toBe(true);
			expect(Buffer.from(files[1].data, 'base64').equals(PNG)).toBe(true);
			expect(back.items[0].json).toMatchObject({
				id: docs[0].id,
				notes_title: 'Signed contract',
				filesize: PDF.length,
			});
		},
	);

	test('a document that cannot be linked is kept and named in the error; the other items go on', async () => {
		const before = (await bed.crm.records('Documents', 'notes_title')).length;
		const ticketOfNobody = `${await bed.crm.idPrefix('HelpDesk')}x999999`;
		const result = await bed.run(
			upload({ linkTo: '={{ $json.to }}', title: `${t()}Link check` }),
			[{ to: ticketOfNobody }, { to: contact }, { to: '77x1' }],
			{
				continueOnFail: true,
				files: [
					asFile(PNG, 'a.png', 'image/png'),
					asFile(PNG, 'b.png', 'image/png'),
					asFile(PNG, 'c.png', 'image/png'),
				],
			},
		);
		const [lost, linked, unknown] = result.items.map((i) => i.json);
		const created = (await bed.crm.records('Documents', 'notes_title')).slice(before);
		expect(created.map((d) => d.filename)).toEqual(['a.png', 'b.png', 'c.png']);
		expect(lost.error).toBe(
			`Document ${created[0].id} was created, but could not be linked to ${ticketOfNobody} [item 0]`,
		);
		expect(lost.description).toMatch(/may not exist.*The document is kept/);
		expect(linked).toMatchObject({ id: created[1].id, linkedTo: [contact] });
		expect(unknown.error).toBe(
			`Document ${created[2].id} was created, but could not be linked to 77x1 [item 2]`,
		);
		expect(unknown.description).toMatch(/No module of this CRM has the ID prefix of 77x1/);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	emulatorOnly('uploadMaxFileSize switch')(
		"a file above the server's upload limit: Vtiger keeps an empty document, the node says so",
		async () => {
			const big = Buffer.alloc(64 * 1024 + 1, 7);
			const result = await bed.run(upload(), [{}], {
				files: [asFile(big, 'big.bin', 'application/octet-stream')],
			});
			const empty = bed.emulator.records('Documents').at(-1)!;
			expect(empty.filesize).toBe('0');
			expect(result.error?.message).toBe(
				`Document ${empty.id} was created without its file [item 0]`,
			);
			expect(result.error?.description).toMatch(/upload_max_filesize/);
		},
	);

	/** The three downloads refused: a link to an external file, a record that is no document, a file above the limit. */
	const expectRefused = (
		[ext, notDoc, tooBig]: INodeExecutionData[],
		external: string,
		pdfId: string,
	) => {
		expect(ext.json.error).toBe(`Document ${external} links to an external file [item 0]`);
		expect(ext.json.description).toMatch(/https:\/\/files\.example\.com\/spec\.pdf/);
		expect(notDoc.json.error).toBe(`${contact} is not a document [item 1]`);
		expect(tooBig.json.error).toMatch(
			new RegExp(
				`^The file of document ${pdfId} is 0\\.0 MB, above the limit of 0\\.0001 MB \\[item 2\\]$`,
			),
		);
	};

	test('missing binary data, external links, other records and the size limit are refused before downloading', async () => {
		const noFile = await bed.run(upload(), [{}]);
		expect(noFile.error?.message).toMatch(
			/This operation expects the node's input data to contain a binary file 'data'/,
		);

		const external = await bed.crm.insert('Documents', {
			notes_title: `${t()}Spec`,
			filelocationtype: 'E',
			filename: 'https://files.example.com/spec.pdf',
		});
		const uploaded = await bed.run(upload(), [{}], {
			files: [asFile(PDF, 'limit.pdf', 'application/pdf')],
		});
		const pdfId = String(uploaded.items[0].json.id);
		const result = await bed.run(
			download('={{ $json.id }}', { maxSizeMb: '={{ $json.max }}' }),
			[
				{ id: external, max: 25 },
				{ id: contact, max: 25 },
				{ id: pdfId, max: 0.0001 },
			],
			{ continueOnFail: true },
		);
		expectRefused(result.items, external, pdfId);
	});

	emulatorOnly('counts requests; Download needs PHP 7')(
		'only the one download within the limits reaches files_retrieve',
		async () => {
			const external = bed.emulator.insert('Documents', {
				notes_title: 'Spec',
				filelocationtype: 'E',
				filename: 'https://files.example.com/spec.pdf',
			});
			const uploaded = await bed.run(upload(), [{}], {
				files: [asFile(PDF, 'limit.pdf', 'application/pdf')],
			});
			const pdfId = String(uploaded.items[0].json.id);
			bed.emulator.clearRequests();
			const result = await bed.run(
				download('={{ $json.id }}', { maxSizeMb: '={{ $json.max }}' }),
				[
					{ id: external, max: 25 },
					{ id: contact, max: 25 },
					{ id: pdfId, max: 0.0001 },
					{ id: pdfId, max: 0 },
				],
				{ continueOnFail: true },
			);
			expectRefused(result.items, external, pdfId);
			const unlimited = result.items[3];
			expect(Buffer.from(unlimited.binary!.file.data, 'base64').equals(PDF)).toBe(true);
			expect(bed.emulator.count('files_retrieve')).toBe(1);
		},
	);
});

describe('Documents on Vtiger 8.x with PHP 8', () => {
	const bed = useTestBed({ phpVersion: 8 });

	emulatorOnly('reads the stored bytes')('Upload stores the bytes', async () => {
		const [doc] = (
			await bed.run(upload(), [{}], { files: [asFile(PNG, 'x.png', 'image/png')] })
		).items.map((i) => i.json);
		expect(bed.emulator.attachment(String(doc.id))?.bytes.equals(PNG)).toBe(true);
	});

	test('Upload works; Download names the server defect, and Continue On Fail keeps the other items', async () => {
		const [doc] = (
			await bed.run(upload({ title: `${bed.crm.tag}PHP 8` }), [{}], {
				files: [asFile(PNG, 'x.png', 'image/png')],
			})
		).items.map((i) => i.json);
		expect(doc).toMatchObject({ filename: 'x.png', filesize: String(PNG.length), filestatus: '1' });
		const result = await bed.run(download('={{ $json.id }}'), [{ id: doc.id }, { id: 'bad' }], {
			continueOnFail: true,
		});
		expect(result.items[0].json.error).toBe(
			'Vtiger 8.x on PHP 8 cannot download files over the API (a known server defect). [item 0]',
		);
		expect(result.items[1].json.error).toMatch(/must be a Vtiger record ID such as 12x34/);
	});
});
