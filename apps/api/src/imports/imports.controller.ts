import { rm } from 'node:fs/promises';
import { Controller, Get, HttpCode, Logger, Param, Post, Query, Req, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Principal, principalName, Roles, TokenScopes } from '@larder/auth';
import { IMPORT_KINDS, ImportProgress, ImportQuarantineService, ImportUploadService, UPLOAD_CONTENT_TYPES } from '@larder/ingestion';
import { FileAnswer, QueryParameters, UploadOperation } from '../openapi/documentation.decorators';
import { contentDisposition } from '../http/content-disposition';
import { ImportSummaryAnswer } from './dtos/import-summary-answer.dto';
import { ImportThrottlerGuard } from './import-throttler.guard';
import { answerWithProgress, wantsProgress } from './progress-answer';
import { UploadCleanupInterceptor } from './upload-cleanup.interceptor';

/** Machines with an import token (and admins) push files: multipart field "file", or the raw body. */
@Controller('api/import')
export class ImportsController {
  private readonly logger = new Logger('HTTP');

  constructor(
    private readonly uploads: ImportUploadService,
    private readonly quarantine: ImportQuarantineService,
  ) {}

  /** Every row the batch refused, as `larder import quarantine` writes it: to correct and import again; then the rows it flagged. */
  @Get('batches/:batchId/rejected')
  @ApiOperation({ summary: "Every row a batch refused, then every row it stored but flagged, as CSV (UTF-8 with a BOM): line, status, reason, then the row's mapped columns, personal ones as ***" })
  @FileAnswer('text/csv', 'The refused rows')
  @Roles()
  @TokenScopes('import')
  async rejected(@Param('batchId') batchId: string, @Res() response: Response): Promise<void> {
    const found = await this.quarantine.export(batchId);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', contentDisposition(`${found.fileName.replace(/\.[^.]*$/, '')}-rejected.csv`));
    response.setHeader('Cache-Control', 'no-store');
    response.send(`\uFEFF${found.csv}`);
  }

  @Post(':kind')
  @UploadOperation('Import a file: one batch, checked, pseudonymised and rolled up; answers the batch summary', UPLOAD_CONTENT_TYPES)
  @ApiParam({ name: 'kind', enum: ['auto', ...IMPORT_KINDS], description: 'The table, or auto to recognise it from the headers' })
  @ApiOkResponse({
    type: ImportSummaryAnswer,
    description:
      'The batch summary. Sent with Accept: application/x-ndjson, the answer is one JSON object a line: {"progress":{"records","estimate"}} as rows are stored, then {"summary":…} or {"status","error","message"}',
  })
  @QueryParameters({ profile: 'A mapping profile (default: recognised from the headers)', name: 'A label for a raw body' })
  @Roles()
  @TokenScopes('import')
  @UseGuards(ImportThrottlerGuard)
  @UseInterceptors(UploadCleanupInterceptor, FileInterceptor('file'))
  @HttpCode(200)
  async upload(
    @Param('kind') kind: string,
    @Query('profile') profile: string | undefined,
    @Query('name') name: string | undefined,
    @UploadedFile() file: { path: string; originalname: string; mimetype: string } | undefined,
    @Req() request: Request,
    @Res() response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    const length = request.header('content-length');
    const receive = (onProgress?: (progress: ImportProgress) => void) =>
      this.uploads
        .receive({
          kind,
          profile,
          createdBy: principalName(principal),
          file: file && { path: file.path, originalName: file.originalname, contentType: file.mimetype },
          body: file ? undefined : { stream: request, contentType: request.header('content-type'), contentLength: length === undefined ? undefined : Number(length), name },
          onProgress,
        })
        // This handler sends its own answer, before UploadCleanupInterceptor runs: the temp file goes first.
        .finally(() => file && rm(file.path, { force: true }));
    if (wantsProgress(request)) return answerWithProgress({ response, logger: this.logger, work: receive });
    response.status(200).json(await receive());
  }
}
