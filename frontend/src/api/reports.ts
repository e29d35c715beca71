// The programme report (DOMAIN.md, «Reporting»): the figures a curator hands the director,
// frozen when the programme completes, and the same as a CSV or XLSX file.
import { useQuery } from "@tanstack/react-query";
import { api } from "./client";
import { downloadFile } from "./participants";
import { unwrap } from "./problem";
import { programKeys } from "./programs";
import type { ProgramReport } from "./types";

export const reportKey = (programId: number) => [...programKeys.one(programId), "report"] as const;

export function useProgramReport(programId: number) {
  return useQuery({
    queryKey: reportKey(programId),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/programs/{id}/report", { params: { path: { id: programId } } }),
        // Without `format` the answer is JSON; the spec also lists the CSV and XLSX it can be.
      ) as ProgramReport,
  });
}

export type ReportFormat = "csv" | "xlsx";

export function downloadReport(programId: number, format: ReportFormat) {
  return downloadFile(`/api/v1/programs/${programId}/report?format=${format}`, `report-programme-${programId}.${format}`);
}
