import { type ApiAnswer, apiUrl, type CallArgs, callApi } from '../../shared/api/client.ts';
import type { OperationId } from '../../shared/api/routes.ts';
import { HttpError } from '../../shared/client/fetch-json.ts';

/**
 * The staff app's door to the API: operations of the map by name, typed from it, with the session
 * cookie; any 401 (an expired or revoked session) calls `onUnauthorized`, which sends the user
 * back to sign-in.
 *
 * @example
 * const { user } = await api.call('me');
 */
export class ApiClient {
  readonly #onUnauthorized: () => void;

  constructor(onUnauthorized: () => void) {
    this.#onUnauthorized = onUnauthorized;
  }

  call<K extends OperationId>(id: K, ...args: CallArgs<K>): Promise<ApiAnswer<K>> {
    return this.#guard(() => callApi(id, ...args));
  }

  /** Sends a file as the raw body with its own media type (signage uploads). */
  upload(store: string, file: File): Promise<ApiAnswer<'uploadMedia'>> {
    return this.#guard(async () => {
      const response = await fetch(apiUrl('uploadMedia', { store }), {
        method: 'POST',
        headers: { 'content-type': file.type },
        body: file,
      });
      const data = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
      if (!response.ok)
        throw new HttpError(
          response.status,
          data?.error?.code ?? `http_${response.status}`,
          data?.error?.message ?? response.statusText,
        );
      return data as ApiAnswer<'uploadMedia'>;
    });
  }

  async #guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) this.#onUnauthorized();
      throw error;
    }
  }
}

/** A message a person can read from any error an API call throws. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
