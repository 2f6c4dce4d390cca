import { Controller, HttpCode, Param, Post, Query, Req, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { CurrentPrincipal, Principal, principalName, Roles, TokenScopes } from '@larder/auth';
import { ImportUploadService } from '@larder/ingestion';
import { ImportThrottlerGuard } from './import-throttler.guard';
import { UploadCleanupInterceptor } from './upload-cleanup.interceptor';

/** Machines with an import token (and admins) push files: multipart field "file", or the raw body. */
@Controller('api/import')
export class ImportsController {
  constructor(private readonly uploads: ImportUploadService) {}

  @Post(':kind')
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
      kind, profile, createdBy: principalName(principal),
      file: file && { path: file.path, originalName: file.originalname, contentType: file.mimetype },
      body: file ? undefined : { stream: request, contentType: request.header('content-type'), contentLength: length === undefined ? undefined : Number(length), name },
    });
  }
}
