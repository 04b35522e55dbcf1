// The two ways the Supabase CLI (pgx v4) sends a file's statements, reproduced message by
// message over node-postgres's connection, for the hosted-compat check:
//
// - migrations (`pgconn.ExecBatch`): Parse/Bind/Describe/Execute for every statement, then one
//   Sync. The server runs each statement before it parses the next, and everything up to the
//   Sync is one implicit transaction: a failure rolls the whole file back.
// - seed files (`conn.SendBatch` with the statement cache): every distinct statement is first
//   prepared on its own (Parse + Describe + Sync, one round trip each), and only then are all of
//   them bound and executed in one pipeline ending in one Sync. Preparing parses and analyses a
//   SELECT/INSERT/UPDATE/DELETE (and CREATE TABLE AS) against the database as it is before the
//   file runs, so a statement naming a table or function created earlier in the same file fails
//   with "does not exist" before anything runs (supabase/cli issue 882). Utility statements
//   (CREATE, DO, SET …) are only parsed then, which is why they get through.
//
// node-postgres cannot prepare without executing, nor send a multi-statement string over the
// extended protocol, so these are "submittables": objects that write the protocol messages
// themselves and receive the server's answers through the client's query queue.
import type pg from 'pg';

interface Connection {
  parse(msg: { name?: string; text: string; types?: number[] }): void;
  bind(msg: { portal?: string; statement?: string; values?: unknown[] }): void;
  describe(msg: { type: 'S' | 'P'; name?: string }): void;
  execute(msg: { portal?: string; rows?: number }): void;
  sync(): void;
}

/** A PostgreSQL error as node-postgres reports it (`position` is 1-based, a string). */
export interface PgError extends Error {
  code?: string;
  position?: string;
  detail?: string;
}

/** One round trip of extended-protocol messages ending in Sync; resolves at ReadyForQuery. */
abstract class Exchange {
  private settle!: { resolve: (n: number) => void; reject: (e: PgError) => void };
  readonly done = new Promise<number>((resolve, reject) => (this.settle = { resolve, reject }));
  /** statements that completed (CommandComplete or EmptyQueryResponse) */
  completed = 0;
  abstract submit(connection: Connection): void;
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}
  handleCommandComplete(): void {
    this.completed++;
  }
  handleEmptyQuery(): void {
    this.completed++;
  }
  // the client forgets this exchange on an error; the server skips to the Sync and the client
  // queues the next query until its ReadyForQuery arrives
  handleError(err: PgError): void {
    this.settle.reject(err);
  }
  handleReadyForQuery(): void {
    this.settle.resolve(this.completed);
  }
}

class Prepare extends Exchange {
  constructor(private name: string, private text: string) {
    super();
  }
  submit(c: Connection) {
    c.parse({ name: this.name, text: this.text, types: [] });
    c.describe({ type: 'S', name: this.name });
    c.sync();
  }
}

/** A statement and its parameters (text or arrays of text, as the CLI's history rows have). */
interface Item { text: string; values?: Array<string | string[]>; prepared?: string }

const textValue = (v: string | string[]) =>
  typeof v === 'string' ? v : `{${v.map((x) => `"${x.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;

class Pipeline extends Exchange {
  constructor(private items: Item[]) {
    super();
  }
  submit(c: Connection) {
    for (const item of this.items) {
      if (!item.prepared) c.parse({ text: item.text, types: [] });
      c.bind({ statement: item.prepared ?? '', portal: '', values: (item.values ?? []).map(textValue) });
      c.describe({ type: 'P', name: '' });
      c.execute({ portal: '', rows: 0 });
    }
    c.sync();
  }
}

/** Where a batch failed: the statement's index and text, and the server's error. */
export class BatchError extends Error {
  constructor(readonly index: number, readonly statement: string, readonly cause: PgError, phase: string) {
    const where = cause.position ? ` (at character ${cause.position})` : '';
    super(`${phase} statement ${index + 1}${where}: ${cause.message}\n${statement.slice(0, 400)}`);
  }
}

function run(client: pg.Client, exchange: Exchange): Promise<number> {
  client.query(exchange as unknown as pg.QueryConfig);
  return exchange.done;
}

/** pgconn.ExecBatch: each statement parsed when the previous one has run; one implicit transaction. */
export async function execBatch(client: pg.Client, statements: Item[]): Promise<void> {
  const pipeline = new Pipeline(statements);
  try {
    await run(client, pipeline);
  } catch (e) {
    const i = Math.min(pipeline.completed, statements.length - 1);
    throw new BatchError(i, statements[i].text, e as PgError, 'executing');
  }
}

let counter = 0;
/** pgx's SendBatch with its statement cache: prepare every distinct statement, then run them all. */
export async function sendBatchPrepared(client: pg.Client, statements: Item[]): Promise<void> {
  const names = new Map<string, string>();
  for (const [i, item] of statements.entries()) {
    if (names.has(item.text)) continue;
    const name = `cli_batch_${process.pid}_${++counter}`;
    try {
      await run(client, new Prepare(name, item.text));
    } catch (e) {
      throw new BatchError(i, item.text, e as PgError, 'preparing');
    }
    names.set(item.text, name);
  }
  const pipeline = new Pipeline(statements.map((s) => ({ ...s, prepared: names.get(s.text) })));
  try {
    await run(client, pipeline);
  } catch (e) {
    const i = Math.min(pipeline.completed, statements.length - 1);
    throw new BatchError(i, statements[i].text, e as PgError, 'executing');
  } finally {
    await client.query('deallocate all');
  }
}
