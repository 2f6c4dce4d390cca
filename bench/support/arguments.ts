/** `--name value` from the command line, or the fallback when the option is absent or has no value. */
export function argument(name: string, fallback: string, argv: readonly string[] = process.argv): string {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 && argv[index + 1] !== undefined && !argv[index + 1].startsWith('--') ? argv[index + 1] : fallback;
}

/** A comma-separated list of numbers, such as `--workers 0,1,2`. */
export function numberList(name: string, fallback: string, argv: readonly string[] = process.argv): number[] {
  return argument(name, fallback, argv).split(',').map(Number);
}

export function flag(name: string, argv: readonly string[] = process.argv): boolean {
  return argv.includes(`--${name}`);
}
