import { extname } from 'node:path';
import { LarderError } from '@larder/common';
import { bilingual } from '../messages';
import { IMPORT_KINDS, ImportKind, isImportKind } from '../profiles/import-kinds';

/** The extension a declared content type stands for; the bytes are still checked against it. */
const EXTENSION_BY_CONTENT_TYPE: Record<string, string> = {
  'text/csv': '.csv',
  'text/plain': '.csv',
  'application/csv': '.csv',
  'application/json': '.json',
  'application/x-ndjson': '.ndjson',
  'application/ndjson': '.ndjson',
  'application/jsonl': '.ndjson',
  'application/vnd.apache.arrow.file': '.arrow',
  'application/vnd.apache.arrow.stream': '.arrows',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
};

/** The content types a raw upload body may declare. */
export const UPLOAD_CONTENT_TYPES: readonly string[] = Object.keys(EXTENSION_BY_CONTENT_TYPE);

export function parseImportKind(kind: string | undefined): ImportKind | 'auto' {
  const normalized = (kind ?? '').replace(/-/g, '_');
  if (normalized === 'auto' || isImportKind(normalized)) return normalized;
  throw new LarderError('VALIDATION_FAILED', bilingual(`未知的数据类型“${kind ?? ''}”`, `unknown kind ${JSON.stringify(kind)}; use auto or one of ${IMPORT_KINDS.join(', ')}`));
}

export function extensionForContentType(contentType: string | undefined): string | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return EXTENSION_BY_CONTENT_TYPE[type];
}

/**
 * A client's file name is only a label on the batch: the last path segment, without control
 * characters, at most 120 characters, and with an extension the declared content type stands for
 * when it has none of its own.
 */
export function sanitizeUploadName(options: { name?: string; contentType?: string }): string {
  const segments = (options.name ?? '').split(/[\\/]/);
  let name = segments[segments.length - 1]
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .replace(/^\.+/, '');
  if (name.length > 120) {
    const extension = extname(name).slice(0, 12);
    name = name.slice(0, 120 - extension.length) + extension;
  }
  const typed = extensionForContentType(options.contentType);
  if (!name) name = 'upload';
  if (!extname(name) && typed) name += typed;
  return name;
}
