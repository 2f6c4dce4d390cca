import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { dataSourceOptions } from './data-source-options';
import { DatabaseService } from './database.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [LARDER_CONFIG],
      useFactory: (config: LarderConfig) => ({
        ...dataSourceOptions(config.database),
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
