/** What every reader produces: a header row, then records as values aligned with it, streamed. */
export type CellValue = string | number | boolean | null;

export const FILE_FORMATS = ['csv', 'xlsx', 'json', 'ndjson', 'arrow-file', 'arrow-stream'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export { TEXT_ENCODINGS } from '@larder/common';
import type { TextEncoding } from '@larder/common';
export type { TextEncoding };

export interface SourceRecord {
  /** Where a person finds the record: the physical line of a text file, the row of a sheet, the position in an array. */
  line: number;
  values: CellValue[];
  /** A defect the reader found in this record alone (not valid JSON, not an object); the record is quarantined with it. */
  problem?: string;
}

export interface RecordStream {
  format: FileFormat;
  encoding: TextEncoding | null;
  sheet: string | null;
  headers: string[];
  records: AsyncIterable<SourceRecord>;
  /** Releases the file whether or not the records were read to the end. */
  close(): Promise<void>;
}

export interface ReadLimits {
  /** Largest file accepted at all. */
  maxFileBytes: number;
  /** Largest total a workbook may claim to unpack to. */
  maxUnpackedBytes: number;
  /** Highest unpacked/packed ratio a workbook entry may claim; real sheets compress about 5-20 times. */
  maxCompressionRatio: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 4 * 1024 ** 3,
  maxUnpackedBytes: 1024 ** 3,
  maxCompressionRatio: 200,
};

export interface ReadOptions {
  path: string;
  /** The name the user knows the file by (an upload keeps its original name while its bytes sit in a temp file). */
  fileName: string;
  format?: FileFormat;
  encoding?: TextEncoding;
  sheet?: string;
  limits?: Partial<ReadLimits>;
}
