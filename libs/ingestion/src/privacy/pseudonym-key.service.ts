import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { AppSetting } from '@larder/database';
import { Pseudonymizer } from './pseudonymizer';

const SETTING_KEY = 'pseudonym_secret';

/**
 * The key comes from LARDER_PSEUDONYM_SECRET when set (production: keep it outside the database).
 * Otherwise an install generates one on first use and keeps it, so pseudonyms stay stable.
 */
@Injectable()
export class PseudonymKeyService {
  private pseudonymizer: Pseudonymizer | null = null;
  private key: string | null = null;

  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async get(): Promise<Pseudonymizer> {
    if (!this.pseudonymizer) this.pseudonymizer = new Pseudonymizer(await this.secret());
    return this.pseudonymizer;
  }

  /** The key itself, for code that pseudonymises outside this service (a worker thread). */
  async secret(): Promise<string> {
    if (!this.key) this.key = this.config.pseudonymSecret ?? (await this.storedSecret());
    return this.key;
  }

  private async storedSecret(): Promise<string> {
    const settings = this.dataSource.getRepository(AppSetting);
    await settings.createQueryBuilder().insert().values({ key: SETTING_KEY, value: randomBytes(32).toString('base64url') }).orIgnore().execute();
    const stored = await settings.findOneByOrFail({ key: SETTING_KEY });
    return stored.value;
  }
}
