import { Command, Option } from 'commander';
import { ApiTokenService, AuditService, AuthModule, generatePassword, TOKEN_SCOPES, TokenScope, UserService } from '@larder/auth';
import { ROLES, Role } from '@larder/domain';
import { withContext } from '../cli-context';
import { printResult } from '../output';

function parseCanteens(value: string): number[] {
  const ids = value.split(',').map((part) => Number(part.trim()));
  if (ids.some((id) => !Number.isInteger(id) || id < 1)) throw new Error(`--canteens must be canteen ids separated by commas, got ${JSON.stringify(value)}`);
  return ids;
}

export function usersCommand(): Command {
  const users = new Command('users');
  users
    .command('add <username>')
    .description('create a user; the generated password is printed once')
    .addOption(new Option('--role <role>', 'what the user may see').choices([...ROLES]).makeOptionMandatory())
    .option('--canteens <ids>', "a manager's canteens, e.g. 1,2", parseCanteens)
    .option('--json', 'print one JSON object')
    .action(async (username: string, flags: { role: Role; canteens?: number[]; json?: boolean }) => {
      const password = generatePassword();
      await withContext([AuthModule], async (context) => {
        await context.get(UserService).create({ username, password, role: flags.role, canteenIds: flags.canteens });
        await context.get(AuditService).record({ actor: 'cli', action: 'user.create', detail: { username, role: flags.role } });
      });
      printResult(flags, { username, role: flags.role, password }, () => `created ${username} (${flags.role}); password, shown once: ${password}`);
    });
  return users;
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
        await context.get(AuditService).record({ actor: 'cli', action: 'token.create', detail: { tokenId: token.id, name: flags.name, scopes: flags.scope } });
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
      printResult(flags, { tokens: list }, () => list.map((token) => `${token.id}  ${token.name}  ${token.scopes.join(',')}  ${token.revokedAt ? `revoked ${token.revokedAt.toISOString()}` : 'active'}`).join('\n') || 'no tokens');
    });
  tokens
    .command('revoke <id>')
    .description('revoke a token at once')
    .option('--json', 'print one JSON object')
    .action(async (id: string, flags: { json?: boolean }) => {
      await withContext([AuthModule], async (context) => {
        await context.get(ApiTokenService).revoke(id);
        await context.get(AuditService).record({ actor: 'cli', action: 'token.revoke', detail: { tokenId: id } });
      });
      printResult(flags, { revoked: id }, () => `revoked ${id}`);
    });
  return tokens;
}
