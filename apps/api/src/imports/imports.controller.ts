import { Controller, HttpCode, Param, Post, Query, Req, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOkResponse, ApiParam } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Principal, principalName, Roles, TokenScopes } from '@larder/auth';
import { IMPORT_KINDS, ImportUploadService, UPLOAD_CONTENT_TYPES } from '@larder/ingestion';
import { QueryParameters, UploadOperation } from '../openapi/documentation.decorators';
import { ImportSummaryAnswer } from './dtos/import-summary-answer.dto';
import { ImportThrottlerGuard } from './import-throttler.guard';
import { UploadCleanupInterceptor } from './upload-cleanup.interceptor';

/** Machines with an import token (and admins) push files: multipart field "file", or the raw body. */
@Controller('api/import')
export class ImportsController {
  constructor(private readonly uploads: ImportUploadService) {}

  @Post(':kind')
  @UploadOperation('Import a file: one batch, checked, pseudonymised and rolled up; answers the batch summary', UPLOAD_CONTENT_TYPES)
  @ApiParam({ name: 'kind', enum: ['auto', ...IMPORT_KINDS], description: 'The table, or auto to recognise it from the headers' })
  @ApiOkResponse({ type: ImportSummaryAnswer })
  @QueryParameters({ profile: 'A mapping profile (default: recognised from the headers)', name: 'A label for a raw body' })
  @Roles()
  @TokenScopes('import')
  @UseGuards(ImportThrottlerGuard)
  @UseInterceptors(UploadCleanupInterceptor, FileInterceptor('file'))
  @HttpCode(200)
  upload(
    @Param('kind') kind: string,
    @Query('profile') profile: string | undefined,
    @Query('name') name: string | undefined,
    @UploadedFile() file: { path: string; originalname: string; mimetype: string } | undefined,
    @Req() request: Request,
    @CurrentPrincipal() principal: Principal,
  ) {
    const length = request.header('content-length');
    return this.uploads.receive({
      kind,
      profile,
      createdBy: principalName(principal),
      file: file && { path: file.path, originalName: file.originalname, contentType: file.mimetype },
      body: file ? undefined : { stream: request, contentType: request.header('content-type'), contentLength: length === undefined ? undefined : Number(length), name },
    });
  }
}
