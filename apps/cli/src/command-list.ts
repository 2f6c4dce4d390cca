import { Command } from 'commander';

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/**
 * Every command, with the one line `larder --help` shows for it. A command's module (and with it
 * Nest, TypeORM and the feature libraries) is loaded only when that command runs, so the help, a
 * typo and a quick read answer at once.
 */
export const COMMANDS: CommandEntry[] = [
  { name: 'migrate', summary: 'apply pending database migrations', load: async () => (await import('./commands/migrate.command')).migrateCommand() },
  { name: 'health', summary: 'check the database connection and migrations', load: async () => (await import('./commands/health.command')).healthCommand() },
  { name: 'demo', summary: 'the demo enterprise: a realistic, deterministic canteen group', load: async () => (await import('./commands/demo.command')).demoCommand() },
  {
    name: 'backtest',
    summary: "backtest the forecasts on a daily history CSV (date,canteen,meal,item,quantity[,planned][,drivers…]) against the planners' rules",
    load: async () => (await import('./commands/backtest.command')).backtestCommand(),
  },
  { name: 'forecast', summary: 'refresh the stored covers and dish forecasts of every canteen, meal and menu dish', load: async () => (await import('./commands/forecast.command')).forecastCommand() },
  { name: 'import', summary: 'import files (CSV, XLSX, JSON, NDJSON, Arrow) as batches; <kind> is a table or auto', load: async () => (await import('./commands/import.command')).importCommand() },
  { name: 'jobs', summary: 'recent job runs and their steps', load: async () => (await import('./commands/jobs.command')).jobsCommand() },
  { name: 'users', summary: 'people who sign in to the dashboard', load: async () => (await import('./commands/access.command')).usersCommand() },
  { name: 'tokens', summary: 'API tokens for machines that push data or read it', load: async () => (await import('./commands/access.command')).tokensCommand() },
  {
    name: 'plan',
    summary: 'plan production and purchase orders for an ISO week, or replay past weeks against what was cooked and sold',
    load: async () => (await import('./commands/plan.command')).planCommand(),
  },
  {
    name: 'menu',
    summary: "propose a canteen's next menu cycle within the kitchen's rules, and accept, reject or edit each change",
    load: async () => (await import('./commands/menu.command')).menuCommand(),
  },
  {
    name: 'report',
    summary: 'write an Excel report: purchase plan, monthly finance, satisfaction, waste or forecast accuracy',
    load: async () => (await import('./commands/report.command')).reportCommand(),
  },
  {
    name: 'worker',
    summary: 'take per-canteen job steps (rollups, forecasts...) from the queue until SIGTERM or SIGINT; PostgreSQL server only',
    load: async () => (await import('./commands/worker.command')).workerCommand(),
  },
];

/** The program for these arguments: the named command loaded in full, the others listed by name and summary. */
export async function buildProgram(argv: string[]): Promise<Command> {
  const program = new Command('larder')
    .description('Larder: canteen analytics and purchase planning')
    .showHelpAfterError()
    // options after a subcommand belong to it: `import pull --json`, `jobs run nightly --json`
    .enablePositionalOptions();
  const [first, second] = argv.slice(2);
  const wanted = first === 'help' ? second : first;
  for (const entry of COMMANDS) {
    if (entry.name === wanted) program.addCommand((await entry.load()).description(entry.summary));
    else program.command(entry.name).description(entry.summary);
  }
  return program;
}
