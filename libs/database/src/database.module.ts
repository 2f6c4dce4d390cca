import { Global, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { dataSourceOptions } from './data-source-options';
import { DatabaseService } from './database.service';
import { DatabaseEndpoint } from './embedded/database-endpoint';

/** Joins the embedded cluster (or takes DATABASE_URL) before the pool is made from its URL. */
@Module({
  providers: [{ provide: DatabaseEndpoint, inject: [LARDER_CONFIG, ModuleRef], useFactory: (config: LarderConfig, moduleRef: ModuleRef) => DatabaseEndpoint.open(config.database, moduleRef) }],
  exports: [DatabaseEndpoint],
})
class DatabaseEndpointModule {}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [DatabaseEndpointModule],
      inject: [DatabaseEndpoint],
      useFactory: (endpoint: DatabaseEndpoint) => ({
        ...dataSourceOptions(endpoint.url),
        // A wrong DATABASE_URL should fail the start quickly with its reason, not retry for minutes.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [DatabaseService],
  exports: [DatabaseService],
})
export class DatabaseModule {}
