import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import type { ImportProgress } from '../dtos/import-request.dto';
import { importSummaryJson, ImportSummaryJson } from '../dtos/import-summary.dto';
import { bilingual } from '../messages';
import { ImportService } from '../services/import.service';
import { extensionForContentType, parseImportKind, sanitizeUploadName } from './upload-name';

export interface UploadRequest {
  kind: string;
  profile?: string;
  /** principalName() of the caller; kept on the batch and in the audit log. */
  createdBy: string;
  /** A multipart upload, already streamed to a temp file by the HTTP layer. */
  file?: { path: string; originalName: string; contentType: string };
  /** A raw body: streamed to a temp file here, within the size limit. */
  body?: { stream: Readable; contentType?: string; contentLength?: number; name?: string };
  onProgress?: (progress: ImportProgress) => void;
}

/** An HTTP upload as one batch, through the same import as the CLI and the inbox. */
@Injectable()
export class ImportUploadService {
  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly importer: ImportService,
  ) {}

  async receive(request: UploadRequest): Promise<ImportSummaryJson> {
    const kind = parseImportKind(request.kind);
    const limits = { maxFileBytes: this.config.imports.maxBytes };
    const base = { kind, profile: request.profile || undefined, createdBy: request.createdBy, limits, onProgress: request.onProgress };
    if (request.file) {
      const fileName = sanitizeUploadName({ name: request.file.originalName, contentType: request.file.contentType });
      return importSummaryJson(await this.importer.importFile({ ...base, path: request.file.path, fileName }));
    }
    const body = request.body;
    if (!body || !extensionForContentType(body.contentType)) {
      throw new LarderError(
        'UNSUPPORTED_FORMAT',
        bilingual(
          '请以 multipart 字段 file 上传文件，或以 text/csv、application/json、application/x-ndjson、Arrow 或 xlsx 类型发送文件内容',
          `send the file as the multipart field "file", or as the body with Content-Type text/csv, application/json, application/x-ndjson, application/vnd.apache.arrow.file/stream or the xlsx type (got ${JSON.stringify(body?.contentType ?? '')})`,
        ),
      );
    }
    if (body.contentLength !== undefined && body.contentLength > limits.maxFileBytes) throw tooLarge(limits.maxFileBytes);
    const fileName = sanitizeUploadName({ name: body.name, contentType: body.contentType });
    const summary = await this.importer.importStream({ ...base, stream: body.stream, fileName }).catch((error: unknown) => {
      // a body sent without its length is stopped at the limit while it streams
      throw error instanceof LarderError && error.code === 'PAYLOAD_TOO_LARGE' ? tooLarge(limits.maxFileBytes) : error;
    });
    return importSummaryJson(summary);
  }
}

export function tooLarge(maxBytes: number): LarderError {
  return new LarderError(
    'PAYLOAD_TOO_LARGE',
    bilingual(`上传的文件超过上限 ${maxBytes} 字节（LARDER_IMPORT_MAX_BYTES）`, `the upload is larger than the limit of ${maxBytes} bytes (LARDER_IMPORT_MAX_BYTES)`),
    { maxBytes },
  );
}
