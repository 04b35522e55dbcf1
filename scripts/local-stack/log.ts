// Service-prefixed console logging for the supervisor and its children.
const COLORS = [36, 35, 33, 32, 34, 31, 90];
const assigned = new Map<string, number>();
const verbose = process.env.STACK_VERBOSE === '1';
// A service process (service.ts) writes bare lines: the supervisor that forwards them adds the prefix.
const bare = process.env.STACK_LOG_BARE === '1';

export interface Logger {
  info(msg: string): void;
  /** shown even when quiet: what an operator must see (a crash, a restart, a recovery) */
  warn(msg: string): void;
  error(msg: string): void;
  debug(msg: string): void;
  /** forwards a child's output, one prefixed line at a time */
  stream(chunk: Buffer | string, isError?: boolean): void;
}

export function logger(service: string, opts: { quiet?: boolean } = {}): Logger {
  if (!assigned.has(service)) assigned.set(service, COLORS[assigned.size % COLORS.length]);
  const color = assigned.get(service)!;
  const tty = process.stdout.isTTY;
  const prefix = bare ? '' : tty ? `\x1b[${color}m${service.padEnd(9)}\x1b[0m│ ` : `${service.padEnd(9)}| `;
  const write = (line: string, err = false) => {
    if (!line.trim()) return;
    (err ? process.stderr : process.stdout).write(`${prefix}${line}\n`);
  };
  return {
    info: (m) => {
      if (!opts.quiet || verbose) m.split('\n').forEach((l) => write(l));
    },
    // a service process's warnings go to stderr, which its supervisor always shows
    warn: (m) => m.split('\n').forEach((l) => write(l, bare)),
    error: (m) => m.split('\n').forEach((l) => write(l, true)),
    debug: (m) => {
      if (verbose) m.split('\n').forEach((l) => write(l));
    },
    stream: (chunk, isError = false) => {
      if (opts.quiet && !verbose && !isError) return;
      String(chunk).split('\n').forEach((l) => write(l, isError));
    },
  };
}
