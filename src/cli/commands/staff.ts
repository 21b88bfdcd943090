import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { loadSettings } from '../../runtime/config.js';
import {
  addStaff,
  changePassword,
  MAX_DAILY_QUOTA,
  normaliseUsername,
  ROLES,
  type Role,
  SignInThrottle,
  type StaffMember,
} from '../../staff/index.js';
import type { Store } from '../../store/index.js';
import { commander } from '../commander.js';
import { print, withSession } from '../io.js';
import { table } from '../output.js';
import { readSecret } from '../secret-input.js';

const PASSWORD_ENV = 'OBHUT_STAFF_PASSWORD' as const;

export function registerStaff(program: Command): void {
  const { Option } = commander();
  const staff = program
    .command('staff')
    .description('review console staff: accounts, roles and passwords');
  staff
    .command('add')
    .description(`add a member of staff; the password comes from ${PASSWORD_ENV} or standard input`)
    .argument('<username>', 'lower-case letters, digits, ".", "_" or "-"')
    .addOption(new Option('--role <role>', 'their role').choices(ROLES).makeOptionMandatory())
    .option('--daily-quota <tasks>', 'most tasks they may take a day')
    .option('--json', 'print as JSON')
    .action(async (username: string, opts: { role: Role; dailyQuota?: string; json?: boolean }) => {
      const dailyQuota = opts.dailyQuota === undefined ? undefined : quota(opts.dailyQuota);
      const password = await readSecret(loadSettings()[PASSWORD_ENV], PASSWORD_ENV, 'Password');
      const member = await withSession(({ store }) =>
        addStaff(store.staff, {
          username,
          role: opts.role,
          password,
          ...(dailyQuota === undefined ? {} : { dailyQuota }),
        }),
      );
      print(opts.json, member, () => `Added ${member.username} (${member.role}) as ${member.id}`);
    });
  staff
    .command('list')
    .description('list the staff')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const members = await withSession(({ store }) => store.staff.list());
      print(opts.json, members, () =>
        table([
          ['username', 'role', 'status', 'quota', 'id', 'created'],
          ...members.map((m) => [
            m.username,
            m.role,
            m.disabled ? 'disabled' : 'active',
            m.dailyQuota ?? '',
            m.id,
            m.createdAt,
          ]),
        ]),
      );
    });
  staff
    .command('disable')
    .description('stop a member of staff signing in, and end their sessions')
    .argument('<username>')
    .action(async (username: string) => {
      const member = await withSession(async ({ store }) => {
        const found = await find(store, username);
        await store.staff.update(found.id, { disabled: true });
        return found;
      });
      process.stdout.write(`Disabled ${member.username}; their sessions have ended\n`);
    });
  staff
    .command('enable')
    .description('let a disabled member of staff sign in again')
    .argument('<username>')
    .action(async (username: string) => {
      const member = await withSession(async ({ store }) => {
        const found = await find(store, username);
        await store.staff.update(found.id, { disabled: false });
        return found;
      });
      process.stdout.write(`Enabled ${member.username}\n`);
    });
  staff
    .command('passwd')
    .description(`set a new password (from ${PASSWORD_ENV} or standard input); ends their sessions`)
    .argument('<username>')
    .action(async (username: string) => {
      const password = await readSecret(loadSettings()[PASSWORD_ENV], PASSWORD_ENV, 'New password');
      const { member, unlocked } = await withSession(async ({ store, secret }) => {
        const found = await find(store, username);
        await changePassword(store.staff, found.id, password);
        // A new password also ends a sign-in lockout of the name (the same key as the server's).
        const { wasLocked } = await new SignInThrottle(store.staff, secret).unlock(found.username);
        return { member: found, unlocked: wasLocked };
      });
      process.stdout.write(
        `Changed the password of ${member.username}; their sessions have ended${
          unlocked ? ' and their sign-in lock is cleared' : ''
        }\n`,
      );
    });
  staff
    .command('unlock')
    .description('clear the sign-in lockout (failed attempts and lock) of a username')
    .argument('<username>', 'any name: unknown names are counted and locked like real ones')
    .option('--json', 'print as JSON')
    .action(async (username: string, opts: { json?: boolean }) => {
      const name = normaliseUsername(username);
      const result = await withSession(({ store, secret }) =>
        new SignInThrottle(store.staff, secret).unlock(name),
      );
      print(
        opts.json,
        { username: name, was_locked: result.wasLocked, attempts: result.attempts },
        () =>
          result.wasLocked
            ? `Cleared the sign-in lock of ${name} (${plural(result.attempts)})`
            : result.attempts > 0
              ? `${name} was not locked; cleared ${plural(result.attempts)}`
              : `${name} was not locked; nothing to clear`,
      );
    });
}

async function find(store: Store, username: string): Promise<StaffMember> {
  const found = await store.staff.credentials(normaliseUsername(username));
  if (!found) throw new ObhutError('NOT_FOUND', `no member of staff named ${username}`);
  return found.member;
}

function plural(attempts: number): string {
  return `${attempts} failed attempt${attempts === 1 ? '' : 's'}`;
}

function quota(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_DAILY_QUOTA) {
    throw new ObhutError('USAGE', `--daily-quota must be an integer 1..${MAX_DAILY_QUOTA}`);
  }
  return n;
}
