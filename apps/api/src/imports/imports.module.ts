import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from '@larder/auth';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { IngestionModule } from '@larder/ingestion';
import { ImportsController } from './imports.controller';
import { UploadCleanupInterceptor } from './upload-cleanup.interceptor';

@Module({
  imports: [
    AuthModule,
    IngestionModule,
    // Multipart files are streamed to disk, never held in memory; the size limit stops the stream.
    MulterModule.registerAsync({
      inject: [LARDER_CONFIG],
      useFactory: (config: LarderConfig) => ({ dest: config.imports.uploadDir, limits: { fileSize: config.imports.maxBytes, files: 1, fields: 8 }, defParamCharset: 'utf8' }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [LARDER_CONFIG],
      useFactory: (config: LarderConfig) => [{ name: 'default', ttl: 60_000, limit: config.imports.uploadsPerMinute }],
    }),
  ],
  controllers: [ImportsController],
  providers: [UploadCleanupInterceptor],
})
export class ImportsApiModule {}
