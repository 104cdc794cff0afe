// One data row of a roster → typed household and member values plus every problem, each naming the
// row, the column and what to do. Nothing here touches the database: duplicates against stored data
// and village names are checked by the backend afterwards.
import { type Cell, EMPTY, cellText, cleanName, cleanText } from './cellText';
import { parseCode, parseDate, parseDecimal, parseInteger, parsePhone, parseSchoolStatus, parseSex, parseYesNo, type Parsed } from './cellParse';
import { validateDisabilityCertNo, validateIdNumber } from './idCard';
import type { ProfileEnums } from './profile';
import { ROSTER_FIELD_BY_KEY, columnLetter } from './rosterColumns';
import { listFor, matchListValue, normaliseDangerGrade, normaliseDisabilityGrade, normaliseIdType, normaliseRelation } from './rosterValues';

export type Severity = 'error' | 'warning';

export interface RowProblem {
  /** Spreadsheet row number as the clerk sees it (1-based). */
  row: number;
  /** Column letter (A, B, …), or '' for a problem of the whole row. */
  column: string;
  /** Column header text, or the field's Chinese name. */
  header: string;
  message: string;
  severity: Severity;
}

/** Parsed values; a key is present only when its column is mapped and the cell is not blank. */
export type RosterValues = Record<string, string | number | boolean>;

export interface RosterRow {
  row: number;
  values: RosterValues;
}

export interface RowReaderContext {
  /** column index → field key */
  mapping: ReadonlyMap<number, string>;
  /** column index → header text for messages */
  headers: ReadonlyMap<number, string>;
  enums: ProfileEnums;
  /** YYYY-MM-DD, bounds birth dates in ID numbers. */
  today: string;
}

const MAX_TEXT = 100;

/**
 * Where a row's problems go. One per row, reused for each cell (a closure per cell was a measurable
 * share of reading 40,000 rows × 22 columns).
 */
class RowProblems {
  readonly list: RowProblem[] = [];
  /** The cell being read: its column index and field. */
  col = -1;
  field = '';
  constructor(
    readonly rowNo: number,
    private readonly ctx: RowReaderContext,
  ) {}

  /** A problem of the current cell. */
  report(message: string, severity: Severity = 'error'): void {
    const { col, field } = this;
    this.list.push({ row: this.rowNo, column: columnLetter(col), header: this.ctx.headers.get(col) ?? ROSTER_FIELD_BY_KEY.get(field)?.label ?? field, message, severity });
  }

  /** A problem of `field`, wherever (if anywhere) it is mapped. */
  at(field: string, message: string, severity: Severity = 'error', col?: number): void {
    col ??= [...this.ctx.mapping].find(([, f]) => f === field)?.[0];
    this.list.push({ row: this.rowNo, column: col === undefined ? '' : columnLetter(col), header: col === undefined ? (ROSTER_FIELD_BY_KEY.get(field)?.label ?? field) : (this.ctx.headers.get(col) ?? field), message, severity });
  }
}

/** Reads one row. Returns row null for a blank row or a note/footer row (no name, no ID, few cells). */
export function readRosterRow(cells: readonly Cell[], rowNo: number, ctx: RowReaderContext): { row: RosterRow | null; problems: RowProblem[] } {
  const problems = new RowProblems(rowNo, ctx);
  const values: RosterValues = {};
  const columnOf = new Map<string, number>();
  let filled = 0;
  for (const [col, field] of ctx.mapping) {
    const cell = cells[col] ?? EMPTY;
    if (cell.kind === 'empty') continue;
    filled += 1;
    columnOf.set(field, col);
    problems.col = col;
    problems.field = field;
    readField(field, cell, values, problems, ctx);
  }
  const identified = values.name !== undefined || values.idNumber !== undefined || values.headName !== undefined || values.headIdNumber !== undefined;
  if (filled === 0) return { row: null, problems: [] };
  if (!identified && filled < 3) {
    return { row: null, problems: [{ row: rowNo, column: '', header: '', message: '此行没有姓名和证件号码，看起来不是数据行（如合计、签字栏），已跳过。', severity: 'warning' }] };
  }
  crossCheckIdentity(values, problems, columnOf, ctx.today);
  return { row: { row: rowNo, values }, problems: problems.list };
}

function take<T extends string | number | boolean>(values: RosterValues, field: string, parsed: Parsed<T> & { warning?: string }, problems: RowProblems): void {
  if (!parsed.ok) return problems.report(parsed.reason);
  if (parsed.warning) problems.report(parsed.warning, 'warning');
  if (parsed.value !== null) values[field] = parsed.value;
}

function readField(field: string, cell: Cell, values: RosterValues, problems: RowProblems, ctx: RowReaderContext): void {
  const def = ROSTER_FIELD_BY_KEY.get(field);
  if (!def) return;
  const what = def.label;
  switch (def.kind) {
    case 'id':
    case 'code': {
      const parsed = parseCode(cell, what);
      if (parsed.ok && parsed.value && parsed.value.length > 40) return problems.report(`${what}过长（${parsed.value.length} 位），请核对`);
      return take(values, field, parsed, problems);
    }
    case 'date':
      return take(values, field, parseDate(cell, what), problems);
    case 'months':
      return take(values, field, parseInteger(cell, what, 0, 12), problems);
    case 'decimal':
      return take(values, field, parseDecimal(cell, what, 100_000), problems);
    case 'yesno':
      return take(values, field, parseYesNo(cell, what), problems);
    case 'phone':
      return take(values, field, parsePhone(cell, what), problems);
    case 'sex':
      return take(values, field, parseSex(cell), problems);
    case 'name': {
      const name = cleanName(cellText(cell));
      if (name.length > 50) return problems.report(`${what}过长（${name.length} 个字），请核对`);
      if (/[<>{}\\|]/.test(name)) return problems.report(`${what}“${name}”含有不允许的符号，请核对`);
      values[field] = name;
      return;
    }
    case 'text':
      return readText(field, cleanText(cellText(cell)).slice(0, MAX_TEXT), values, problems, ctx);
  }
}

function readText(field: string, text: string, values: RosterValues, problems: RowProblems, ctx: RowReaderContext): void {
  if (!text) return;
  const { enums } = ctx;
  switch (field) {
    case 'householdType':
      if (!enums.householdTypes.includes(text)) return problems.report(`户类型“${text}”不在地方口径的户类型中（${enums.householdTypes.join('、')}），请改为其中之一`);
      values.householdType = text;
      return;
    case 'relation': {
      const r = normaliseRelation(text, enums.relationsToHead);
      if (!r.known) problems.report(`与户主关系“${text}”不在列表中（如 户主、配偶、之子、之女），已按原文导入，请核对`, 'warning');
      values.relation = r.value.slice(0, 20);
      return;
    }
    case 'idType':
      values.idType = normaliseIdType(text);
      return;
    case 'dangerousHouseGrade': {
      const g = normaliseDangerGrade(text);
      if (!g.ok) return problems.report(`危房等级“${text}”应为 A、B、C、D 之一，不是危房请留空`);
      if (g.value) values.dangerousHouseGrade = g.value;
      return;
    }
    case 'disabilityGrade': {
      const g = normaliseDisabilityGrade(text, enums.disabilityGrades);
      if (!g.known) problems.report(`残疾等级“${text}”不在列表中（${enums.disabilityGrades.join('、')}），已按原文导入，请核对`, 'warning');
      values.disabilityGrade = g.value.slice(0, 20);
      return;
    }
    case 'schoolStatus': {
      const s = parseSchoolStatus(text, enums.schoolStages);
      if (!s.ok) return problems.report(`${s.reason}；该项未导入`, 'warning');
      if (s.value) {
        values.schoolStage = s.value.stage;
        if (s.value.grade !== null) values.schoolGrade = s.value.grade;
      }
      return;
    }
  }
  const list = listFor(field, enums);
  if (list) {
    const m = matchListValue(text, list);
    if (!m.known) problems.report(`“${text}”不在地方口径的${ROSTER_FIELD_BY_KEY.get(field)?.label}列表中，已按原文导入，请核对`, 'warning');
    values[field] = m.value.slice(0, field === 'outOfSchoolReason' ? 40 : 20);
    return;
  }
  values[field] = text;
}

/**
 * 居民身份证 numbers are checked with GB 11643; sex and birth date come from the number, and a file that
 * says otherwise gets a warning. A 20/22-digit 残疾人证 number in the ID column yields both numbers.
 */
function crossCheckIdentity(values: RosterValues, problems: RowProblems, columnOf: ReadonlyMap<string, number>, today: string): void {
  const problemAt = (field: string, message: string, severity: Severity = 'error') => problems.at(field, message, severity, columnOf.get(field));
  for (const field of ['idNumber', 'headIdNumber'] as const) {
    const raw = values[field];
    if (typeof raw !== 'string') continue;
    const resident = field === 'headIdNumber' || normaliseIdType(String(values.idType ?? '')) === '居民身份证';
    if (!resident) continue;
    if (field === 'idNumber' && (raw.length === 20 || raw.length === 22)) {
      const cert = validateDisabilityCertNo(raw, today);
      if (!cert.ok) {
        problemAt(field, cert.reason);
        delete values[field];
      } else {
        values.idNumber = cert.idNumber;
        values.disabilityCertNo ??= cert.normalized;
      }
      continue;
    }
    const check = validateIdNumber(raw, today);
    if (!check.ok) {
      problemAt(field, check.reason);
      delete values[field];
      continue;
    }
    values[field] = check.normalized;
    if (field !== 'idNumber') continue;
    if (values.sex !== undefined && values.sex !== check.sex) problemAt('sex', `性别“${values.sex}”与证件号码不一致（号码表明为${check.sex}），已按证件号码导入`, 'warning');
    if (values.birthDate !== undefined && values.birthDate !== check.birthDate) {
      problemAt('birthDate', `出生日期 ${values.birthDate} 与证件号码中的 ${check.birthDate} 不一致，已按证件号码导入`, 'warning');
    }
    values.sex = check.sex;
    values.birthDate = check.birthDate;
  }
}
