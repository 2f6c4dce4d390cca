import { LarderError } from '@larder/common';
import { parseImportKind, sanitizeUploadName } from './upload-name';

describe('upload names', () => {
  it('keeps only the last path segment, without control characters or leading dots', () => {
    expect(sanitizeUploadName({ name: '../../etc/passwd' })).toBe('passwd');
    expect(sanitizeUploadName({ name: 'C:\\Users\\财务\\流水 11月.csv' })).toBe('流水 11月.csv');
    expect(sanitizeUploadName({ name: '..\u0000hidden\n.csv' })).toBe('hidden.csv');
    expect(sanitizeUploadName({ name: '..' })).toBe('upload');
  });

  it('names a raw body by its content type and bounds long names, keeping the extension', () => {
    expect(sanitizeUploadName({ contentType: 'application/x-ndjson; charset=utf-8' })).toBe('upload.ndjson');
    expect(sanitizeUploadName({ name: 'sales', contentType: 'text/csv' })).toBe('sales.csv');
    const long = sanitizeUploadName({ name: `${'长'.repeat(300)}.xlsx` });
    expect(long.length).toBe(120);
    expect(long.endsWith('.xlsx')).toBe(true);
  });

  it('reads kinds as the CLI does', () => {
    expect(parseImportKind('supplier-prices')).toBe('supplier_prices');
    expect(parseImportKind('auto')).toBe('auto');
    expect(() => parseImportKind('satisfaction')).toThrow(LarderError);
  });
});
