import { fail, ok, type Result } from '../../shared/api/result';
import { isMethodName, methodDef, type MethodName, type Output } from '../../shared/api/contract';
import { formatZodIssues } from '../../shared/api/zodMessages';
import { DomainError } from '../../shared/domain/errors';
import { roleCan, type Permission } from '../../shared/domain/permissions';
import { HandlerContext, type BackendServices, type Session } from './context';
import { isAsyncHandler, type Handler, type HandlerTable } from './handlers/types';
import { writeAudit } from './journal';

export interface Logger {
  error(message: string, err?: unknown): void;
  warn(message: string): void;
}

/** Methods that still work in read-only recovery mode although they write (sessions only). */
const ALLOWED_WHEN_READ_ONLY = new Set<string>(['auth.login', 'auth.logout']);

/**
 * The one entry point of every transport. Never throws: every outcome is a Result.
 * Order: method lookup → access → input schema → read-only guard → handler → error mapping.
 */
export async function dispatch(
  services: BackendServices,
  handlers: HandlerTable,
  log: Logger,
  name: string,
  rawInput: unknown,
  session: Session | null,
): Promise<Result<unknown>> {
  if (!isMethodName(name)) return fail('not_found', `没有名为 ${name.slice(0, 60)} 的接口。`);
  const def = methodDef(name);
  if (def.testOnly && !services.testMode) return fail('not_found', `没有名为 ${name} 的接口。`);

  if (def.access !== 'public') {
    if (!session) return fail('unauthenticated', '登录已失效，请重新登录。');
    if (def.access !== 'authenticated' && !roleCan(session.role, def.access)) {
      recordDenial(services, session, name, def.access, log);
      return fail('permission', '您的账号没有进行此操作的权限，如需办理请联系管理员。', { permission: def.access });
    }
  }

  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = formatZodIssues(parsed.error.issues);
    return fail('validation', issues.map((i) => i.message).join(''), { issues });
  }

  if (services.readOnly && def.write && !ALLOWED_WHEN_READ_ONLY.has(name)) {
    return fail('read_only', '数据库处于只读恢复模式，暂不能修改数据。请在“系统管理 → 备份与恢复”中恢复备份。');
  }

  const handler = handlers[name] as Handler<MethodName> | undefined;
  if (!handler) return fail('not_found', `接口 ${name} 尚未实现。`);
  const ctx = new HandlerContext(services, session);
  try {
    let value: unknown;
    if (isAsyncHandler(handler)) value = await handler.async(ctx, parsed.data as never);
    else if (def.write) value = services.db.transaction(() => handler(ctx, parsed.data as never))();
    else value = handler(ctx, parsed.data as never);
    if (services.testMode) checkOutput(name, value, log);
    return ok(value as Output<MethodName>);
  } catch (e) {
    return toFailure(e, name, log);
  }
}

function recordDenial(services: BackendServices, session: Session, name: string, permission: Permission, log: Logger): void {
  if (services.readOnly) return;
  try {
    writeAudit(services.db, services.ids, services.clock.now().toISOString(), session, {
      action: 'denied',
      entity: 'permission',
      summary: `拒绝访问：${session.username} 调用 ${name}（需要权限 ${permission}）`,
    });
  } catch (e) {
    log.error('could not audit a permission denial', e);
  }
}

function checkOutput(name: string, value: unknown, log: Logger): void {
  const result = methodDef(name as MethodName).output.safeParse(value);
  if (!result.success) {
    log.error(`output of ${name} does not match the contract: ${JSON.stringify(result.error.issues).slice(0, 2000)}`);
    throw new Error(`output of ${name} does not match the contract`);
  }
}

/** SQLite and unknown failures become coded errors with neutral Chinese text; details go to the log. */
export function toFailure(e: unknown, name: string, log: Logger): Result<never> {
  if (e instanceof DomainError) return fail(e.code, e.message, e.details);
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return fail('conflict', '与已有记录重复，未保存。请检查后重试。');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return fail('validation', '引用的记录不存在（可能已被删除），未保存。请刷新后重试。');
  if (code === 'SQLITE_FULL') return fail('io', '磁盘空间已满，本次操作已全部撤销，未写入任何数据。请清理磁盘后重试。');
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return fail('io', '数据库正忙（其他人正在保存），请稍后重试。');
  if (code === 'SQLITE_READONLY') return fail('read_only', '数据库文件只读，无法保存。请检查文件权限或磁盘。');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return fail('io', '数据库文件损坏。请勿继续操作，到“系统管理 → 备份与恢复”恢复最近的备份。');
  }
  log.error(`handler ${name} failed`, e);
  return fail('internal', '程序内部出错，操作未完成，数据未被修改。请重试；如反复出现请联系技术支持并提供日志。');
}
