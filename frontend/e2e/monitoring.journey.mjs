// The curator opens the demo programme's «Мониторинг», launches the entry survey of the standard
// impact instrument for mentees, open from yesterday for two weeks, issues a one-time link for one
// mentee and sees the printable sheet with its QR code. The link then opens in another browser on
// a phone, with no account: the questions one a screen, «Вопрос 1 из 5»; the answers are saved as
// they go (a reload picks up at the next question), and «Отправить» sends them; the link cannot
// answer twice. Back at the curator's, the survey shows 1 of 1 submitted, 100 %.
//
// The journeys share one server and database: the survey is the journey's own (found by the id
// its page opens with), and the mentee one whose name no one else in the base shares.
import { join } from "node:path";
import { Api, CURATOR, PROGRAMME, launchFreshBrowser, logIn } from "./support.mjs";

const TEMPLATE_CODE = "impact_mentee";
const TEMPLATE_TITLE = "Мониторинг влияния программы: наставляемый";

async function setUp(baseUrl) {
  const api = await Api.logIn(baseUrl, CURATOR);
  const me = await api.call("GET", "/me");
  const schoolId = me.memberships.find((m) => m.role === "curator").organization_id;
  const programmes = await api.all(`/schools/${schoolId}/programs`);
  const programme = programmes.find((p) => p.title === PROGRAMME) ?? programmes[0];
  if (!programme) throw new Error("setup: the demo school has no programme");
  const mentees = await api.all(`/programs/${programme.id}/mentees`);
  const named = new Map();
  for (const m of mentees) if (m.name) named.set(m.name, (named.get(m.name) ?? 0) + 1);
  const mentee = mentees.find((m) => m.name && m.status !== "withdrawn" && named.get(m.name) === 1);
  if (!mentee) throw new Error("setup: the demo programme has no mentee with a name of their own");
  const templates = (await api.call("GET", `/organizations/${schoolId}/survey-templates`)).items;
  const template = templates
    .filter((t) => t.organization_id == null && t.code === TEMPLATE_CODE)
    .sort((a, b) => b.version - a.version)[0];
  if (!template?.title.startsWith(TEMPLATE_TITLE)) throw new Error(`setup: no standard template ${TEMPLATE_CODE}`);
  return { programme, mentee, template };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "YYYY-MM-DD" some days from today. */
function day(offset) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

async function noOverflow(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`${what} is ${overflow}px wider than a phone screen`);
}

/** Answers the question on screen (a scale: the top step but one) and moves on; returns «n of total». */
async function answerOne(phone) {
  const position = await phone.getByText(/^Вопрос \d+ из \d+$/).innerText();
  const [, n, total] = /(\d+) из (\d+)/.exec(position).map(Number);
  const scale = phone.getByRole("radiogroup");
  const steps = scale.getByRole("radio");
  const count = await steps.count();
  if (count < 2) throw new Error(`question ${n}: expected a scale, saw ${count} choices`);
  await steps.nth(count - 2).click();
  if ((await steps.nth(count - 2).getAttribute("aria-checked")) !== "true") throw new Error(`question ${n}: the choice did not stick`);
  return { n, total };
}

export default async function monitoring(page, { baseUrl }) {
  const { programme, mentee, template } = await setUp(baseUrl);

  // The curator opens the programme's «Мониторинг».
  await logIn(page, baseUrl, CURATOR);
  await page.getByRole("navigation").getByRole("link", { name: "Программы" }).click();
  await page.getByRole("heading", { level: 1, name: "Программы наставничества" }).waitFor();
  await page.getByRole("link", { name: programme.title }).first().click();
  await page.getByRole("heading", { level: 1, name: programme.title }).waitFor();
  await page.getByRole("tab", { name: "Мониторинг" }).click();
  await page.waitForURL(/tab=monitoring/);

  // «Запустить анкету»: the standard impact instrument for mentees; its phases are entry, exit, interim.
  await page.getByRole("button", { name: "Запустить анкету" }).click();
  const dialog = page.getByRole("dialog", { name: "Запустить анкету" });
  await dialog.waitFor();
  await dialog.getByLabel("Шаблон анкеты").selectOption({ label: `${template.title} — версия ${template.version}` });
  const phases = await dialog.getByLabel("Этап мониторинга").locator("option").allInnerTexts();
  if (phases.some((p) => p.startsWith("Качество")) || !phases.some((p) => p.startsWith("Вход"))) {
    throw new Error(`an impact instrument offers the phases ${phases.join(", ")}`);
  }
  await dialog.getByLabel("Этап мониторинга").selectOption({ label: "Вход — до начала работы в программе" });
  await dialog.getByLabel(/^Открыта с/).fill(day(-1));
  await dialog.getByLabel(/^Открыта по/).fill(day(13));
  await dialog.getByRole("button", { name: "Запустить", exact: true }).click();

  // The survey's page opens: no links yet.
  await page.waitForURL(/\/surveys\/\d+$/);
  const surveyId = Number(/\/surveys\/(\d+)$/.exec(page.url())[1]);
  await page.getByRole("heading", { level: 1, name: template.title }).waitFor();
  await page.getByText("идёт", { exact: true }).first().waitFor();
  await page.getByText("Ссылки ещё не выданы").waitFor();

  // A link for one mentee, found in the base.
  await page.getByLabel("Найти в базе").fill(mentee.name);
  await page.getByRole("checkbox", { name: new RegExp(`^${escape(mentee.name)}`) }).check();
  await page.getByText("Выбран 1 человек").waitFor();
  await page.getByRole("button", { name: "Выдать 1 ссылку" }).click();

  // The sheet: one card with the name, the QR code and the link; only the sheet goes to paper.
  await page.getByText("Выдана 1 ссылка").waitFor();
  const card = page.getByRole("list", { name: "Лист 1 из 1" }).getByRole("listitem", { name: mentee.name });
  await card.getByRole("img", { name: `QR-код ссылки: ${mentee.name}` }).waitFor();
  const link = await card.getByTestId("invitation-link").getAttribute("data-url");
  if (!link || !/\/answer\/[^/]+$/.test(link)) throw new Error(`the card holds no answer link: ${link}`);
  const shown = await card.getByTestId("invitation-link").innerText();
  if (!link.endsWith(shown.replace(/\s/g, ""))) throw new Error(`the card shows «${shown}» for ${link}`);
  await page.getByRole("button", { name: "Печать" }).waitFor();
  await page.emulateMedia({ media: "print" });
  if (await page.getByRole("button", { name: "Печать" }).isVisible()) throw new Error("the print button is on paper");
  if (await page.getByRole("banner").isVisible()) throw new Error("the shell's header is on paper");
  if (!(await card.isVisible())) throw new Error("the card is not on paper");
  await page.screenshot({ path: join(import.meta.dirname, "../test-results/monitoring-sheet-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("button", { name: "Готово" }).click();
  const row = page.getByRole("table", { name: "Выданные ссылки" }).getByRole("row", { name: new RegExp(escape(mentee.name)) });
  await row.getByText("не начата").waitFor();

  // Someone else's phone: no account, the link alone.
  const browser = await launchFreshBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "ru-RU", isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    phone.setDefaultTimeout(10_000);
    await phone.goto(link);
    await phone.getByRole("heading", { level: 1, name: template.title }).waitFor();
    await phone.getByText(/^Вопрос 1 из \d+$/).waitFor();
    await noOverflow(phone, "the answer page");
    if ((await phone.content()).includes(mentee.name)) throw new Error("the answer page shows the person's name");

    // Two answers, then the page is opened again: it picks up at the third question.
    for (let i = 0; i < 2; i += 1) {
      await answerOne(phone);
      await phone.getByRole("button", { name: "Далее" }).click();
    }
    await phone.getByText("Ответ сохранён").waitFor();
    await phone.reload();
    await phone.getByText(/^Вопрос 3 из \d+$/).waitFor();
    await phone.getByRole("button", { name: "Назад" }).click();
    await phone.getByText(/^Вопрос 2 из \d+$/).waitFor();
    const kept = phone.getByRole("radiogroup").locator('[aria-checked="true"]');
    if ((await kept.count()) !== 1) throw new Error("the saved answer to question 2 did not come back");
    await phone.getByRole("button", { name: "Далее" }).click();

    // The rest, and «Отправить» on the last.
    for (;;) {
      const { n, total } = await answerOne(phone);
      if (n === total) break;
      await phone.getByRole("button", { name: "Далее" }).click();
    }
    await phone.getByRole("button", { name: "Отправить" }).click();
    await phone.getByRole("heading", { name: "Спасибо! Ответы отправлены" }).waitFor();
    await noOverflow(phone, "the thank-you page");
    await phone.screenshot({ path: join(import.meta.dirname, "../test-results/monitoring-phone.png"), fullPage: true });

    // The link answers once.
    await phone.goto(link);
    await phone.getByRole("heading", { name: "Вы уже ответили, спасибо" }).waitFor();
    // A link that never was.
    await phone.goto(`${baseUrl}/answer/nsrv_not-a-real-link`);
    await phone.getByRole("heading", { name: "Ссылка недействительна" }).waitFor();
  } finally {
    await browser.close();
  }

  // Back at the curator's: the invitation is submitted and the rate reads 1 of 1, 100 %.
  await row.getByText("отправлена").waitFor({ timeout: 20_000 });
  await page.getByRole("link", { name: /^← К программе/ }).click();
  await page.waitForURL(/tab=monitoring/);
  const item = page.locator(`li[data-survey-id="${surveyId}"]`);
  await item.getByText("Отправили 1 из 1").waitFor({ timeout: 20_000 });
  await item.getByText(/^100\s%$/).waitFor();
  const bar = await item.getByRole("progressbar").getAttribute("aria-valuenow");
  if (bar !== "100") throw new Error(`the rate's bar stands at ${bar}`);
  console.log(`     survey ${surveyId} (${template.code} v${template.version}, entry): one link for ${mentee.name}, answered on a phone, 1 of 1 submitted`);
}
