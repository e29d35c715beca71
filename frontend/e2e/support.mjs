// Steps several journeys share. Selectors go by role and visible Russian text, as a user would.
import { chromium } from "playwright-core";

export const DEMO_PASSWORD = "demo-password-2026";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The flags Debian's Chromium needs to run headless as root with no network but loopback.
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Another browser, sharing nothing with the journey's: someone else's phone. Close it when done. */
export function launchFreshBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

export async function logIn(page, baseUrl, email) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.getByRole("heading", { level: 1, name: "Обзор" }).waitFor();
}

export const CURATOR = "curator@demo.nastavnik.ru";
export const PROGRAMME = "Программа наставничества «Ученик – ученик»";

/** The API with a user's token, for a journey's setup: it tests the screens, not the data. */
export class Api {
  constructor(baseUrl, token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  static async logIn(baseUrl, email) {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`setup: login answered ${response.status}`);
    return new Api(baseUrl, (await response.json()).access_token);
  }

  async call(method, path, body, headers = {}) {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`setup: ${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  async all(path) {
    const items = [];
    let cursor = null;
    do {
      const page = await this.call("GET", `${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      items.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    return items;
  }
}

// Unique per run, in Cyrillic letters (a surname takes no digits): 042137 → «аегбвж».
function runSuffix() {
  const digits = String(Date.now() % 1_000_000).padStart(6, "0");
  return [...digits].map((d) => "абвгдежзик"[Number(d)]).join("");
}

const today = () => new Date().toISOString().slice(0, 10);

/** A student of the demo school with a parent's consent, as the bases require. */
async function newStudent(api, schoolId, lastName, grade) {
  const student = await api.call("POST", `/schools/${schoolId}/participants`, {
    kind: "student",
    last_name: lastName,
    first_name: "Тест",
    birth_date: `${new Date().getFullYear() - 7 - grade}-03-01`,
    grade,
    class_letter: "А",
  });
  await api.call("POST", `/participants/${student.id}/consents`, {
    given_by: "parent",
    giver_name: `${lastName}а (родитель)`,
    scope: "processing",
    given_on: today(),
  });
  return student;
}

/**
 * Enrols a new pair of students of the demo school: the older one (10th grade) interviewed, trained
 * and in the base of mentors with one place; the younger one (5th grade) waiting for a pair, with
 * a request the mentor's competency covers.
 */
export async function enrolReadyPair(api, schoolId, programmeId) {
  const suffix = runSuffix();
  const older = await newStudent(api, schoolId, `Наставников${suffix}`, 10);
  const younger = await newStudent(api, schoolId, `Ученикова${suffix}`, 5);
  let mentor = await api.call("POST", `/programs/${programmeId}/mentors`, {
    participant_id: older.id,
    competencies: ["academic_results"],
    capacity: 1,
    application_received_on: today(),
  });
  mentor = await api.call(
    "PATCH",
    `/program-mentors/${mentor.id}`,
    { interview_on: today(), interview_outcome: "passed", training_status: "completed", training_completed_on: today(), status: "in_base" },
    { "If-Match": mentor.etag },
  );
  const mentee = await api.call("POST", `/programs/${programmeId}/mentees`, {
    participant_id: younger.id,
    categories: ["poor_results"],
    mentee_type: "passive",
    request_text: "Подтянуть математику",
    request_tags: ["academic_results"],
    status: "in_base",
  });
  return { mentor, mentee };
}
