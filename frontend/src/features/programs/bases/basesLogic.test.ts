import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../../api/problem";
import type { Mentor, RequestMapRow } from "../../../api/types";
import { canMoveMentee, categoryGroups, isConsentRequired, menteeStatusOptions, mentorStatusOptions } from "./enrolmentStatus";
import { mentorFormValues, mentorPatch, wouldBeReady } from "./mentorForm";
import { requestMapBars, totalShortage } from "./requestMap";

describe("mentee statuses", () => {
  it("offers the current status first, then the moves the service allows", () => {
    expect(menteeStatusOptions("candidate")).toEqual(["candidate", "in_base", "withdrawn"]);
    expect(menteeStatusOptions("in_base")).toEqual(["in_base", "matched", "awaiting_support", "withdrawn"]);
    expect(menteeStatusOptions("matched")).toEqual(["matched", "awaiting_support", "completed", "withdrawn"]);
    expect(menteeStatusOptions("awaiting_support")).toEqual(["awaiting_support", "matched", "withdrawn"]);
    expect(menteeStatusOptions("completed")).toEqual(["completed"]);
    expect(menteeStatusOptions("withdrawn")).toEqual(["withdrawn", "candidate"]);
  });

  it("does not skip the base or complete without a pair", () => {
    expect(canMoveMentee("candidate", "matched")).toBe(false);
    expect(canMoveMentee("in_base", "completed")).toBe(false);
    expect(canMoveMentee("awaiting_support", "completed")).toBe(false);
    expect(canMoveMentee("completed", "withdrawn")).toBe(false);
    expect(canMoveMentee("withdrawn", "in_base")).toBe(false);
  });
});

describe("mentor statuses", () => {
  it("lets a mentor into the base only after a passed interview", () => {
    expect(mentorStatusOptions({ status: "candidate", interview_outcome: null })).toEqual(["candidate", "withdrawn"]);
    expect(mentorStatusOptions({ status: "candidate", interview_outcome: "failed" })).toEqual(["candidate", "withdrawn"]);
    expect(mentorStatusOptions({ status: "candidate", interview_outcome: "passed" })).toEqual(["candidate", "in_base", "withdrawn"]);
  });

  it("is ready once interviewed and trained", () => {
    expect(wouldBeReady({ interview_outcome: "passed", training_status: "completed" })).toBe(true);
    expect(wouldBeReady({ interview_outcome: "passed", training_status: "in_progress" })).toBe(false);
  });

  it("round-trips the selection record and clears the training date unless trained", () => {
    const mentor = {
      id: 1, program_id: 1, participant_id: 2, source: "teacher", contour: "internal", competencies: ["olympiads"],
      capacity: 2, places_taken: 0, training_status: "in_progress", training_completed_on: "2026-10-01", status: "candidate", ready: false,
      etag: "x", created_at: "", updated_at: "", application_received_on: "2026-09-10", interview_on: null,
      interview_outcome: null, interview_notes: null, achievements: null, grade: null, name: "Петров Пётр",
    } satisfies Mentor;
    const patch = mentorPatch(mentorFormValues(mentor));
    expect(patch).toMatchObject({
      application_received_on: "2026-09-10", interview_on: null, interview_outcome: "pending",
      training_status: "in_progress", training_completed_on: null, capacity: 2, competencies: ["olympiads"],
    });
  });
});

describe("enrolment refusals and categories", () => {
  it("recognises the missing consent", () => {
    expect(isConsentRequired(new ApiProblem(409, { code: "consent_required" }))).toBe(true);
    expect(isConsentRequired(new ApiProblem(409, { code: "already_enrolled" }))).toBe(false);
    expect(isConsentRequired(new Error("x"))).toBe(false);
  });

  it("offers the sensitive categories only to those who see them", () => {
    expect(categoryGroups(false).students).not.toContain("disability");
    expect(categoryGroups(true).students).toContain("behaviour_problems");
    expect(categoryGroups(false).teachers).toContain("burnout");
  });
});

describe("request map", () => {
  const row = (tag: string, mentees: number, capacity: number): RequestMapRow => ({
    tag, label: tag, mentees, capacity, gap: mentees - capacity, mentors: [],
  });

  it("draws the shortage only where demand exceeds supply", () => {
    const rows = [row("exam_preparation", 5, 2), row("sport", 1, 3)];
    expect(requestMapBars(rows)).toEqual([
      { label: "exam_preparation", mentees: 5, capacity: 2, shortage: 3 },
      { label: "sport", mentees: 1, capacity: 3, shortage: 0 },
    ]);
    expect(totalShortage(rows)).toBe(3);
  });
});
