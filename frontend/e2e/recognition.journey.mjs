// The curator opens the demo programme's «Награды»: the nominees the record puts forward, compared
// on a chart with their figures. She switches to «Лучшая пара» and awards the first pair not yet
// awarded, straight from the list; the award appears with its code. Its certificate opens as an
// A4 sheet with the school's name, the pair, the code and where to check it; on paper only the
// sheet. Then someone else's browser, no account, opens the verification page from the code: the
// certificate is genuine, of the school, and a child without a publication consent is not named in
// full. A mistyped code is «not found».
//
// The journeys share one server and database: the pair is whichever the record puts first among
// those not yet awarded when the journey runs.
import { join } from "node:path";
import { Api, CURATOR, PROGRAMME, launchFreshBrowser, logIn } from "./support.mjs";

const SCHOOL = "МБОУ СОШ с. Кремово";

async function setUp(baseUrl) {
  const api = await Api.logIn(baseUrl, CURATOR);
  const me = await api.call("GET", "/me");
  const schoolId = me.memberships.find((m) => m.role === "curator").organization_id;
  const programmes = await api.all(`/schools/${schoolId}/programs`);
  const programme = programmes.find((p) => p.title === PROGRAMME) ?? programmes[0];
  if (!programme) throw new Error("setup: the demo school has no programme");
  const nominees = (await api.call("GET", `/programs/${programme.id}/award-nominees?kind=best_pair&limit=10`)).items;
  const nominee = nominees.find((n) => !n.already_awarded && n.name);
  if (!nominee) throw new Error("setup: every nominated pair is already awarded");
  return { programme, nominee };
}

export default async function recognition(page, { baseUrl }) {
  const { programme, nominee } = await setUp(baseUrl);

  // The programme's «Награды».
  await logIn(page, baseUrl, CURATOR);
  await page.getByRole("navigation").getByRole("link", { name: "Программы" }).click();
  await page.getByRole("heading", { level: 1, name: "Программы наставничества" }).waitFor();
  await page.getByRole("link", { name: programme.title }).first().click();
  await page.getByRole("heading", { level: 1, name: programme.title }).waitFor();
  await page.getByRole("tab", { name: "Награды" }).click();
  await page.waitForURL(/tab=awards/);

  // The nominees for Best pair, compared on a chart, each with its figures.
  const nominees = page.getByRole("region", { name: "Кого выдвигает работа программы" });
  await nominees.waitFor();
  await nominees.getByText("Лучшая пара", { exact: true }).click();
  const table = nominees.getByRole("table", { name: "Кого выдвигает работа программы" });
  const row = table.getByRole("row", { name: new RegExp(nominee.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
  await row.waitFor();
  await row.getByText(String(nominee.figures.meetings_held), { exact: true }).first().waitFor();
  await nominees.getByRole("figure", { name: "Оценка номинантов" }).locator(".recharts-bar-rectangle").first().waitFor();

  // «Наградить» from the list: the kind and the pair come filled in.
  await nominees.getByRole("button", { name: `Наградить: ${nominee.name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Вручить награду" });
  await dialog.waitFor();
  const kind = await dialog.getByLabel("Вид", { exact: true }).first().inputValue();
  if (kind !== "Лучшая пара") throw new Error(`the award's kind reads «${kind}»`);
  await dialog.getByLabel("Формулировка").fill("За слаженную работу и результат в программе наставничества");
  await dialog.getByLabel("Подпись").fill("Директор О. Н. Смирнова");
  await dialog.getByRole("button", { name: "Наградить", exact: true }).click();
  await dialog.waitFor({ state: "hidden" });

  // The award is on the list with its code; the nominee is marked awarded.
  await row.getByText("★ Уже награждён").waitFor();
  const awards = page.getByRole("table", { name: "Награды программы" });
  const awarded = awards.getByRole("row", { name: new RegExp(nominee.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).last();
  const code = (await awarded.getByText(/^NST-[0-9A-Z]{4}-[0-9A-Z]{4}$/).innerText()).trim();

  // The certificate: an A4 sheet with the school, the pair, the code and where to check it.
  await awarded.getByRole("link", { name: `Сертификат: ${nominee.name}` }).click();
  await page.waitForURL(/\/awards\/\d+\/certificate$/);
  const sheet = page.getByRole("article", { name: "Сертификат" });
  await sheet.getByText(SCHOOL, { exact: true }).waitFor();
  await sheet.getByText(nominee.name, { exact: true }).waitFor();
  await sheet.getByText(`Код: ${code}`).waitFor();
  await sheet.getByText(`Проверить подлинность: ${baseUrl}/verify/${code}`).waitFor();
  await sheet.getByRole("img", { name: `${baseUrl}/verify/${code}` }).waitFor();
  const width = await sheet.evaluate((el) => el.getBoundingClientRect().width);
  if (width < 700 || width > 820) throw new Error(`the sheet is ${width}px wide, not A4's 210 mm`);
  await page.emulateMedia({ media: "print" });
  if (await page.getByRole("button", { name: "Печать" }).isVisible()) throw new Error("the print button is on paper");
  if (await page.getByRole("banner").isVisible()) throw new Error("the shell's header is on paper");
  await page.screenshot({ path: join(import.meta.dirname, "../test-results/recognition-certificate-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // Someone else's browser, no account: the public check of the code.
  const browser = await launchFreshBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "ru-RU", isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    phone.setDefaultTimeout(10_000);
    await phone.goto(`${baseUrl}/verify/${code.toLowerCase()}`);
    await phone.getByRole("heading", { level: 1, name: "Проверка сертификата" }).waitFor();
    await phone.getByText("Сертификат подлинный").waitFor();
    await phone.getByRole("cell", { name: SCHOOL }).waitFor();
    await phone.getByRole("cell", { name: "Лучшая пара", exact: true }).waitFor();
    const publicView = await (await fetch(`${baseUrl}/api/v1/public/certificates/${code}`)).json();
    const content = await phone.content();
    if (publicView.holder_shown !== "full" && content.includes(nominee.name)) throw new Error("the public page names a child in full");
    if (publicView.holder_shown === "initials") await phone.getByText(/показано инициалами/).waitFor();
    await phone.screenshot({ path: join(import.meta.dirname, "../test-results/recognition-verify.png"), fullPage: true });

    // A mistyped code.
    await phone.getByLabel("Код сертификата").fill("NST-0000-0000");
    await phone.getByRole("button", { name: "Проверить" }).click();
    await phone.getByText("Сертификата с кодом NST-0000-0000 нет", { exact: false }).waitFor();
  } finally {
    await browser.close();
  }
  console.log(`     best pair «${nominee.name}» awarded from the nominees, certificate ${code} verified in public`);
}
