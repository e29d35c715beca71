// RFC 9457 problem details as the service sends them, turned into an Error the UI can show.
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string | null;
  code?: string;
  errors?: FieldError[];
  request_id?: string | null;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | null;
  readonly fieldErrors: FieldError[];

  constructor(status: number, body: unknown) {
    const problem: ProblemBody = typeof body === "object" && body !== null ? (body as ProblemBody) : {};
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = "ApiProblem";
    this.status = problem.status ?? status;
    this.code = problem.code ?? (status === 0 ? "network_error" : `http_${status}`);
    this.detail = problem.detail ?? null;
    this.fieldErrors = problem.errors ?? [];
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the body of a successful openapi-fetch call, or throws its problem. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (result.response.ok) return result.data as T;
  throw new ApiProblem(result.response.status, result.error);
}

/** Field errors keyed by field name, in the shape Mantine forms take. */
export function fieldErrorMap(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  return Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message]));
}
