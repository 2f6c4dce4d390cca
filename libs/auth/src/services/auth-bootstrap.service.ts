import { Inject, Injectable } from '@nestjs/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import type { Role } from '@larder/domain';
import { generatePassword } from '../password';
import { UserService } from './user.service';

export interface CreatedAccount {
  username: string;
  role: Role;
  /** Null when the password came from configuration and need not be shown. */
  password: string | null;
}

/** The demo's staff accounts; the manager plans for the first two canteens. */
const DEMO_ACCOUNTS: { username: string; role: Role; canteenIds: number[] }[] = [
  { username: 'manager', role: 'manager', canteenIds: [1, 2] },
  { username: 'finance', role: 'finance', canteenIds: [] },
  { username: 'union', role: 'union', canteenIds: [] },
];

/**
 * The first start creates an admin; demo mode also creates the manager, finance and union users.
 * Generated passwords are returned once for the caller to print, and never stored in clear.
 */
@Injectable()
export class AuthBootstrapService {
  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly users: UserService,
  ) {}

  isDemoMode(): boolean {
    return this.config.demo === 'on' || (this.config.demo === 'auto' && this.config.database.engine === 'embedded');
  }

  async ensureAccounts(): Promise<CreatedAccount[]> {
    const created: CreatedAccount[] = [];
    if (!(await this.users.hasAdmin())) {
      const password = this.config.auth.adminPassword ?? generatePassword();
      await this.users.create({ username: 'admin', password, role: 'admin' });
      created.push({ username: 'admin', role: 'admin', password: this.config.auth.adminPassword ? null : password });
    }
    if (!this.isDemoMode()) return created;
    const demoPassword = this.config.auth.demoPassword ?? generatePassword();
    for (const account of DEMO_ACCOUNTS) {
      if (await this.users.exists(account.username)) continue;
      await this.users.create({ ...account, password: demoPassword });
      created.push({ username: account.username, role: account.role, password: this.config.auth.demoPassword ? null : demoPassword });
    }
    return created;
  }
}
