/*
 * Наставник: the school website widget.
 *
 *   <script src="https://HOST/widget/nastavnik.js" data-school="SLUG"></script>
 *
 * renders the school's page «Информация о реализации целевой модели наставничества» right after
 * the tag (or into the element `data-target="#id"` names), inside a Shadow DOM so that the school
 * site's CSS neither breaks the widget nor is broken by it.
 *
 * Hand-written, dependency-free ES2017 on purpose: the service embeds this file and serves it, so
 * a bare machine needs no JavaScript build for the widget, and a school's old CMS loads one small
 * file. Every text from the feed goes in through textContent, never as HTML; links must be http(s).
 */
(function () {
  "use strict";

  var STORAGE_KEY = "nastavnik-widget-low-vision";
  var script = document.currentScript;
  if (!script) return;

  var slug = script.getAttribute("data-school") || "";
  var origin = new URL(script.src, document.baseURI).origin;
  // The iframe page asks for an <h1>; on a school's own page the widget is a section under its h1.
  var level = Math.min(Math.max(parseInt(script.getAttribute("data-heading-level") || "2", 10) || 2, 1), 5);
  var isPage = script.hasAttribute("data-page");

  var CSS = [
    ":host{all:initial;display:block;contain:content}",
    ".nw{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#fff;",
    "padding:16px;max-width:60rem;box-sizing:border-box;border:1px solid #c8ced6;border-radius:8px}",
    ".nw *{box-sizing:border-box}",
    ".nw h1,.nw h2,.nw h3,.nw h4,.nw h5,.nw h6{line-height:1.25;margin:1.25em 0 .5em;color:#111}",
    ".nw .nw-title{font-size:1.5em;margin-top:.25em}",
    ".nw .nw-section{font-size:1.15em}",
    ".nw p,.nw ul,.nw dl{margin:.5em 0}",
    ".nw ul{padding-left:1.25em}",
    ".nw a{color:#0b4fb3;text-decoration:underline}",
    ".nw a:hover{color:#062f6b}",
    ".nw a:focus-visible,.nw button:focus-visible{outline:3px solid #0b4fb3;outline-offset:2px;border-radius:2px}",
    ".nw .nw-muted{color:#4a4a4a}",
    ".nw .nw-bar{display:flex;justify-content:flex-end}",
    ".nw button{font:inherit;font-size:.9em;padding:.4em .8em;min-height:44px;border:2px solid #1a1a1a;background:#fff;color:#1a1a1a;border-radius:6px;cursor:pointer}",
    ".nw button[aria-pressed=true]{background:#1a1a1a;color:#fff}",
    ".nw .nw-progress{height:14px;background:#e3e7ec;border:1px solid #6b7480;border-radius:7px;overflow:hidden;max-width:32rem}",
    ".nw .nw-progress span{display:block;height:100%;background:#1f6f43}",
    ".nw dl.nw-figures{display:grid;grid-template-columns:auto 1fr;gap:.25em 1em}",
    ".nw dl.nw-figures dt{font-weight:600}",
    ".nw dl.nw-figures dd{margin:0}",
    ".nw dl.nw-terms dt{font-weight:600;margin-top:.5em}",
    ".nw dl.nw-terms dd{margin:0 0 .25em 0}",
    ".nw .nw-invite{font-weight:600}",
    ".nw [role=alert],.nw [role=status]{margin:.5em 0}",
    // Версия для слабовидящих: large type, black on white, no colour cues, no images, wide spacing.
    ".nw.nw-low-vision{font-size:24px;line-height:1.6;letter-spacing:.03em;color:#000;background:#fff;border:3px solid #000}",
    ".nw.nw-low-vision h1,.nw.nw-low-vision h2,.nw.nw-low-vision h3,.nw.nw-low-vision h4,.nw.nw-low-vision h5,.nw.nw-low-vision h6{color:#000}",
    ".nw.nw-low-vision .nw-muted{color:#000}",
    ".nw.nw-low-vision a{color:#000;font-weight:700}",
    ".nw.nw-low-vision a:focus-visible,.nw.nw-low-vision button:focus-visible{outline:4px solid #000;outline-offset:3px}",
    ".nw.nw-low-vision .nw-progress{height:24px;background:#fff;border:3px solid #000}",
    ".nw.nw-low-vision .nw-progress span{background:#000}",
    ".nw.nw-low-vision img,.nw.nw-low-vision svg,.nw.nw-low-vision picture{display:none}",
    "@media (max-width:480px){.nw{padding:12px}.nw dl.nw-figures{grid-template-columns:1fr}}",
  ].join("\n");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, String(attrs[k]));
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function heading(offset, text, cls) {
    return el("h" + Math.min(level + offset, 6), { class: cls }, [text]);
  }

  function readLowVision() {
    try {
      return window.localStorage.getItem(STORAGE_KEY) === "1";
    } catch (e) {
      return false; // storage blocked (a third-party iframe, privacy mode): the toggle still works for the visit
    }
  }

  function saveLowVision(on) {
    try {
      if (on) window.localStorage.setItem(STORAGE_KEY, "1");
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      /* see readLowVision */
    }
  }

  function isoDate(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    return m ? m[3] + "." + m[2] + "." + m[1] : s;
  }

  function safeUrl(url) {
    return /^https?:\/\//i.test(url || "") ? url : null;
  }

  function figureText(f) {
    return f && !f.suppressed && f.value !== null && f.value !== undefined ? String(f.value) : "менее 5";
  }

  function section(title, nodes) {
    return el("section", {}, [heading(1, title, "nw-section")].concat(nodes));
  }

  function renderFeed(root, feed) {
    var p = feed.programme;
    var nodes = [];
    nodes.push(heading(0, feed.title, "nw-title"));
    nodes.push(el("p", { class: "nw-muted" }, [feed.school.name + " · " + p.title + ", " + p.academic_year + " учебный год"]));

    if (p.goal) nodes.push(section("Цель", [el("p", {}, [p.goal])]));
    if (p.tasks && p.tasks.length) {
      nodes.push(section("Задачи", [el("ul", {}, p.tasks.map(function (t) { return el("li", {}, [t]); }))]));
    }
    if (p.forms && p.forms.length) {
      nodes.push(
        section("Формы наставничества", [
          el("p", {}, ["Система наставничества реализуется через работу наставнических пар или групп по формам:"]),
          el("ul", {}, p.forms.map(function (f) { return el("li", {}, ["«" + f.label + "»"]); })),
        ]),
      );
    }

    var r = feed.roadmap;
    var progress = [
      el("p", {}, ["Дорожная карта: выполнено " + r.done + " из " + r.total + " мероприятий (" + r.percent + "%)."]),
      el(
        "div",
        { class: "nw-progress", role: "progressbar", "aria-label": "Выполнение дорожной карты", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": r.percent, "aria-valuetext": r.percent + "%" },
        [el("span", { style: "width:" + Math.max(0, Math.min(100, r.percent)) + "%" })],
      ),
      el("p", {}, [r.current_stage ? "Текущий этап: " + r.current_stage.number + ". " + r.current_stage.title + "." : "Все этапы дорожной карты выполнены."]),
    ];
    nodes.push(section("Ход реализации", progress));

    var f = feed.figures;
    var rows = [
      ["Наставники", f.mentors],
      ["Наставляемые", f.mentees],
      ["Наставнические пары и группы", f.pairs],
    ];
    (f.pairs_by_form || []).forEach(function (x) { rows.push(["Пары и группы «" + x.label + "»", x.pairs]); });
    rows.push(["Проведено встреч", f.meetings_held]);
    var dl = el("dl", { class: "nw-figures" }, []);
    rows.forEach(function (row) {
      dl.appendChild(el("dt", {}, [row[0]]));
      dl.appendChild(el("dd", {}, [figureText(row[1])]));
    });
    nodes.push(
      section("В цифрах", [
        dl,
        el("p", { class: "nw-muted" }, ["Числа меньше " + f.threshold + " не публикуются, чтобы по ним нельзя было узнать участников."]),
      ]),
    );

    var news = (feed.news || []).filter(function (n) { return safeUrl(n.url); });
    if (news.length) {
      nodes.push(
        section("Новости", [
          el(
            "ul",
            {},
            news.map(function (n) {
              return el("li", {}, [
                el("a", { href: n.url, rel: "noopener", target: "_blank" }, [n.title]),
                " ",
                el("time", { datetime: n.date, class: "nw-muted" }, ["(" + isoDate(n.date) + ")"]),
                n.summary ? el("br") : null,
                n.summary ? el("span", { class: "nw-muted" }, [n.summary]) : null,
              ]);
            }),
          ),
        ]),
      );
    }

    var terms = el("dl", { class: "nw-terms" }, []);
    (feed.definitions || []).forEach(function (d) {
      terms.appendChild(el("dt", {}, [d.term]));
      terms.appendChild(el("dd", {}, [d.text]));
    });
    nodes.push(section("Основные понятия", [terms]));

    var c = feed.contact;
    if (c) {
      var lines = [];
      if (c.name) lines.push(el("p", {}, [c.name]));
      var reach = [];
      if (c.phone) reach.push("Телефон: ", el("a", { href: "tel:" + c.phone.replace(/[^\d+]/g, "") }, [c.phone]));
      if (c.phone && c.email) reach.push(", ");
      if (c.email) reach.push("e-mail: ", el("a", { href: "mailto:" + c.email }, [c.email]));
      if (reach.length) lines.push(el("p", {}, reach));
      nodes.push(section("Контактное лицо", lines));
    }
    nodes.push(el("p", { class: "nw-invite" }, [feed.invitation]));

    root.setAttribute("aria-busy", "false");
    nodes.forEach(function (n) { root.appendChild(n); });
    if (isPage) document.title = feed.title + " — " + feed.school.name;
  }

  function mount() {
    var target = script.getAttribute("data-target");
    var host = target ? document.querySelector(target) : null;
    if (!host) {
      host = document.createElement("div");
      script.parentNode.insertBefore(host, script.nextSibling);
    }
    host.setAttribute("data-nastavnik-widget", slug);
    var shadow = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    shadow.appendChild(el("style", {}, [CSS]));

    var wrap = el("div", { class: "nw", lang: "ru" }, []);
    var toggle = el("button", { type: "button", "aria-pressed": "false" }, ["Версия для слабовидящих"]);
    function apply(on) {
      wrap.classList.toggle("nw-low-vision", on);
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
    }
    toggle.addEventListener("click", function () {
      var on = toggle.getAttribute("aria-pressed") !== "true";
      apply(on);
      saveLowVision(on);
    });
    apply(readLowVision());
    wrap.appendChild(el("div", { class: "nw-bar" }, [toggle]));
    var body = el("div", { "aria-busy": "true", "aria-live": "polite" }, [el("p", { role: "status" }, ["Загрузка…"])]);
    wrap.appendChild(body);
    shadow.appendChild(wrap);
    return body;
  }

  function fail(body, text) {
    body.textContent = "";
    body.setAttribute("aria-busy", "false");
    body.appendChild(el("p", { role: "alert" }, [text]));
  }

  var body = mount();
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) {
    fail(body, "Не указана школа: добавьте к тегу script атрибут data-school.");
    return;
  }
  fetch(origin + "/api/v1/public/schools/" + encodeURIComponent(slug), { headers: { Accept: "application/json" } })
    .then(function (res) {
      if (res.status === 404) throw new Error("not_found");
      if (!res.ok) throw new Error("http_" + res.status);
      return res.json();
    })
    .then(function (feed) {
      body.textContent = "";
      renderFeed(body, feed);
    })
    .catch(function (e) {
      fail(
        body,
        e && e.message === "not_found"
          ? "Сведения о наставничестве для этой школы пока не опубликованы."
          : "Не удалось загрузить сведения о наставничестве. Попробуйте обновить страницу позже.",
      );
    });
})();
