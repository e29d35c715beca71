import { describe, expect, it } from "vitest";
import { IMPORT_CONTENT_TYPES, importFormatOf, shouldPoll } from "../../api/imports";
import type { Participant } from "../../api/types";
import { actorLabel } from "./auditLabels";
import { badRowCount, jobPercent, newIdempotencyKey, rowsFromProblem, sortErrors } from "./import/importLogic";
import { classOf, emptyParticipantForm, lacksConsent, newParticipantBody, participantFormValues, participantName } from "./participantForm";
import i18n from "../../app/i18n";

const person: Participant = {
  id: 5, school_id: 3, kind: "student", last_name: "Соколов", first_name: "Максим", middle_name: null,
  birth_date: "2013-04-12", birth_year: 2013, grade: 7, class_letter: "Б", email: null, phone: null,
  external_id: "KR-1", notes: null, is_minor: true, has_processing_consent: false, erased: false,
  sensitive: { disability: true }, user_id: null, created_at: "", updated_at: "",
};

describe("participant form", () => {
  it("turns blanks into null and the grade into a number", () => {
    const body = newParticipantBody({ ...emptyParticipantForm(), last_name: " Иванов ", first_name: "Иван", grade: "5" }, false);
    expect(body).toMatchObject({ last_name: "Иванов", grade: 5, birth_date: null, class_letter: null, email: null });
    expect(body).not.toHaveProperty("sensitive");
  });

  it("sends sensitive facts only from those who may set them, every flag explicit", () => {
    const values = participantFormValues(person);
    expect(newParticipantBody(values, true).sensitive).toEqual({
      disability: true, difficult_life_situation: false, behaviour_problems: false, on_register: false,
    });
  });

  it("names, classes and flags minors without consent", () => {
    expect(participantName(person)).toBe("Соколов Максим");
    expect(participantName({ last_name: null, first_name: null, middle_name: null })).toBeNull();
    expect(classOf(person)).toBe("7 Б");
    expect(classOf({ grade: null, class_letter: "А" })).toBeNull();
    expect(lacksConsent(person)).toBe(true);
    expect(lacksConsent({ ...person, has_processing_consent: true })).toBe(false);
    expect(lacksConsent({ ...person, erased: true })).toBe(false);
    expect(lacksConsent({ ...person, is_minor: false })).toBe(false);
  });
});

describe("audit actors", () => {
  const t = i18n.getFixedT("ru");
  it("names known users and labels tokens", () => {
    const names = new Map([[6, "Иванова Анна Петровна"]]);
    expect(actorLabel("user:6", names, t)).toBe("Иванова Анна Петровна");
    expect(actorLabel("user:9", names, t)).toBe("Пользователь №9");
    expect(actorLabel("api_token:2", names, t)).toBe("API-токен №2");
    expect(actorLabel("system", names, t)).toBe("system");
  });
});

describe("import errors", () => {
  it("reads rows and columns out of a 422's field names", () => {
    expect(
      rowsFromProblem([
        { field: "row 3: grade", message: "must be between 1 and 11" },
        { field: "row 12", message: "duplicate external id" },
        { field: "body", message: "empty file" },
      ]),
    ).toEqual([
      { row: 3, column: "grade", message: "must be between 1 and 11" },
      { row: 12, column: "", message: "duplicate external id" },
      { row: 0, column: "body", message: "empty file" },
    ]);
  });

  it("sorts by row then column and counts bad rows once", () => {
    const errors = [
      { row: 4, column: "Класс", message: "a" },
      { row: 2, column: "Имя", message: "b" },
      { row: 4, column: "Дата рождения", message: "c" },
    ];
    expect(sortErrors(errors).map((e) => `${e.row}:${e.column}`)).toEqual(["2:Имя", "4:Дата рождения", "4:Класс"]);
    expect(badRowCount(errors)).toBe(2);
  });
});

describe("import files and jobs", () => {
  it("knows the format by extension and sends its content type", () => {
    expect(importFormatOf("ученики.CSV")).toBe("csv");
    expect(importFormatOf("book.xlsx")).toBe("xlsx");
    expect(importFormatOf("rows.ndjson")).toBe("ndjson");
    expect(importFormatOf("photo.png")).toBeNull();
    expect(IMPORT_CONTENT_TYPES.xlsx).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });

  it("shows progress within 0–100 and polls only while running", () => {
    expect(jobPercent(undefined)).toBe(0);
    expect(jobPercent({ status: "running", processed: 0, total: 0 })).toBe(0);
    expect(jobPercent({ status: "running", processed: 1, total: 3 })).toBe(33);
    expect(jobPercent({ status: "succeeded", processed: 2, total: 3 })).toBe(100);
    expect(shouldPoll(undefined, false)).toBe(true);
    expect(shouldPoll({ status: "running" }, false)).toBe(true);
    expect(shouldPoll({ status: "succeeded" }, false)).toBe(false);
    expect(shouldPoll({ status: "failed" }, false)).toBe(false);
    expect(shouldPoll({ status: "running" }, true)).toBe(false);
  });

  it("makes a fresh UUID per attempt", () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
