import type { BackendEvents, EventName } from '../../shared/api/events';
import { DomainError } from '../../shared/domain/errors';
import { roleCan, type Permission, type Role, type Scope } from '../../shared/domain/permissions';
import type { Profile } from '../../shared/domain/profile';
import type { Db } from './db/connection';
import type { FileStore } from './files';
import { writeAudit, writeChange, type AuditInput } from './journal';
import type { Clock, Ids } from './runtime';

/** The logged-in user a call runs as; resolved from the bearer token by the transport. */
export interface Session {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  /** sha256 of the bearer token, for logout. */
  tokenHash: string;
}

export interface BackendServices {
  db: Db;
  clock: Clock;
  ids: Ids;
  dataDir: string;
  workstationId: string;
  files: FileStore;
  emit<E extends EventName>(event: E, payload: BackendEvents[E]): void;
  profile(): Profile;
  /** Drops cached settings after settings.* writes. */
  invalidateSettings(): void;
  testMode: boolean;
  readOnly: boolean;
}

/**
 * What every handler receives: the services, the caller, and the journal helpers that write the
 * audit and change logs in the caller's transaction.
 */
export class HandlerContext {
  constructor(
    readonly services: BackendServices,
    readonly session: Session | null,
  ) {}

  get db(): Db {
    return this.services.db;
  }
  get ids(): Ids {
    return this.services.ids;
  }
  now(): Date {
    return this.services.clock.now();
  }
  nowIso(): string {
    return this.services.clock.now().toISOString();
  }
  profile(): Profile {
    return this.services.profile();
  }

  /** The session, or an `unauthenticated` error for methods that need a user. */
  user(): Session {
    if (!this.session) throw new DomainError('unauthenticated', '请先登录。');
    return this.session;
  }

  can(permission: Permission): boolean {
    return this.session !== null && roleCan(this.session.role, permission);
  }

  /** 村级录入 accounts reach only their villages; the backend checks it on every household touched. */
  assertVillageInScope(villageId: string): void {
    const scope = this.user().scope;
    if (scope.kind === 'villages' && !scope.villageIds.includes(villageId)) {
      throw new DomainError('permission', '您的账号只能处理所辖村的农户，此户不在您的管辖范围内。');
    }
  }

  audit(entry: AuditInput): void {
    writeAudit(this.db, this.ids, this.nowIso(), this.session, entry);
  }

  change(entity: string, entityId: string, rowVersion: number, op: 'upsert' | 'delete', data: unknown): void {
    writeChange(this.db, this.nowIso(), this.services.workstationId, entity, entityId, rowVersion, op, data);
  }

  /** For async handlers: run the synchronous write part in one transaction (no await inside). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
