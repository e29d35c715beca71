// Importing participants from a file: a dry run that reports every bad row, then the import as
// a background job that the SPA polls. The file goes as the raw body with its own Content-Type,
// which the typed client cannot send (it serialises bodies as JSON): those POSTs go through apiFetch.
import { useQuery } from "@tanstack/react-query";
import { api, apiFetch } from "./client";
import type { ImportJob, ImportReport } from "./types";
import { ApiProblem, unwrap } from "./problem";
import { downloadFile } from "./participants";

export type { ImportJob, ImportReport, ImportRowError } from "./types";

export type ImportFormat = "csv" | "xlsx" | "ndjson";

export const IMPORT_CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ndjson: "application/x-ndjson",
};

/** The format of a chosen file, by its extension (browsers report CSV and NDJSON types unreliably). */
export function importFormatOf(fileName: string): ImportFormat | null {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (extension === "csv" || extension === "txt") return "csv";
  if (extension === "xlsx") return "xlsx";
  if (extension === "ndjson" || extension === "jsonl") return "ndjson";
  return null;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  return new ApiProblem(response.status, await response.json().catch(() => null));
}

function post(schoolId: number, file: File, format: ImportFormat, query: string, headers: Record<string, string> = {}) {
  return apiFetch(`/api/v1/schools/${schoolId}/imports/participants${query}`, {
    method: "POST",
    headers: { "Content-Type": IMPORT_CONTENT_TYPES[format], ...headers },
    body: file,
  });
}

/** Checks the whole file without writing anything: counts and every bad row. */
export async function dryRunImport(schoolId: number, file: File, format: ImportFormat): Promise<ImportReport> {
  const response = await post(schoolId, file, format, "?dry_run=true");
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as ImportReport;
}

/**
 * Starts the import; the key makes a retried POST (a lost answer, a double click) start one
 * job, not two. Resolves to the job the service accepted (202).
 */
export async function startImport(schoolId: number, file: File, format: ImportFormat, idempotencyKey: string): Promise<ImportJob> {
  const response = await post(schoolId, file, format, "", { "Idempotency-Key": idempotencyKey });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as ImportJob;
}

export const IMPORT_POLL_MS = 500;

/** Poll while the job runs (or before the first answer); stop once it is over or polling fails. */
export function shouldPoll(job: Pick<ImportJob, "status"> | undefined, failed: boolean): boolean {
  if (failed) return false;
  return !job || job.status === "running";
}

/** Follows a running job every half second until it succeeds or fails. */
export function useImportJob(jobId: number | null) {
  return useQuery({
    queryKey: ["import-jobs", jobId ?? 0],
    enabled: jobId !== null,
    queryFn: async () => unwrap(await api.GET("/api/v1/import-jobs/{id}", { params: { path: { id: jobId! } } })),
    refetchInterval: (query) => (shouldPoll(query.state.data, query.state.status === "error") ? IMPORT_POLL_MS : false),
  });
}

export function downloadImportSample(format: "csv" | "xlsx") {
  return downloadFile(`/api/v1/imports/participants/sample?format=${format}`, `participants-sample.${format}`);
}
