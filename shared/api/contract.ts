import type { z } from 'zod';
import { mergeMethodTables, type MethodDef } from './define';
import { assessmentsMethods } from './methods/assessments';
import { auditMethods } from './methods/audit';
import { authMethods } from './methods/auth';
import { backupsMethods } from './methods/backups';
import { cadresMethods } from './methods/cadres';
import { casesMethods } from './methods/cases';
import { divisionsMethods } from './methods/divisions';
import { documentsMethods } from './methods/documents';
import { exportsMethods } from './methods/exports';
import { followupsMethods } from './methods/followups';
import { householdEventsMethods } from './methods/householdEvents';
import { householdsMethods } from './methods/households';
import { importsMethods } from './methods/imports';
import { incomeMethods } from './methods/income';
import { leadsMethods } from './methods/leads';
import { measuresMethods } from './methods/measures';
import { meetingsMethods } from './methods/meetings';
import { membersMethods } from './methods/members';
import { noticesMethods } from './methods/notices';
import { settingsMethods } from './methods/settings';
import { statsMethods } from './methods/stats';
import { systemMethods } from './methods/system';
import { templatesMethods } from './methods/templates';
import { testingMethods } from './methods/testing';
import { usersMethods } from './methods/users';

/**
 * THE API contract: method name (`aggregate.verb`) → input/output zod schemas + access rule.
 * The IPC adapter, the HTTP server and the renderer client all derive from this object;
 * no method name is written anywhere else as a free string.
 */
export const contract = mergeMethodTables(
  systemMethods,
  authMethods,
  usersMethods,
  settingsMethods,
  divisionsMethods,
  householdsMethods,
  membersMethods,
  householdEventsMethods,
  incomeMethods,
  assessmentsMethods,
  importsMethods,
  exportsMethods,
  auditMethods,
  backupsMethods,
  leadsMethods,
  casesMethods,
  meetingsMethods,
  noticesMethods,
  measuresMethods,
  cadresMethods,
  followupsMethods,
  documentsMethods,
  templatesMethods,
  statsMethods,
  testingMethods,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller may send (defaults not yet applied). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after zod parsing and defaults). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
export const methodDef = (name: MethodName): MethodDef => contract[name] as MethodDef;
