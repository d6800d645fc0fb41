import { fetchJson, HttpError } from '../../shared/client/fetch-json.ts';

/**
 * The staff app's door to the API: JSON in and out with the session cookie; any 401 (an expired
 * or revoked session) calls `onUnauthorized`, which sends the user back to sign-in.
 *
 * @example
 * const { user } = await api.get<{ user: UserDto }>('/api/auth/me');
 */
export class ApiClient {
  readonly #onUnauthorized: () => void;

  constructor(onUnauthorized: () => void) {
    this.#onUnauthorized = onUnauthorized;
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.#call<T>(() => fetchJson<T>(path, { signal }));
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.#call<T>(() => fetchJson<T>(path, { method: 'POST', body }));
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.#call<T>(() => fetchJson<T>(path, { method: 'PATCH', body }));
  }

  delete<T>(path: string): Promise<T> {
    return this.#call<T>(() => fetchJson<T>(path, { method: 'DELETE' }));
  }

  /** Sends a file as the raw body with its own media type (signage uploads). */
  upload<T>(path: string, file: File): Promise<T> {
    return this.#call<T>(async () => {
      const response = await fetch(path, { method: 'POST', headers: { 'content-type': file.type }, body: file });
      const data = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
      if (!response.ok)
        throw new HttpError(
          response.status,
          data?.error?.code ?? `http_${response.status}`,
          data?.error?.message ?? response.statusText,
        );
      return data as T;
    });
  }

  async #call<T>(run: () => Promise<T>): Promise<T> {
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
