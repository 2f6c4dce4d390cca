import { userInfo } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ApiTokenService, AuditService, AuthModule, TOKEN_SCOPES, TokenScope, UserAdminService, UserChange, UserListing } from '@larder/auth';
import { ROLES, Role } from '@larder/domain';
import { withContext } from '../cli-context';
import { printResult } from '../output';

/** Who made a change from the command line, for the audit log. */
function cliActor(): string {
  return `cli:${userInfo().username}`;
}

function parseCanteens(value: string): string[] {
  const codes = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (codes.length === 0) throw new InvalidArgumentError(`give canteen codes separated by commas, e.g. C01,C02`);
  return codes;
}

function describe(user: UserListing): string {
  return `${user.username.padEnd(16)} ${user.role.padEnd(8)} ${(user.canteens.join(',') || '-').padEnd(12)} ${user.active ? 'active' : 'disabled'}`;
}

/** Every change goes through UserAdminService, as on the admin page: same rules, same audit. */
function change(users: Command, spec: { name: string; description: string; change: (value: string | undefined) => UserChange; argument?: string }): void {
  users
    .command(spec.argument ? `${spec.name} <username> <${spec.argument}>` : `${spec.name} <username>`)
    .description(spec.description)
    .option('--json', 'print one JSON object')
    .action(async (username: string, ...rest: unknown[]) => {
      const value = spec.argument ? (rest[0] as string) : undefined;
      const flags = (spec.argument ? rest[1] : rest[0]) as { json?: boolean };
      const user = await withContext([AuthModule], (context) => context.get(UserAdminService).update(cliActor(), username, spec.change(value)));
      printResult(flags, user, () => describe(user));
    });
}

export function usersCommand(): Command {
  const users = new Command('users');
  users
    .command('add <username>')
    .description('create a user; the generated password is printed once')
    .addOption(new Option('--role <role>', 'what the user may see').choices([...ROLES]).makeOptionMandatory())
    .option('--canteens <codes>', "a manager's canteens, e.g. C01,C02", parseCanteens)
    .option('--json', 'print one JSON object')
    .action(async (username: string, flags: { role: Role; canteens?: string[]; json?: boolean }) => {
      const created = await withContext([AuthModule], (context) => context.get(UserAdminService).create(cliActor(), { username, role: flags.role, canteens: flags.canteens }));
      printResult(flags, { ...created.user, password: created.password }, () => `created ${username} (${flags.role}); password, shown once: ${created.password}`);
    });
  users
    .command('list')
    .description('everyone who may sign in, with role, canteens and whether they are active')
    .option('--json', 'print one JSON object')
    .action(async (flags: { json?: boolean }) => {
      const list = await withContext([AuthModule], (context) => context.get(UserAdminService).list());
      printResult(flags, { users: list }, () => list.map(describe).join('\n') || 'no users');
    });
  change(users, { name: 'disable', description: 'stop a user signing in; their sessions end at once', change: () => ({ active: false }) });
  change(users, { name: 'enable', description: 'let a disabled user sign in again', change: () => ({ active: true }) });
  change(users, { name: 'set-role', argument: 'role', description: `change a user's role (${ROLES.join(', ')}); their sessions end`, change: (role) => ({ role: parseRole(role) }) });
  change(users, {
    name: 'set-canteens',
    argument: 'codes',
    description: "change a manager's canteens, e.g. C01,C02; their sessions end",
    change: (codes) => ({ canteens: parseCanteens(codes ?? '') }),
  });
  users
    .command('passwd <username>')
    .description('give a user a new generated password, printed once; their sessions end')
    .option('--json', 'print one JSON object')
    .action(async (username: string, flags: { json?: boolean }) => {
      const reset = await withContext([AuthModule], (context) => context.get(UserAdminService).resetPassword(cliActor(), username));
      printResult(flags, reset, () => `new password for ${username}, shown once: ${reset.password}`);
    });
  return users;
}

function parseRole(value: string | undefined): Role {
  const role = ROLES.find((candidate) => candidate === value);
  if (!role) throw new InvalidArgumentError(`role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(value)}`);
  return role;
}

export function tokensCommand(): Command {
  const tokens = new Command('tokens');
  tokens
    .command('create')
    .description('create a token; it is printed once and stored only as a hash')
    .requiredOption('--name <name>', 'what the token is for, e.g. "card system"')
    .addOption(new Option('--scope <scope...>', 'what it may do').choices([...TOKEN_SCOPES]).makeOptionMandatory())
    .option('--json', 'print one JSON object')
    .action(async (flags: { name: string; scope: TokenScope[]; json?: boolean }) => {
      const created = await withContext([AuthModule], async (context) => {
        const token = await context.get(ApiTokenService).create({ name: flags.name, scopes: flags.scope });
        await context.get(AuditService).record({ actor: cliActor(), action: 'token.create', detail: { tokenId: token.id, name: flags.name, scopes: flags.scope } });
        return token;
      });
      printResult(flags, created, () => `token ${created.id} (${flags.scope.join(', ')}), shown once:\n${created.token}`);
    });
  tokens
    .command('list')
    .description('tokens with their scopes and whether they are revoked')
    .option('--json', 'print one JSON object')
    .action(async (flags: { json?: boolean }) => {
      const list = await withContext([AuthModule], (context) => context.get(ApiTokenService).list());
      printResult(
        flags,
        { tokens: list },
        () => list.map((token) => `${token.id}  ${token.name}  ${token.scopes.join(',')}  ${token.revokedAt ? `revoked ${token.revokedAt.toISOString()}` : 'active'}`).join('\n') || 'no tokens',
      );
    });
  tokens
    .command('revoke <id>')
    .description('revoke a token at once')
    .option('--json', 'print one JSON object')
    .action(async (id: string, flags: { json?: boolean }) => {
      await withContext([AuthModule], async (context) => {
        await context.get(ApiTokenService).revoke(id);
        await context.get(AuditService).record({ actor: cliActor(), action: 'token.revoke', detail: { tokenId: id } });
      });
      printResult(flags, { revoked: id }, () => `revoked ${id}`);
    });
  return tokens;
}
