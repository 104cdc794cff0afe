import type { Input, MethodName, Output } from '../../../shared/api/contract';
import type { ApiError, Result } from '../../../shared/api/result';
import { defaultTransport, type Transport } from './transport';

/** A failed call, carrying the backend's coded Chinese error. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
  get code() {
    return this.error.code;
  }
  /** Field issues of a validation error: [{path:'members.0.idNumber', message}]. */
  get issues(): { path: string; message: string }[] {
    const d = this.error.details as { issues?: { path: string; message: string }[] } | undefined;
    return d?.issues ?? [];
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

let transport: Transport = defaultTransport();
export const setTransport = (t: Transport) => {
  transport = t;
};
export const getTransport = () => transport;

/** The ONE way the renderer talks to the backend: typed by the contract, never a free string. */
export const api = {
  async result<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    const r = (await transport.invoke(method, input)) as Result<Output<M>>;
    if (!r.ok && r.error.code === 'unauthenticated' && method !== 'auth.login') unauthenticatedListeners.forEach((l) => l());
    return r;
  },
  async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await api.result(method, input);
    if (!r.ok) throw new ApiCallError(r.error);
    return r.value;
  },
  async upload(file: Blob, name: string, purpose?: 'backup'): Promise<{ token: string; name: string; size: number }> {
    const r = await transport.upload(file, name, purpose);
    if (!r.ok) throw new ApiCallError(r.error);
    return r.value;
  },
  download: (fileId: string, name: string) => transport.download(fileId, name),
  fileUrl: (fileId: string) => transport.fileUrl(fileId),
  onEvent: ((event, cb) => transport.onEvent(event, cb)) as Transport['onEvent'],
  onUnauthenticated(l: Listener): () => void {
    unauthenticatedListeners.add(l);
    return () => unauthenticatedListeners.delete(l);
  },
};
