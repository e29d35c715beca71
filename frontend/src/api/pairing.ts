// The two programme bases (mentees, mentors), the request map and the school's request tags.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { unwrap } from "./problem";
import { programKeys } from "./programs";
import type { Mentee, MenteePatch, Mentor, MentorPatch, NewMentee, NewMentor } from "./types";

export const pairingKeys = {
  mentees: (programId: number) => [...programKeys.one(programId), "mentees"] as const,
  mentors: (programId: number) => [...programKeys.one(programId), "mentors"] as const,
  requestMap: (programId: number) => [...programKeys.one(programId), "request-map"] as const,
  tags: (schoolId: number) => ["request-tags", schoolId] as const,
};

/** Every page of a cursor-paged list, following `next_cursor` to the end. */
export async function allPages<T>(load: (cursor?: string) => Promise<{ items: T[]; next_cursor?: string | null }>) {
  const first = await load();
  const items = [...first.items];
  for (let cursor = first.next_cursor; cursor; ) {
    const page = await load(cursor);
    items.push(...page.items);
    cursor = page.next_cursor;
  }
  return items;
}

/** A programme's base of mentees, every page: a school's base is a few hundred at most. */
export function useMentees(programId: number) {
  return useQuery({
    queryKey: pairingKeys.mentees(programId),
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(await api.GET("/api/v1/programs/{id}/mentees", { params: { path: { id: programId }, query: { limit: 500, cursor } } })),
      ),
  });
}

export function useMentors(programId: number) {
  return useQuery({
    queryKey: pairingKeys.mentors(programId),
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(await api.GET("/api/v1/programs/{id}/mentors", { params: { path: { id: programId }, query: { limit: 500, cursor } } })),
      ),
  });
}

export function useRequestMap(programId: number) {
  return useQuery({
    queryKey: pairingKeys.requestMap(programId),
    queryFn: async () => unwrap(await api.GET("/api/v1/programs/{id}/request-map", { params: { path: { id: programId } } })),
  });
}

export function useRequestTags(schoolId: number) {
  return useQuery({
    queryKey: pairingKeys.tags(schoolId),
    staleTime: 60_000,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/schools/{school_id}/request-tags", { params: { path: { school_id: schoolId } } })).items,
  });
}

/** Any change to a base moves the request map; the roadmap's gates read the bases too. */
function useInvalidateProgram(programId: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: programKeys.one(programId) });
}

export function useEnrolMentee(programId: number) {
  const invalidate = useInvalidateProgram(programId);
  return useMutation({
    mutationFn: async (body: NewMentee) =>
      unwrap(await api.POST("/api/v1/programs/{id}/mentees", { params: { path: { id: programId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateMentee(programId: number) {
  const invalidate = useInvalidateProgram(programId);
  return useMutation({
    mutationFn: async ({ mentee, patch }: { mentee: Mentee; patch: MenteePatch }) =>
      unwrap(
        await api.PATCH("/api/v1/program-mentees/{id}", {
          params: { path: { id: mentee.id }, header: { "If-Match": mentee.etag } },
          body: patch,
        }),
      ),
    onSettled: invalidate,
  });
}

export function useEnrolMentor(programId: number) {
  const invalidate = useInvalidateProgram(programId);
  return useMutation({
    mutationFn: async (body: NewMentor) =>
      unwrap(await api.POST("/api/v1/programs/{id}/mentors", { params: { path: { id: programId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateMentor(programId: number) {
  const invalidate = useInvalidateProgram(programId);
  return useMutation({
    mutationFn: async ({ mentor, patch }: { mentor: Mentor; patch: MentorPatch }) =>
      unwrap(
        await api.PATCH("/api/v1/program-mentors/{id}", {
          params: { path: { id: mentor.id }, header: { "If-Match": mentor.etag } },
          body: patch,
        }),
      ),
    onSettled: invalidate,
  });
}
