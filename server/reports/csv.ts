/** A CSV cell: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null;

/** Characters that make spreadsheets read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 record, CRLF-terminated. Text that a spreadsheet would run as a formula gets a
 * leading `'`; numbers are ours and written as they are (a negative number stays a number).
 * @example csvLine(['A001', '=1+1', 42, null]) // "A001,'=1+1,42,\r\n"
 */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
