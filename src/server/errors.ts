/** An error that maps directly onto an HTTP response. */
export class HttpError extends Error {
  readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 428 | 500;
  readonly body: Record<string, unknown> | undefined;

  constructor(status: HttpError['status'], message: string, body?: Record<string, unknown>) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.body = body;
  }
}

/** Node fs error code, if any. */
export function errnoCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  return undefined;
}

/** Turns common fs errors into HttpErrors; anything else is rethrown unchanged. */
export function fsErrorToHttp(err: unknown, what: string): never {
  const code = errnoCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') throw new HttpError(404, `${what} not found`);
  if (code === 'EACCES' || code === 'EPERM') throw new HttpError(403, `${what}: permission denied`);
  if (code === 'EISDIR') throw new HttpError(400, `${what} is a folder`);
  throw err;
}
