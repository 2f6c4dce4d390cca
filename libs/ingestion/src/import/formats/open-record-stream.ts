import { readArrow } from './arrow.reader';
import { readCsv } from './csv.reader';
import { probeFile } from './detect-format';
import { readJsonArray, readNdjson } from './json.reader';
import { DEFAULT_READ_LIMITS, ReadLimits, ReadOptions, RecordStream } from './record-stream';
import { detectEncoding } from '@larder/common';
import { decodeSample } from './text-encoding';
import { readXlsx } from './xlsx.reader';

/** Opens any supported file as a stream of records; every problem with the file as a whole is one LarderError. */
export async function openRecordStream(options: ReadOptions): Promise<RecordStream> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const probe = await probeFile({ path: options.path, fileName: options.fileName, limits, format: options.format });
  const common = { path: options.path, fileName: options.fileName };
  switch (probe.format) {
    case 'xlsx':
      return readXlsx({ ...common, sheet: options.sheet, limits });
    case 'arrow-file':
    case 'arrow-stream':
      return readArrow({ ...common, format: probe.format });
    default: {
      const encoding = options.encoding ?? detectEncoding(probe.head, probe.head.length === probe.size);
      if (probe.format === 'json') return readJsonArray({ ...common, encoding });
      if (probe.format === 'ndjson') return readNdjson({ ...common, encoding });
      return readCsv({ ...common, encoding, headerSample: decodeSample(probe.head, encoding) });
    }
  }
}
