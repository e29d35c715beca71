// The institute's view (DOMAIN.md, «Reporting»): the regional dashboard of every school in a
// region's or institute's subtree, and report periods whose figures are frozen at a reference date.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { downloadFile } from "./participants";
import { unwrap } from "./problem";
import type { Dashboard, DashboardQuery, NewReportPeriod, ReportExport } from "./types";

export const reportingKeys = {
  all: ["reporting"] as const,
  dashboard: (organizationId: number, query: DashboardQuery) => ["reporting", "dashboard", organizationId, query] as const,
  periods: (organizationId: number) => ["reporting", "periods", organizationId] as const,
  period: (id: number) => ["reporting", "period", id] as const,
  export: (id: number) => ["reporting", "period", id, "export"] as const,
};

export function useDashboard(organizationId: number | null, query: DashboardQuery) {
  return useQuery({
    queryKey: reportingKeys.dashboard(organizationId ?? 0, query),
    enabled: organizationId !== null,
    // Keep the table in place while a new sort or filter loads.
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/organizations/{id}/dashboard", {
          params: { path: { id: organizationId! }, query: { ...query, format: "json" } },
        }),
        // With format=json the answer is JSON; the spec also lists the CSV it can be.
      ) as Dashboard,
  });
}

/** The same filters and sort, as CSV. */
export function downloadDashboardCsv(organizationId: number, query: DashboardQuery) {
  const params = new URLSearchParams({ format: "csv" });
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return downloadFile(`/api/v1/organizations/${organizationId}/dashboard?${params}`, `dashboard-${organizationId}.csv`);
}

export function useReportPeriods(organizationId: number | null) {
  return useQuery({
    queryKey: reportingKeys.periods(organizationId ?? 0),
    enabled: organizationId !== null,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/organizations/{id}/report-periods", {
          params: { path: { id: organizationId! }, query: { limit: 500 } },
        }),
      ).items,
  });
}

/** A period with its frozen rows and totals. */
export function usePeriodExport(id: number) {
  return useQuery({
    queryKey: reportingKeys.export(id),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/report-periods/{id}/export", { params: { path: { id }, query: { format: "json" } } })) as ReportExport,
  });
}

export function downloadPeriod(id: number, format: "json" | "csv") {
  return downloadFile(`/api/v1/report-periods/${id}/export?format=${format}`, `report-period-${id}.${format}`);
}

function useInvalidateReporting() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: reportingKeys.all });
}

export function useCreatePeriod(organizationId: number) {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: async (body: NewReportPeriod) =>
      unwrap(await api.POST("/api/v1/organizations/{id}/report-periods", { params: { path: { id: organizationId } }, body })),
    onSuccess: invalidate,
  });
}

export function useRefreshSnapshot(id: number) {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/report-periods/{id}/snapshot", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useClosePeriod(id: number) {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/report-periods/{id}/close", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
