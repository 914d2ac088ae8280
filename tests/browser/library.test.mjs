// A clinic's library in a real Chromium: `faqbot serve --packs content`
// serves an index of its articles and a page for each, with the widget on
// every page. A question about another article's subject, asked on one
// article's page, is answered from that article, saying so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer, chromiumFlags, chromiumPath, botSays } from "./server.mjs";

const artifacts = process.env.FAQBOT_ARTIFACTS || ".";
const content = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content");
let server;
let browser;

before(async () => {
  server = await startServer(["--packs", content]);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0, "faqbot serve exits 0 on SIGTERM");
});

async function ask(page, text) {
  const input = page.getByLabel("Your question");
  await input.fill(text);
  await input.press("Enter");
}

test("two article pages, each with the widget; another article's answer names it", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  const links = page.locator("main a");
  assert.equal(await links.count(), 6, "the index lists the six articles");

  await page.getByRole("link", { name: /intrahepatic calcifications/ }).click();
  await page.waitForURL(/\/articles\/liver-calcification$/);
  await page.getByRole("button", { name: "Ask a question" }).click();
  await botSays(page, "which article");  // the library's welcome
  await ask(page, "is calcification cancer?");
  await botSays(page, "precursor");
  assert.equal(await page.locator(".fb-note").filter({ hasText: "From the article" }).count(), 0,
               "the page's own article needs no name");

  const notes = page.locator(".fb-note");
  const notesBefore = await notes.count();
  await ask(page, "I also have a hemangioma, is that dangerous?");
  const other = await botSays(page, "tangle of small blood vessels");
  assert.match(await notes.last().textContent(),
               /From the article "Is a liver hemangioma dangerous\?":/);
  assert.equal(await notes.count(), notesBefore + 1);
  assert.match(other, /Source: the summary of “Is a liver hemangioma dangerous\?”/);
  await ask(page, "how is it treated?");
  await page.waitForFunction((n) => document.querySelectorAll(".fb-note").length > n,
                             notesBefore + 1, { timeout: 10000 });
  assert.match(await notes.last().textContent(), /From the article/, "still the other article");
  // Its topics are that article's: a pressed one answers from it.
  await page.locator(".fb-more").last().click();
  await page.locator(".fb-choices").last()
    .getByRole("button", { name: "Treatment options", exact: true }).click();
  const treated = await botSays(page, "source: section");
  assert.match(treated,
               /Source: section \d+, “Treatment options” of the article “Is a liver hemangioma dangerous\?”/,
               "a section's source names its article");
  await page.screenshot({ path: path.join(artifacts, "library-calcification.png") });

  // The second article's page: its own questions need no name.
  await page.goto(new URL("articles/fatty-liver", server.url).href);
  await page.getByRole("button", { name: "Ask a question" }).click();
  await ask(page, "can fatty liver be reversed?");
  const fatty = await botSays(page, "source");
  assert.equal(await page.locator(".fb-note").filter({ hasText: "From the article" }).count(), 0,
               "the page's own article needs no name");
  assert.match(fatty, /weight|alcohol|reversed/i);
  await page.screenshot({ path: path.join(artifacts, "library-fatty-liver.png") });

  const missing = await page.goto(new URL("articles/nope", server.url).href);
  assert.equal(missing.status(), 404);

  // /metrics counts the replies of each article.
  const metrics = await (await fetch(new URL("metrics", server.url))).text();
  assert.match(metrics, /faqbot_article_replies_total\{pack="liver-hemangioma"\} [1-9]/);
  assert.match(metrics, /faqbot_article_replies_total\{pack="fatty-liver"\} [1-9]/);
  assert.match(metrics, /faqbot_article_replies_total\{pack="ovarian-cysts"\} 0/);
  await page.close();
});
