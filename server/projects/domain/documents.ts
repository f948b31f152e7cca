// Plan documents of a project: PDF only, checked by content as well as by name, and bounded
// in size so an upload cannot fill the disk next to the database. The file name is shown and sent back
// as the download's name, so it is free text like any other.
import { ensure } from '@/server/kernel/errors';
import { isCleanText } from '@/server/kernel/text';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function checkPdf(fileName: string, bytes: Uint8Array) {
  ensure(isCleanText(fileName), 'fileNameControl');
  ensure(bytes.length <= MAX_DOCUMENT_BYTES, 'documentTooLarge', { maxMb: MAX_DOCUMENT_BYTES / 1024 / 1024 });
  const named = /\.pdf$/i.test(fileName.trim());
  const magic = bytes.length > PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b);
  ensure(named && magic, 'documentNotPdf');
}
