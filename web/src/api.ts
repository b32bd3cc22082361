/** Fetching from the API: JSON in, an Error carrying the server's message (and field) out. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function query(
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as
    (T & { message?: string; field?: string }) | null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.message ?? `HTTP ${response.status}`, body?.field);
  }
  return body as T;
}
