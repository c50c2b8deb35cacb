/**
 * @module cli/args
 * `--flag value`, `--flag=value` and bare `--switch` into a map; everything else is positional.
 */
export interface Parsed {
  positional: string[];
  flags: Record<string, string>;
}

export function parseArgs(argv: string[], switches: string[] = []): Parsed {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (eq !== -1) flags[name] = arg.slice(eq + 1);
    else if (switches.includes(name)) flags[name] = 'true';
    else if (i + 1 < argv.length) flags[name] = argv[++i];
    else throw new Error(`--${name} needs a value`);
  }
  return { positional, flags };
}
