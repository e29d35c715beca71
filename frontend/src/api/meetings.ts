// Stage 6: a pair's meetings in the model's sequence, the programme's calendar and alerts, the
// school's limits, my own pairs and meetings as a mentor or mentee, and my calendar addresses.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { pairsKeys } from "./pairs";
import { ApiProblem, unwrap } from "./problem";
import { programKeys } from "./programs";
import type { Meeting, MeetingPatch, MeetingSettingsInput, NewMeeting, Pair } from "./types";

export const meetingKeys = {
  all: ["meetings"] as const,
  pair: (pairId: number) => ["meetings", "pair", pairId] as const,
  mine: (from: string, to: string) => ["meetings", "mine", from, to] as const,
  myPairs: ["meetings", "my-pairs"] as const,
  /** Under the programme, so that a change to its pairs refreshes the calendar and the alerts. */
  program: (programId: number, from: string, to: string) => [...programKeys.one(programId), "meetings", from, to] as const,
  alerts: (programId: number) => [...programKeys.one(programId), "alerts"] as const,
  settings: (schoolId: number) => ["meeting-settings", schoolId] as const,
  feeds: ["calendar-feeds"] as const,
};

const ifMatch = (etag: string | null | undefined) => (etag ? { "If-Match": etag } : {});

/** A pair's meetings in time order. */
export function usePairMeetings(pairId: number) {
  return useQuery({
    queryKey: meetingKeys.pair(pairId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/pairs/{id}/meetings", { params: { path: { id: pairId } } })).items,
  });
}

/** The programme's meetings between two instants (ISO, UTC), for the calendar. */
export function useProgramMeetings(programId: number, from: string, to: string) {
  return useQuery({
    queryKey: meetingKeys.program(programId, from, to),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/programs/{id}/meetings", { params: { path: { id: programId }, query: { from, to } } }),
      ).items,
  });
}

/** My meetings as a mentor or mentee between two instants. */
export function useMyMeetings(from: string, to: string) {
  return useQuery({
    queryKey: meetingKeys.mine(from, to),
    queryFn: async () => unwrap(await api.GET("/api/v1/me/meetings", { params: { query: { from, to } } })).items,
  });
}

/** The pairs and groups I sit in as a mentor or a mentee. */
export function useMyPairs(enabled = true) {
  return useQuery({
    queryKey: meetingKeys.myPairs,
    enabled,
    queryFn: async () => unwrap(await api.GET("/api/v1/me/pairs")).items,
  });
}

/** The pair's development plan, for its tasks (the same cache as the plan page); staff only. */
export function usePairPlan(pairId: number, enabled: boolean) {
  return useQuery({
    queryKey: pairsKeys.plan(pairId),
    enabled,
    queryFn: async () => unwrap(await api.GET("/api/v1/pairs/{id}/plan", { params: { path: { id: pairId } } })),
  });
}

export function useAlerts(programId: number, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.alerts(programId),
    enabled,
    queryFn: async () => unwrap(await api.GET("/api/v1/programs/{id}/alerts", { params: { path: { id: programId } } })),
  });
}

/**
 * A meeting's change moves the pair (the introduction starts its work), the programme's
 * calendar and alerts, and my own lists.
 */
function useInvalidateMeetings() {
  const queryClient = useQueryClient();
  return (pair: Pick<Pair, "program_id">) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
      queryClient.invalidateQueries({ queryKey: programKeys.one(pair.program_id) }),
      queryClient.invalidateQueries({ queryKey: pairsKeys.pairs }),
    ]);
}

/** Schedules a meeting, or logs one that took place (`status: "held"`). */
export function useCreateMeeting(pair: Pick<Pair, "id" | "program_id">) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: async (body: NewMeeting) =>
      unwrap(await api.POST("/api/v1/pairs/{id}/meetings", { params: { path: { id: pair.id } }, body })),
    onSuccess: () => invalidate(pair),
  });
}

/** Moves, holds, cancels a meeting or leaves feedback, sending back the ETag it was read with. */
export function useUpdateMeeting(pair: Pick<Pair, "program_id">) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: async ({ meeting, patch }: { meeting: Meeting; patch: MeetingPatch }) =>
      unwrap(
        await api.PATCH("/api/v1/meetings/{id}", {
          params: { path: { id: meeting.id }, header: ifMatch(meeting.etag) },
          body: patch,
        }),
      ),
    // A 412 means someone else changed the meeting: reload so the card shows what is true now.
    onSettled: () => invalidate(pair),
  });
}

export function useDeleteMeeting(pair: Pick<Pair, "program_id">) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: async (meeting: Meeting) => {
      const result = await api.DELETE("/api/v1/meetings/{id}", { params: { path: { id: meeting.id } } });
      if (!result.response.ok) throw new ApiProblem(result.response.status, result.error);
    },
    onSettled: () => invalidate(pair),
  });
}

export function useMeetingSettings(schoolId: number) {
  return useQuery({
    queryKey: meetingKeys.settings(schoolId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/schools/{id}/meeting-settings", { params: { path: { id: schoolId } } })),
  });
}

/** The school's limits; every programme's alerts of the school are computed with them. */
export function useSaveMeetingSettings(schoolId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ settings, etag }: { settings: MeetingSettingsInput; etag: string }) =>
      unwrap(
        await api.PUT("/api/v1/schools/{id}/meeting-settings", {
          params: { path: { id: schoolId }, header: ifMatch(etag) },
          body: settings,
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(meetingKeys.settings(schoolId), saved),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.settings(schoolId) }),
        // Alerts live under each programme; the school's programmes are not known here.
        queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[0] === programKeys.all[0] && query.queryKey.includes("alerts"),
        }),
      ]),
  });
}

export function useCalendarFeeds() {
  return useQuery({
    queryKey: meetingKeys.feeds,
    queryFn: async () => unwrap(await api.GET("/api/v1/me/calendar-feeds")).items,
  });
}

/** A new private address: its `url` comes back this once. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/v1/me/calendar-feeds")),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.feeds }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (feedId: number) => {
      const result = await api.DELETE("/api/v1/me/calendar-feeds/{id}", { params: { path: { id: feedId } } });
      if (!result.response.ok) throw new ApiProblem(result.response.status, result.error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.feeds }),
  });
}

/** Fetches my calendar with the bearer token (a plain link would go unsigned) and saves it. */
export async function downloadMyCalendar(fileName: string) {
  const result = await api.GET("/api/v1/me/calendar.ics", { parseAs: "blob" });
  if (!result.response.ok) throw new ApiProblem(result.response.status, result.error);
  const url = URL.createObjectURL(result.data as Blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
