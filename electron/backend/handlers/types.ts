import type { MethodName, Output, ParsedInput } from '../../../shared/api/contract';
import type { HandlerContext } from '../context';

/** A synchronous handler: for write methods, dispatch runs it inside one transaction. */
export type SyncHandler<M extends MethodName> = (ctx: HandlerContext, input: ParsedInput<M>) => Output<M>;

/**
 * An async handler (file parsing, document packing): it must do its writes through `ctx.tx(...)`,
 * with no await inside, and slow output after the commit.
 */
export interface AsyncHandler<M extends MethodName> {
  async: (ctx: HandlerContext, input: ParsedInput<M>) => Promise<Output<M>>;
}

export type Handler<M extends MethodName> = SyncHandler<M> | AsyncHandler<M>;
export type HandlerTable = { [M in MethodName]?: Handler<M> };

export const isAsyncHandler = <M extends MethodName>(h: Handler<M>): h is AsyncHandler<M> => typeof h === 'object' && 'async' in h;
