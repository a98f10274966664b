/**
 * Files (docs/vtiger-webservice.md#documents-and-files): attachments stored per record, the Documents save
 * step for multipart writes (#document-upload), `imageattachmentids` and the PHP 7
 * `files_retrieve` answer (#file-download).
 */
import { err, Msg, WsError } from './errors';
import type { UploadedFile } from './http-params';
import type { Metadata } from './metadata';
import type { Store, StoredRecord } from './store';

export interface Attachment {
	/** Taken from the crmentity sequence, like a record id. */
	num: number;
	/** The record (document) the attachment belongs to. */
	parent: number;
	parentModule: string;
	fileName: string;
	mimeType: string;
	bytes: Buffer;
}

export class Attachments {
	private readonly byNum = new Map<number, Attachment>();
	/** Current attachment links per record; replaced by a new upload (docs/vtiger-webservice.md#document-upload). */
	private readonly linked = new Map<number, number[]>();

	add(a: Attachment): void {
		this.byNum.set(a.num, a);
		this.linked.set(a.parent, [...(this.linked.get(a.parent) ?? []), a.num]);
	}

	get(num: number): Attachment | undefined {
		return this.byNum.get(num);
	}

	of(parent: number): Attachment[] {
		return (this.linked.get(parent) ?? []).map((n) => this.byNum.get(n)!);
	}

	unlink(parent: number): void {
		this.linked.delete(parent);
	}
}

/** Upload extensions Vtiger renames ($upload_badext). */
const BAD_EXTENSIONS = new Set(
	'php php3 php4 php5 pl cgi py asp cfm js vbs html htm exe bin bat sh dll phps phtml xhtml rb msi jsp shtml sth shtm htaccess phar'.split(
		' ',
	),
);

/** Spaces become `_`; `evil.php` is stored as `evil.phpfile.txt` (docs/vtiger-webservice.md#document-upload). */
export function sanitizeFileName(name: string): string {
	const base = name.replace(/^.*[\\/]/, '').replace(/\s+/g, '_');
	let bad = false;
	const parts = base.split('.').map((p, i) => {
		if (i > 0 && BAD_EXTENSIONS.has(p.toLowerCase())) {
			bad = true;
			return `${p}file`;
		}
		return p;
	});
	return parts.join('.') + (bad ? '.txt' : '');
}

/**
 * The Documents save step after the generic field write. `before` holds the values before the
 * write (an update without a new file keeps the file fields). Only filelocationtype `E` is
 * external; anything else is stored as `I` (internal).
 */
export function saveDocumentFiles(
	store: Store,
	rec: StoredRecord,
	files: Map<string, UploadedFile>,
	before: Record<string, string> | undefined,
): void {
	const v = rec.values;
	if (!before && !v.folderid) v.folderid = '1';
	if (v.filelocationtype === 'E') {
		if (v.filename && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v.filename))
			v.filename = `http://${v.filename}`;
		Object.assign(v, { filetype: '', filesize: '0' });
		store.attachments.unlink(rec.num);
		return;
	}
	v.filelocationtype = 'I';
	const usable = (f: UploadedFile | undefined): f is UploadedFile =>
		!!f && f.filename !== '' && f.data.length > 0;
	const main = files.get('filename');
	if (usable(main)) {
		Object.assign(v, {
			filename: sanitizeFileName(main.filename),
			filetype: main.contentType,
			filesize: String(main.data.length),
		});
	} else if (before) {
		Object.assign(v, {
			filename: before.filename ?? '',
			filetype: before.filetype ?? '',
			filesize: before.filesize ?? '0',
		});
	} else Object.assign(v, { filename: '', filetype: '', filesize: '0' });
	const uploads = [...files.values()].filter(usable);
	if (uploads.length === 0) return;
	store.attachments.unlink(rec.num);
	for (const f of uploads) {
		store.attachments.add({
			num: store.allocateCrmId(),
			parent: rec.num,
			parentModule: rec.module,
			fileName: sanitizeFileName(f.filename),
			mimeType: f.contentType,
			bytes: f.data,
		});
	}
}

/** `<module prefix>x<attachment id>`, comma separated; undefined when there are none (docs/vtiger-webservice.md#file-download). */
export function imageAttachmentIds(
	meta: Metadata,
	store: Store,
	rec: StoredRecord,
): string | undefined {
	const list = store.attachments.of(rec.num);
	if (list.length === 0) return undefined;
	return list.map((a) => `${meta.prefix(rec.module)}x${a.num}`).join(',');
}

/** files_retrieve as PHP 7 servers answer it (docs/vtiger-webservice.md#file-download). */
export function retrieveFile(meta: Metadata, store: Store, id: string | undefined): unknown[] {
	const m = /^(\d+)x(\d+)$/.exec(id ?? '');
	if (!m) throw err.invalidId();
	const module = meta.moduleByPrefix(Number(m[1]));
	if (!module) throw err.accessDenied(Msg.deniedForId);
	const file = store.attachments.get(Number(m[2]));
	if (!file) throw err.recordNotFound();
	if (file.parentModule !== module) throw err.invalidId();
	if (!store.live(file.parentModule, file.parent)) throw new WsError('ACCESS_DENIED', Msg.denied);
	return [
		{
			fileid: String(file.num),
			filename: file.fileName,
			filetype: file.mimeType,
			filesize: file.bytes.length,
			filecontents: file.bytes.toString('base64'),
		},
	];
}
