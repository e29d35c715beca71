// The programme report (DOMAIN.md, «Reporting»): the figures a curator hands the director,
// frozen when the programme completes, and the same as a CSV or XLSX file.
import { useQuery } from "@tanstack/react-query";
import { api } from "./client";
import { downloadFile } from "./participants";
import { unwrap } from "./problem";
import { programKeys } from "./programs";

export const reportKey = (programId: number) => [...programKeys.one(programId), "report"] as const;

export function useProgramReport(programId: number) {
  return useQuery({
    queryKey: reportKey(programId),
    queryFn: async () => unwrap(await api.GET("/api/v1/programs/{id}/report", { params: { path: { id: programId } } })),
  });
}

export type ReportFormat = "csv" | "xlsx";

export function downloadReport(programId: number, format: ReportFormat) {
  return downloadFile(`/api/v1/programs/${programId}/report?format=${format}`, `report-programme-${programId}.${format}`);
}
