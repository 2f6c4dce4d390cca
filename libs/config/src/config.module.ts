import { DynamicModule, Global, Module } from '@nestjs/common';
import { LarderConfig, loadConfigFromProcess } from './larder-config';

export const LARDER_CONFIG = Symbol('LARDER_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** Pass a config to pin one (tests); otherwise the process environment is read and validated once. */
  static forRoot(config: LarderConfig = loadConfigFromProcess()): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: LARDER_CONFIG, useValue: config }], exports: [LARDER_CONFIG] };
  }
}
