// Loads a page in headless Chromium (playwright-core) at the widths and colour schemes
// asked for, runs axe-core on it (WCAG 2.1 A and AA, and best practices) and prints one
// JSON object: per view, axe's violations and incomplete results, what the page asked
// for from elsewhere, what its CSP refused, and the page's size.
// usage: node check_page.mjs PAGE.html [WIDTHxHEIGHT:scheme ...]
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(path.resolve(process.env.DECKGEN_WEB_TOOLS, "package.json"));
const { chromium } = require("playwright-core");
const axePath = require.resolve("axe-core/axe.min.js");

const [page_file, ...views] = process.argv.slice(2);
const url = pathToFileURL(path.resolve(page_file)).href;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const out = {};
try {
  for (const view of views.length ? views : ["390x844:light", "1280x900:light", "1280x900:dark"]) {
    const [size, scheme] = view.split(":");
    const [width, height] = size.split("x").map(Number);
    // first as the page is: what it fetches and what its own policy refuses
    const plain = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
    const tab = await plain.newPage();
    const requests = [], refused = [];
    tab.on("request", (r) => { if (!r.url().startsWith("data:") && r.url() !== url) requests.push(r.url()); });
    tab.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
    await tab.goto(url, { waitUntil: "load" });
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const fonts = await tab.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].map((f) => `${f.family}:${f.weight}:${f.style}:${f.status}`);
    });
    await plain.close();
    // then with axe-core injected (the page's policy would refuse its script)
    const checked = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, bypassCSP: true });
    const axeTab = await checked.newPage();
    await axeTab.goto(url, { waitUntil: "load" });
    await axeTab.addScriptTag({ path: axePath });
    const result = await axeTab.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        resultTypes: ["violations", "incomplete"],
      });
      const slim = (list) => list.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 200),
          inSvg: !!document.querySelector(n.target.join(" "))?.closest("svg"),
          slide: document.querySelector(n.target.join(" "))?.closest("article")?.id || null,
          summary: (n.failureSummary || "").slice(0, 300) })),
      }));
      return { violations: slim(r.violations), incomplete: slim(r.incomplete) };
    });
    await checked.close();
    out[view] = { ...result, requests, refused, overflow, fonts };
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
