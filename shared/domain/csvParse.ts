// CSV as Excel and WPS save it (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes),
// with the delimiter guessed from the first lines (comma, tab or semicolon). Decoding bytes is the
// backend's job; this works on text.

const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter that splits the first few lines into the most, equally wide, columns. */
export function guessDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 10).filter((l) => l.trim() !== '');
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const max = Math.max(0, ...counts);
    // Lines may carry a title with no delimiters; score on the most common non-zero count.
    const score = max === 0 ? 0 : counts.filter((c) => c === max).length * max;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Parses CSV text into rows of strings; a trailing empty line is dropped. */
export function parseCsv(text: string, delimiter = guessDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r') {
      if (src[i + 1] !== '\n') endRow();
    } else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** CSV out: RFC 4180 quoting (the caller neutralises formula triggers first). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
