import { buildProgram, COMMANDS } from './command-list';

describe('the command list', () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))('%s loads the command of its name', async (name, entry) => {
    const command = await entry.load();
    expect(command.name()).toBe(name);
  });

  it('lists every command by name and summary without loading them, and loads the one named in full', async () => {
    const listing = await buildProgram(['node', 'larder', '--help']);
    expect(listing.commands.map((command) => command.name())).toEqual(COMMANDS.map((entry) => entry.name));
    expect(listing.commands.every((command) => command.options.length === 0)).toBe(true);
    const importing = await buildProgram(['node', 'larder', 'import', 'auto', 'sales.csv']);
    const loaded = importing.commands.find((command) => command.name() === 'import')!;
    expect(loaded.description()).toBe(COMMANDS.find((entry) => entry.name === 'import')!.summary);
    expect(loaded.options.map((option) => option.long)).toContain('--profile');
    const helped = await buildProgram(['node', 'larder', 'help', 'plan']);
    expect(helped.commands.find((command) => command.name() === 'plan')!.options.length).toBeGreaterThan(0);
  });
});
