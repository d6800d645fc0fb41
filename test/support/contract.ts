import { type Operation, operations } from '../../shared/api/operations.ts';

/** Each operation of the map with a pattern matching its URLs; literal paths before parameter ones. */
const PATTERNS = Object.entries(operations as Record<string, Operation>)
  .map(([id, op]) => ({
    id,
    op,
    params: (op.path.match(/:/g) ?? []).length,
    pattern: new RegExp(`^/api${op.path.replace(/[.]/g, '\\.').replace(/:(\w+)/g, '[^/]+')}$`),
  }))
  .sort((a, b) => a.params - b.params);

/** The operation of the map a request goes to, by method and URL path (query ignored). */
export function operationFor(method: string, url: string): { id: string; op: Operation } | undefined {
  const path = new URL(url, 'http://x').pathname;
  const m = method.toLowerCase();
  return PATTERNS.find((p) => p.op.method === m && p.pattern.test(path));
}

/** An answer that does not match the operation's response schema: the contract drifted. */
export class ContractDrift extends Error {
  override name = 'ContractDrift';
}

/**
 * Checks a real answer against the contract: every 2xx answer of an operation must parse with its
 * response schema. Throws `ContractDrift` naming the fields that differ.
 * @example checkAnswer('GET', '/api/stores/demo/queue', 200, body)
 */
export function checkAnswer(method: string, url: string, status: number, body: unknown): void {
  if (status < 200 || status >= 300) return;
  const found = operationFor(method, url);
  if (!found) return;
  const parsed = found.op.response.safeParse(body);
  if (parsed.success) return;
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  throw new ContractDrift(`${method} ${url} (${found.id}) answered ${status} outside its response schema: ${issues}`);
}
