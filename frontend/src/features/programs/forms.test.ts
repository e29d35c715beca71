import { describe, expect, it } from "vitest";
import { activityPatch, newActivityBody, newActivityForm } from "./roadmap/activityForm";
import { mediaPatch, newMediaForm, publishedUrlError } from "./media/mediaForm";

describe("activity form", () => {
  it("sends the role and clears the person when a role answers", () => {
    const body = newActivityBody({ ...newActivityForm("2026-12-01"), title: " Анкетирование ", responsible_user_id: "9" });
    expect(body).toMatchObject({ title: "Анкетирование", responsible_role: "curator", responsible_user_id: null, content: "" });
  });

  it("sends the person and clears the role on reassignment to a person", () => {
    const patch = activityPatch({
      ...newActivityForm("2026-12-01"),
      title: "Приказ",
      responsible_kind: "user",
      responsible_user_id: "9",
      evidence_order_number: " 12-о ",
      evidence_order_date: "2026-09-02",
    });
    expect(patch).toMatchObject({ responsible_role: null, responsible_user_id: 9, evidence_order_number: "12-о" });
    expect(patch).toMatchObject({ evidence_link: null, result_note: null, evidence_order_date: "2026-09-02" });
  });
});

describe("media plan form", () => {
  it("asks for the link only when the item is marked published", () => {
    expect(publishedUrlError({ status: "published", published_url: "  " })).toBe(true);
    expect(publishedUrlError({ status: "published", published_url: "https://school.ru/news/1" })).toBe(false);
    expect(publishedUrlError({ status: "planned", published_url: "" })).toBe(false);
  });

  it("sends the stage as a number and blanks as null", () => {
    const patch = mediaPatch({ ...newMediaForm("2026-12-01"), stage_no: "3", event: "Круглый стол", status: "in_progress" });
    expect(patch).toMatchObject({ stage_no: 3, event: "Круглый стол", channel: null, status: "in_progress", published_url: null });
  });
});
