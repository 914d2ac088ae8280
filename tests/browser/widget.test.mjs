// The chat widget in a real Chromium against the real server: what a
// visitor of the demo page sees and does. Screenshots go to
// $FAQBOT_ARTIFACTS (the build folder).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { chromium } from "playwright-core";
import { startServer, chromiumFlags, chromiumPath, axeViolations, botSays } from "./server.mjs";

const artifacts = process.env.FAQBOT_ARTIFACTS || ".";
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
});

after(async () => {
  await browser?.close();
  if (server) {
    const code = await server.stop();
    assert.equal(code, 0, "faqbot serve exits 0 on SIGTERM within 5 s");
  }
});

test("a visitor asks, picks a choice, and sees urgent advice styled apart", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.getByRole("button", { name: "Ask a question" }).click();
  const input = page.getByLabel("Your question");
  await botSays(page, "ask a question");  // the welcome

  await input.fill("what causes liver calcification?");
  await input.press("Enter");
  const causes = await botSays(page, "parasitic infections");
  assert.match(causes, /Source: the summary of “Are intrahepatic calcifications/);

  // After an answer the topics wait behind "More topics".
  assert.equal(await page.locator(".fb-choices").count(), 1, "only the welcome's topics");
  await page.getByRole("button", { name: "More topics" }).click();
  await page.locator(".fb-choices").last().getByRole("button", { name: "Chronic hepatitis" }).click();
  const hepatitis = await botSays(page, "glycyrrhizin");
  assert.match(hepatitis, /Chronic hepatitis/);
  assert.match(hepatitis, /Source: section 4, “Chronic hepatitis”/);
  // The buttons of earlier replies are spent: inert, the picked one marked.
  assert.equal(await page.locator(".fb-choices button:not([disabled])").count(), 0);
  const picked = page.locator(".fb-choice.fb-chosen");
  assert.equal(await picked.count(), 1);
  assert.equal(await picked.textContent(), "Chronic hepatitis");

  await input.fill("I am vomiting blood");
  await page.getByRole("button", { name: "Send" }).click();
  await botSays(page, "emergency");
  const urgent = page.locator(".fb-urgent").last();
  assert.equal(await urgent.getAttribute("role"), "alert");
  const colors = await page.evaluate(() => {
    const u = document.querySelector(".fb-urgent");
    const b = document.querySelector(".fb-bot");
    return [getComputedStyle(u).backgroundColor, getComputedStyle(b).backgroundColor];
  });
  assert.notEqual(colors[0], colors[1], "escalation looks different");

  assert.equal(await page.locator(".fb-disclaimer").count(), 1, "disclaimer shown once");
  assert.match(await page.locator(".fb-disclaimer").textContent(), /not a diagnosis/);
  await page.screenshot({ path: path.join(artifacts, "widget.png") });
  await page.close();
});

test("several questions get one answer each, with what the article does not say", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole("button", { name: "Ask a question" }).click();
  const input = page.getByLabel("Your question");
  await botSays(page, "ask a question");
  const before = await page.locator(".fb-bot").count();
  await input.fill(
    "My scan showed a calcification from an old parasite infection. " +
      "How is it treated? And can it go away on its own?",
  );
  await input.press("Enter");
  await page.waitForFunction((n) => document.querySelectorAll(".fb-bot").length >= n + 2, before);
  const answers = page.locator(".fb-bot");
  const first = await answers.nth(before).textContent();
  const second = await answers.nth(before + 1).textContent();
  assert.match(first, /Source: section 2/, "each answer shows its source");
  assert.equal(await answers.nth(before).locator(".fb-asked").textContent(),
               "“How is it treated?”", "each answer is headed by its question");
  assert.match(await answers.nth(before + 1).locator(".fb-asked").textContent(),
               /can it go away on its own/);
  assert.match(second, /same part of the article/, "not the same text twice");
  const caveat = answers.nth(before + 1).locator(".fb-caveat");
  assert.match(await caveat.textContent(), /does not say whether it can go away/);
  await page.screenshot({ path: path.join(artifacts, "widget-parts.png") });
  await page.getByRole("button", { name: "More topics" }).click();
  assert.deepEqual(await axeViolations(page), [], "no serious or critical accessibility violations");
  await page.close();
});

test("a page whose session is gone says so plainly, and the site has an icon", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  // A session id from before a restart the server no longer knows.
  await page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith("faqbot-session:")) ||
        "faqbot-session:" + location.origin;
    sessionStorage.setItem(key, "0123456789abcdef0123456789abcdef");
  });
  await page.reload();
  await page.getByRole("button", { name: "Ask a question" }).click();
  const notice = page.locator(".fb-restarted");
  await notice.waitFor();
  assert.match(await notice.textContent(), /new conversation/);
  assert.doesNotMatch(await notice.textContent(), /session/i, "no developer's words");
  assert.equal(await page.locator(".fb-error").count(), 0, "not shown as an error");
  const icon = await page.evaluate(async () => {
    const link = document.querySelector("link[rel=icon]");
    const r = await fetch(link.href);
    return [r.status, r.headers.get("content-type"), (await r.text()).startsWith("<svg")];
  });
  assert.deepEqual(icon, [200, "image/svg+xml", true]);
  await page.close();
});

test("while the connection is down nobody is typing, and the message goes when it is back", async () => {
  const page = await browser.newPage();
  // The page's WebSockets pass through here, so the test can drop them
  // and refuse new ones, as a server restart or a network cut would.
  let down = false;
  const open = [];
  await page.routeWebSocket(/\/ws/, (ws) => {
    if (down) return ws.close({ code: 1011 });
    ws.connectToServer();
    open.push(ws);
  });
  await page.goto(server.url);
  await page.getByRole("button", { name: "Ask a question" }).click();
  await botSays(page, "ask a question");
  down = true;
  for (const ws of open.splice(0)) await ws.close({ code: 1011 });
  await page.waitForFunction(() => /Connection lost/.test(document.querySelector(".fb-status").textContent));
  const input = page.getByLabel("Your question");
  await input.fill("how is it treated?");
  await input.press("Enter");
  await page.waitForTimeout(300);
  assert.equal(await page.locator(".fb-typing").count(), 0, "no typing indicator while disconnected");
  assert.match(await page.locator(".fb-status").textContent(), /will be sent when it is back/);
  down = false;
  await botSays(page, "which one do you mean");
  assert.equal(await page.locator(".fb-typing").count(), 0);
  assert.equal(await page.locator(".fb-status").textContent(), "");
  await page.close();
});

test("text from the server is shown as text, never as HTML", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole("button", { name: "Ask a question" }).click();
  const input = page.getByLabel("Your question");
  await input.fill("<img src=x onerror=alert(1)> hello");
  await input.press("Enter");
  await botSays(page, "");
  assert.equal(await page.locator(".fb-log img").count(), 0);
  assert.match(await page.locator(".fb-user").last().textContent(), /<img src=x/);
  await page.close();
});

test("keyboard only: open, ask, close with Escape", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement.className);
  assert.equal(focused, "fb-launcher");
  await page.keyboard.press("Enter");
  await page.keyboard.type("how is it treated?");
  await page.keyboard.press("Enter");
  await botSays(page, "which one do you mean");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(".fb-panel").isHidden(), true);
  assert.equal(await page.getByRole("button", { name: "Ask a question" }).getAttribute("aria-expanded"), "false");
  await page.close();
});

test("works on a phone-sized screen", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await page.goto(server.url);
  await page.getByRole("button", { name: "Ask a question" }).click();
  const box = await page.locator(".fb-panel").boundingBox();
  assert.ok(box.width >= 385 && box.width <= 390, `panel fills the width (${box.width})`);
  await page.getByLabel("Your question").fill("hello");
  await page.getByLabel("Your question").press("Enter");
  await botSays(page, "hello");
  await page.screenshot({ path: path.join(artifacts, "widget-phone.png") });
  await page.close();
});

// A message in flight when its instance dies: two instances share
// sessions in Redis behind one address (a small TCP forwarder standing in
// for the load balancer). The person asks while instance A is frozen, A is
// killed with the question unread; the widget reconnects (to B), sends the
// question again with its id, and it is answered exactly once.
test("a question in flight when its server dies is answered once after the reconnect", async () => {
  const { startRedis, startServerWith } = await import("./server.mjs");
  const net = await import("node:net");
  const redis = await startRedis();
  const config = { sessions: "redis", redis: "127.0.0.1:" + redis.port };
  const a = await startServerWith(config);
  const b = await startServerWith(config);
  let target = new URL(a.url);
  const sockets = new Set();
  const balancer = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => { client.destroy(); upstream.destroy(); });
      s.on("close", () => { sockets.delete(s); client.destroy(); upstream.destroy(); });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise((r) => balancer.listen(0, "127.0.0.1", r));
  const front = `http://127.0.0.1:${balancer.address().port}/`;
  try {
    const page = await browser.newPage();
    await page.goto(front);
    await page.getByRole("button", { name: "Ask a question" }).click();
    const input = page.getByLabel("Your question");
    await botSays(page, "ask a question");
    await input.fill("worms in liver");
    await input.press("Enter");
    await botSays(page, "parasit");

    a.proc.kill("SIGSTOP");  // A reads nothing more
    await input.fill("how is it treated?");
    await input.press("Enter");
    await page.locator(".fb-typing").waitFor();
    target = new URL(b.url);  // new connections go to B
    a.proc.kill("SIGKILL");
    a.proc.kill("SIGCONT");

    const answer = await botSays(page, "treat");
    assert.match(answer, /Source: section/);
    await page.locator(".fb-typing").waitFor({ state: "detached" });
    await new Promise((r) => setTimeout(r, 500));  // a second answer would be here by now
    const treated = await page.locator(".fb-bot").evaluateAll(
      (all) => all.filter((e) => /treat/i.test(e.textContent)).length);
    assert.equal(treated, 1, "answered exactly once");
    assert.equal(await page.locator(".fb-restarted").count(), 0,
                 "the conversation went on, not restarted");
    await page.close();
  } finally {
    balancer.close();
    for (const s of sockets) s.destroy();
    await b.stop();
    a.proc.kill("SIGKILL");
    redis.stop();
  }
});
