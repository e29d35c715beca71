// A school's own site (another origin, with CSS of its own) embeds the widget with one script tag:
// the school's page shows its goal, contact and figures, the host's CSS stays out, the version for
// the visually impaired switches on and survives a reload, and the basics of accessibility hold
// (lang, headings, lists, named controls, contrast, visible focus). The iframe page renders too.
// Then the curator opens the programme's «Сайт школы» tab: the code to paste and a live preview.
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api, CURATOR, PROGRAMME, logIn } from "./support.mjs";

const SLUG = "mbou-sosh-s-kremovo";
const TITLE = "Информация о реализации целевой модели наставничества";
const TOGGLE = "Версия для слабовидящих";

// Hostile on purpose: a school CMS theme that styles everything it can reach.
const hostPage = (baseUrl) => `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>МБОУ СОШ с. Кремово — Наставничество</title>
<style>
  * { color: #ff0000 !important; font-family: serif !important; }
  h2, h3 { display: none !important; }
  button { visibility: hidden !important; }
</style>
</head>
<body>
<h1>Наставничество</h1>
<script src="${baseUrl}/widget/nastavnik.js" data-school="${SLUG}"></script>
<h2 id="iframe-heading">Для сайтов, где можно только iframe</h2>
<iframe src="${baseUrl}/widget/school/${SLUG}" title="Наставничество в школе" width="600" height="400"></iframe>
</body>
</html>`;

/** The school's site: a static server on another port, that is, another origin. */
async function serveSchoolSite(baseUrl) {
  const dir = mkdtempSync(join(tmpdir(), "nastavnik-school-site-"));
  writeFileSync(join(dir, "index.html"), hostPage(baseUrl));
  const server = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(readFileSync(join(dir, "index.html")));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const close = () =>
    new Promise((resolve) => {
      // The browser keeps its connections alive; close() alone would wait for them.
      server.closeAllConnections();
      server.close(() => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      });
    });
  return { url, close };
}

/** WCAG relative luminance contrast of two computed CSS colours. */
function contrastCheck() {
  const parse = (c) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const host = document.querySelector("[data-nastavnik-widget]");
  const root = host.shadowRoot;
  const wrap = root.querySelector(".nw");
  const background = parse(getComputedStyle(wrap).backgroundColor);
  const worst = [];
  for (const el of root.querySelectorAll(".nw p, .nw li, .nw dt, .nw dd, .nw a, .nw h1, .nw h2, .nw h3, .nw time, .nw span")) {
    if (!el.textContent.trim() || el.closest("button")) continue;
    const fg = parse(getComputedStyle(el).color);
    const [l1, l2] = [lum(fg), lum(background)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    if (ratio < 4.5) worst.push(`${el.tagName} «${el.textContent.slice(0, 30)}» ${ratio.toFixed(2)}`);
  }
  return worst;
}

export default async function widget(page, { baseUrl }) {
  const site = await serveSchoolSite(baseUrl);
  try {
    await page.goto(site.url);
    const widgetRoot = page.locator(`[data-nastavnik-widget="${SLUG}"]`);
    // Playwright's role locators pierce the open shadow root, as assistive technology does.
    const title = widgetRoot.getByRole("heading", { level: 2, name: TITLE });
    await title.waitFor();
    await widgetRoot.getByText("Максимально полное раскрытие потенциала личности наставляемого", { exact: false }).waitFor();
    await widgetRoot.getByText("Иванова Анна Петровна, куратор").waitFor();
    await widgetRoot.getByRole("link", { name: "curator@demo.nastavnik.ru" }).waitFor();
    const progress = widgetRoot.getByRole("progressbar", { name: "Выполнение дорожной карты" });
    const percent = Number(await progress.getAttribute("aria-valuenow"));
    if (!(percent > 0 && percent < 100)) throw new Error(`roadmap progress ${percent}% is not the demo's`);
    const mentors = await widgetRoot.locator("dt", { hasText: /^Наставники$/ }).locator("xpath=following-sibling::dd[1]").innerText();
    if (!/^\d+$|^менее 5$/.test(mentors)) throw new Error(`mentors read «${mentors}»`);
    await widgetRoot.getByRole("list").filter({ hasText: "ученик – ученик" }).waitFor();

    // The host's CSS did not get in.
    const leaked = await title.evaluate((h) => {
      const s = getComputedStyle(h);
      return { color: s.color, display: s.display, font: s.fontFamily };
    });
    if (leaked.color === "rgb(255, 0, 0)" || leaked.display === "none" || /^serif$/.test(leaked.font)) {
      throw new Error(`the school site's CSS reached the widget: ${JSON.stringify(leaked)}`);
    }

    // Accessibility basics (no axe in package.json): language, heading order, named controls,
    // a visible keyboard focus, and text contrast of at least 4.5:1.
    const structure = await page.evaluate(() => {
      const root = document.querySelector("[data-nastavnik-widget]").shadowRoot;
      const levels = [...root.querySelectorAll("h1,h2,h3,h4,h5,h6")].map((h) => Number(h.tagName[1]));
      const unnamedLinks = [...root.querySelectorAll("a")].filter((a) => !a.textContent.trim()).length;
      return { lang: root.querySelector(".nw").getAttribute("lang"), levels, unnamedLinks, lists: root.querySelectorAll("ul li").length };
    });
    if (structure.lang !== "ru") throw new Error(`widget lang is ${structure.lang}`);
    if (structure.levels[0] !== 2 || structure.levels.slice(1).some((l) => l !== 3)) throw new Error(`heading levels ${structure.levels}`);
    if (structure.unnamedLinks > 0 || structure.lists < 3) throw new Error(`structure ${JSON.stringify(structure)}`);
    const lowContrast = await page.evaluate(contrastCheck);
    if (lowContrast.length) throw new Error(`text below 4.5:1 contrast: ${lowContrast.join("; ")}`);

    const toggle = widgetRoot.getByRole("button", { name: TOGGLE });
    await page.keyboard.press("Tab");
    const focus = await toggle.evaluate((b) => {
      const s = getComputedStyle(b);
      return { focused: b.matches(":focus-visible"), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    if (!focus.focused || focus.outline === "none" || focus.width < 2) throw new Error(`no visible focus on the toggle: ${JSON.stringify(focus)}`);

    // Версия для слабовидящих: on with the keyboard, larger type, and still on after a reload.
    const fontSize = () => widgetRoot.locator(".nw").evaluate((w) => parseFloat(getComputedStyle(w).fontSize));
    const before = await fontSize();
    if ((await toggle.getAttribute("aria-pressed")) !== "false") throw new Error("the low-vision version is on from the start");
    await page.keyboard.press("Enter");
    await widgetRoot.getByRole("button", { name: TOGGLE, pressed: true }).waitFor();
    const after = await fontSize();
    if (!(after >= before * 1.4)) throw new Error(`the low-vision version's type is ${after}px against ${before}px`);
    const stillLowContrast = await page.evaluate(contrastCheck);
    if (stillLowContrast.length) throw new Error(`low-vision text below 4.5:1: ${stillLowContrast.join("; ")}`);
    await page.reload();
    await widgetRoot.getByRole("heading", { level: 2, name: TITLE }).waitFor();
    await widgetRoot.getByRole("button", { name: TOGGLE, pressed: true }).waitFor();
    if ((await fontSize()) !== after) throw new Error("the low-vision version did not survive a reload");
    await widgetRoot.getByRole("button", { name: TOGGLE }).click();
    await widgetRoot.getByRole("button", { name: TOGGLE, pressed: false }).waitFor();

    // The iframe page: framed by another origin, the same page with its own <h1>.
    const frame = page.frameLocator("iframe[title='Наставничество в школе']");
    await frame.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await frame.getByText("Иванова Анна Петровна, куратор").waitFor();

    // A phone: nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await widgetRoot.evaluate((host) => host.getBoundingClientRect().right - window.innerWidth);
    if (overflow > 1) throw new Error(`the widget is ${overflow}px wider than a phone screen`);
    console.log(`     widget on ${site.url}: roadmap ${percent}%, mentors ${mentors}, low-vision type ${before}px → ${after}px`);
  } finally {
    await site.close();
  }
  await curatorPreview(page, baseUrl);
}

async function curatorPreview(page, baseUrl) {
  const api = await Api.logIn(baseUrl, CURATOR);
  const me = await api.call("GET", "/me");
  const schoolId = me.memberships.find((m) => m.role === "curator").organization_id;
  const programme = (await api.all(`/schools/${schoolId}/programs`)).find((p) => p.title === PROGRAMME);
  if (!programme) throw new Error("setup: no demo programme");
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, baseUrl, CURATOR);
  await page.goto(`${baseUrl}/programs/${programme.id}?tab=website`);
  await page.getByRole("tab", { name: "Сайт школы", selected: true }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Сайт школы" }).waitFor();
  await page.getByText("Сайт школы показывает эту программу").waitFor();
  const snippet = await page.getByRole("figure", { name: "Виджет (тег script)" }).locator("pre").innerText();
  const expected = `<script src="${baseUrl}/widget/nastavnik.js" data-school="${SLUG}"></script>`;
  if (snippet.trim() !== expected) throw new Error(`the snippet reads ${snippet}`);
  await page.getByRole("button", { name: "Копировать: Виджет (тег script)" }).waitFor();
  const preview = page.frameLocator("iframe[title='Предпросмотр раздела на сайте школы']");
  await preview.getByRole("heading", { level: 1, name: TITLE }).waitFor();
  await preview.getByRole("button", { name: TOGGLE }).waitFor();
}
