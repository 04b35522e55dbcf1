// Every SQL function the API exposes, with its arguments and result, from the generated
// types (src/types/database.ts, `npm run types`): a misspelt function, a missing or misnamed
// argument or a wrongly typed one fails to compile. Each feature's api.ts names its calls.
import type { Database, Json } from '../types/database';

type Functions = Database['public']['Functions'];

export type RpcName = keyof Functions;
export type RpcArgs<N extends RpcName> = Functions[N]['Args'];
export type RpcResult<N extends RpcName> = Functions[N]['Returns'];

/** The argument object, which may be left out when the function needs none. */
export type RpcCallArgs<N extends RpcName> = Record<string, never> extends RpcArgs<N> ? [args?: RpcArgs<N>] : [args: RpcArgs<N>];

/** What a feature's api.ts needs of the data provider. */
export interface RpcClient {
  rpc<N extends RpcName>(name: N, ...args: RpcCallArgs<N>): Promise<RpcResult<N>>;
}

/**
 * The rows of a function whose generated type is looser than what it returns (json, or columns
 * the SQL may leave NULL that the generator types as not null): the api module states them.
 */
export function rowsOf<Row>(result: Json[]): Row[] {
  return result as unknown as Row[];
}

/** The object of a function returning jsonb, shaped as its api module states. */
export function objectOf<T>(result: Json): T {
  return result as unknown as T;
}
