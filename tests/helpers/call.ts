/** Calling a notebook the way every door does: raw arguments through the contract's schemas. */
import {
  parseArgs,
  type ApiResults,
  type ArgsIn,
  type MethodName,
  type NotebookApi,
} from '../../src/shared/api';

export function call<M extends MethodName>(
  notebook: NotebookApi,
  method: M,
  args: ArgsIn<M>,
): Promise<ApiResults[M]> {
  return (notebook[method] as (a: unknown) => Promise<ApiResults[M]>)(parseArgs(method, args));
}
