import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { firstTextCharacter, sniffFileFormat } from '@larder/common';
import { fileError } from '../messages';
import { FileFormat, ReadLimits } from './record-stream';

export interface FileProbe {
  format: FileFormat;
  size: number;
  /** The first bytes, for encoding detection. */
  head: Buffer;
}

const SAMPLE_BYTES = 64 * 1024;
const FORMAT_BY_EXTENSION: Record<string, FileFormat[]> = {
  '.csv': ['csv'],
  '.txt': ['csv'],
  '.tsv': ['csv'],
  '.xlsx': ['xlsx'],
  '.xlsm': ['xlsx'],
  '.json': ['json', 'ndjson'],
  '.ndjson': ['ndjson'],
  '.jsonl': ['ndjson'],
  '.arrow': ['arrow-file', 'arrow-stream'],
  '.feather': ['arrow-file'],
  '.arrows': ['arrow-stream'],
  '.ipc': ['arrow-file', 'arrow-stream'],
};

const FORMAT_NAMES: Record<FileFormat, string> = {
  csv: 'CSV',
  xlsx: 'XLSX',
  json: 'JSON',
  ndjson: 'NDJSON',
  'arrow-file': 'Arrow IPC file',
  'arrow-stream': 'Arrow IPC stream',
};

/** Reads the first bytes and decides the format from them, checking them against the file's extension. */
export async function probeFile(options: { path: string; fileName: string; limits: ReadLimits; format?: FileFormat }): Promise<FileProbe> {
  const { path, fileName, limits } = options;
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw fileError('NOT_FOUND', fileName, `无法打开文件（${error.code ?? error.message}）`, `cannot open the file (${error.code ?? error.message})`);
  });
  try {
    const { size } = await handle.stat();
    if (size === 0) throw fileError('VALIDATION_FAILED', fileName, '文件是空的', 'the file is empty');
    if (size > limits.maxFileBytes) {
      throw fileError('PAYLOAD_TOO_LARGE', fileName, `文件过大：${size} 字节，上限 ${limits.maxFileBytes} 字节`, `the file is too large: ${size} bytes, the limit is ${limits.maxFileBytes}`);
    }
    const head = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    return { format: decideFormat({ head, fileName, forced: options.format }), size, head };
  } finally {
    await handle.close();
  }
}

function decideFormat(options: { head: Buffer; fileName: string; forced?: FileFormat }): FileFormat {
  const { head, fileName, forced } = options;
  const sniffed = sniffFileFormat(head);
  if (sniffed === 'xls') {
    throw fileError('UNSUPPORTED_FORMAT', fileName, '这是旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV', 'this is a legacy Excel .xls file; save it as .xlsx or CSV');
  }
  if (sniffed === null) throw fileError('UNSUPPORTED_FORMAT', fileName, '文件是无法识别的二进制数据', 'the file is binary data of no supported format');
  const isText = sniffed === 'csv' || sniffed === 'json' || sniffed === 'ndjson';
  if (isText && firstTextCharacter(head) === undefined) {
    throw fileError('VALIDATION_FAILED', fileName, '文件只有空白，没有数据', 'the file holds only blank space, no data');
  }
  const claimed = forced ? [forced] : FORMAT_BY_EXTENSION[extname(fileName).toLowerCase()];
  // A CSV whose first header happens to start with a bracket is still a CSV.
  if (claimed?.includes('csv') && isText) return 'csv';
  if (claimed && !claimed.includes(sniffed)) {
    const expected = claimed.map((format) => FORMAT_NAMES[format]).join(' / ');
    throw fileError('UNSUPPORTED_FORMAT', fileName, `文件声称是 ${expected}，但内容是 ${FORMAT_NAMES[sniffed]}`, `the file claims to be ${expected} but its content is ${FORMAT_NAMES[sniffed]}`);
  }
  return sniffed;
}
