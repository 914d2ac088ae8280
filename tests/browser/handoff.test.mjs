// Operator handoff in real Chromium: one page is a person using the chat
// widget, another an operator logged in to /console. The operator takes
// the conversation, they write to each other, the operator hands it back
// and the bot answers again: on one instance, then with the person on
// instance A and the operator on instance B (sessions and the queue in a
// real redis-server).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { chromium } from "playwright-core";
import { startServerWith, startRedis, chromiumFlags, chromiumPath, axeViolations } from "./server.mjs";

const artifacts = process.env.FAQBOT_ARTIFACTS || ".";
const operator = "Nurse Ann";
const password = "a long enough secret";
let browser;
let operators;

before(async () => {
  // The hash comes from the command an administrator runs.
  const made = spawnSync(process.env.FAQBOT_BIN, ["operator-password", operator],
                         { input: password + "\n", encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  operators = JSON.parse("{" + made.stdout.trim() + "}").operators;
  assert.match(operators[operator], /^pbkdf2-sha256\$/);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
});

after(async () => { await browser?.close(); });

// The text of the newest element matching `selector` once it contains `words`.
async function waitForText(page, selector, words) {
  await page.waitForFunction(
    ([sel, w]) => {
      const all = document.querySelectorAll(sel);
      const last = all[all.length - 1];
      return last && last.textContent.toLowerCase().includes(w);
    },
    [selector, words.toLowerCase()],
    { timeout: 10000 },
  );
  return page.locator(selector).last().textContent();
}

async function openWidget(url) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByRole("button", { name: "Ask a question" }).click();
  await waitForText(page, ".fb-bot", "ask a question");
  return page;
}

async function say(page, text) {
  const input = page.getByLabel("Your question");
  await input.fill(text);
  await input.press("Enter");
}

async function openConsole(url) {
  const context = await browser.newContext();  // its own cookies
  const page = await context.newPage();
  await page.goto(url + "console");
  await page.locator("#login-name").fill(operator);
  await page.locator("#login-password").fill(password);
  await page.locator("#login-submit").click();
  await page.locator("#me").getByText(operator).waitFor();
  return page;
}

async function handoffRoundTrip(personUrl, operatorUrl, shot) {
  const console_ = await openConsole(operatorUrl);
  const cookie = (await console_.context().cookies())[0];
  assert.equal(cookie.httpOnly, true, "the login cookie is HttpOnly");
  assert.equal(cookie.sameSite, "Strict");

  // The console is told of changes over its WebSocket: it does not poll.
  let polls = 0;
  console_.on("request", (r) => { if (r.url().includes("/console/api/state")) ++polls; });

  const person = await openWidget(personUrl);
  await say(person, "what causes liver calcification?");
  await waitForText(person, ".fb-bot", "parasitic");
  await say(person, "Can I talk to a nurse please?");
  await waitForText(person, ".fb-bot", "asked for a person");

  // The operator sees it waiting, with the whole conversation so far (both
  // ways), and takes it.
  const item = console_.locator(".conversation").filter({ hasText: "waiting" });
  await item.first().waitFor({ timeout: 10000 });
  await item.first().click();
  await waitForText(console_, "#lines .line", "asked for a person");
  const before = await console_.locator("#lines .line").allTextContents();
  const asked = before.findIndex((l) => /^Person.*what causes liver calcification\?/.test(l));
  assert.ok(asked >= 0, "the person's words before the handoff: " + before.join(" | "));
  assert.match(before[asked + 1], /^Bot.*parasit/i, "and the bot's answer to them");
  assert.match(await console_.locator("#lines").textContent(), /talk to a nurse/i);
  await console_.locator("#take").click();
  await waitForText(person, ".fb-handoff", "a person has joined");
  assert.match(await person.locator(".fb-handoff").last().textContent(), /Nurse Ann/);
  assert.equal(await person.locator(".fb-title").textContent(), operator,
               "the header names who is talking while they hold the conversation");

  // Both ways.
  await console_.locator("#reply-text").fill("Hello, I'm Ann. How can I help?");
  await console_.locator("#send").click();
  const said = await waitForText(person, ".fb-operator", "how can i help");
  assert.match(said, /Nurse Ann/, "signed with the operator's name");
  const botReplies = await person.locator(".fb-bot:not(.fb-operator)").count();
  await say(person, "My scan showed spots, should I worry?");
  await waitForText(console_, "#lines .line", "should i worry");
  await waitForText(person, ".fb-user .fb-delivered", "delivered to nurse ann");
  assert.equal(await person.locator(".fb-bot:not(.fb-operator)").count(), botReplies,
               "the bot does not answer while the operator holds the conversation");
  await console_.locator("#reply-text").fill("Spots are common; let's book a visit.");
  await console_.locator("#reply-text").press("Enter");
  await waitForText(person, ".fb-operator", "book a visit");
  await waitForText(console_, "#lines .line", "book a visit");
  await console_.screenshot({ path: path.join(artifacts, shot + "-console.png") });
  assert.deepEqual(await axeViolations(console_), [], "the console: no serious or critical accessibility violations");
  assert.deepEqual(await axeViolations(person), [], "the widget with an operator: none either");
  // Red flags still get the urgent-care reply.
  await say(person, "I am vomiting blood");
  await waitForText(person, ".fb-urgent", "emergency");

  // Handed back: the bot answers again.
  await console_.locator("#release").click();
  await waitForText(person, ".fb-handoff", "has left");
  assert.equal(await person.locator(".fb-title").textContent(), "FAQ assistant",
               "the header is the bot's again once the operator leaves");
  await say(person, "how is it treated?");
  await waitForText(person, ".fb-bot", "treat");
  await console_.locator(".conversation").first().waitFor({ state: "detached" });
  // The handed-back conversation is in the shift's history.
  await waitForText(console_, "#ended li", "handed back");
  assert.match(await console_.locator("#ended li").first().textContent(),
               /handed back · web #\w+ · Nurse Ann · \d+ s ago“Can I talk to a nurse please\?”/);
  await person.screenshot({ path: path.join(artifacts, shot + "-person.png") });
  assert.equal(polls, 0, "every change came over the console's WebSocket");
  await person.close();
  await console_.context().close();
}

test("an operator takes a widget conversation, both write, and hands it back", async () => {
  const server = await startServerWith({ operators });
  try {
    // No console without logging in; a wrong password is refused.
    const state = await fetch(server.url + "console/api/state");
    assert.equal(state.status, 401);
    const wrong = await fetch(server.url + "console/login", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: operator, password: "guess" }) });
    assert.equal(wrong.status, 401);
    await handoffRoundTrip(server.url, server.url, "handoff");
    const metrics = await (await fetch(server.url + "metrics")).text();
    assert.match(metrics, /faqbot_handoff_first_reply_seconds_count 1/);
    assert.match(metrics, /faqbot_handoff_active 0/);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test("the person on instance A, the operator on instance B", async () => {
  const redis = await startRedis();
  const config = { operators, sessions: "redis", redis: "127.0.0.1:" + redis.port,
                   messages_per_second: 100 };
  const a = await startServerWith(config);
  const b = await startServerWith(config);
  try {
    await handoffRoundTrip(a.url, b.url, "handoff-two-instances");
  } finally {
    await a.stop();
    await b.stop();
    redis.stop();
  }
});

test("two people waiting are told apart: what each asked, how long, who left, and the tab's title", async () => {
  const server = await startServerWith({ operators });
  try {
    const console_ = await openConsole(server.url);
    assert.equal(await console_.title(), "faqbot console");
    const first = await openWidget(server.url);
    await say(first, "Can I talk to a nurse about my scan results?");
    await waitForText(first, ".fb-bot", "asked for a person");
    const second = await openWidget(server.url);
    await say(second, "I want to speak to someone about my son");
    await waitForText(second, ".fb-bot", "asked for a person");

    const items = console_.locator(".conversation");
    await console_.waitForFunction(() => document.querySelectorAll(".conversation").length === 2);
    const texts = await items.allTextContents();
    assert.match(texts[0], /waiting web #\w+ for \d+ s · online“Can I talk to a nurse about my scan results\?”/);
    assert.match(texts[1], /online“I want to speak to someone about my son”/);
    await console_.waitForFunction(() => document.title === "(2 waiting) faqbot console");
    // The list is keyboard-usable: each conversation is a button.
    await items.nth(1).focus();
    await console_.keyboard.press("Enter");
    await console_.waitForFunction(() => /about my son/.test(document.querySelector("#lines").textContent));
    assert.doesNotMatch(await console_.locator("#lines").textContent(), /scan results/,
                        "the conversation opened is the one picked");
    // The first person closes their tab: the console says so.
    await first.close();
    await console_.waitForFunction(() => /left \d+ s ago/.test(
        document.querySelectorAll(".conversation")[0].textContent));
    assert.match((await items.allTextContents())[1], /online/, "the other is still there");
    await console_.screenshot({ path: path.join(artifacts, "handoff-queue.png") });
    await console_.setViewportSize({ width: 390, height: 844 });
    await console_.screenshot({ path: path.join(artifacts, "handoff-queue-phone.png") });
    await second.close();
    await console_.context().close();
  } finally {
    await server.stop();
  }
});

test("no one online: the person is told and the bot goes on", async () => {
  const server = await startServerWith({ operators });
  try {
    const person = await openWidget(server.url);
    await say(person, "I want to speak to a human");
    await waitForText(person, ".fb-bot", "no one from the team is available");
    // The team sees it later, in the console's history of the shift.
    const console_ = await openConsole(server.url);
    await waitForText(console_, "#ended li", "no one online");
    assert.match(await console_.locator("#ended li").first().textContent(),
                 /“I want to speak to a human”/);
    await console_.context().close();
    await say(person, "what causes it?");
    await waitForText(person, ".fb-bot", "parasitic");
    await person.close();
  } finally {
    await server.stop();
  }
});

// A person whose page was away (another page in the tab, a train tunnel)
// while the operator wrote gets those messages when the widget is back,
// and not again the ones it showed already.
test("a widget that was away while the operator wrote gets those messages on its return", async () => {
  const server = await startServerWith({ operators });
  try {
    const console_ = await openConsole(server.url);
    const person = await openWidget(server.url);
    await say(person, "Can I talk to a nurse please?");
    await waitForText(person, ".fb-bot", "asked for a person");
    await console_.locator(".conversation").first().click();
    await console_.locator("#take").click();
    await waitForText(person, ".fb-handoff", "a person has joined");
    await console_.locator("#reply-text").fill("Hello, I'm Ann.");
    await console_.locator("#send").click();
    await waitForText(person, ".fb-operator", "i'm ann");

    await person.goto("about:blank");  // the widget's connection closes
    await console_.waitForFunction(() => /left \d+ s ago/.test(
        document.querySelector(".conversation").textContent));
    await console_.locator("#reply-text").fill("Your results look fine; call us on Monday.");
    await console_.locator("#send").click();
    await waitForText(console_, "#lines .line", "call us on monday");

    await person.goBack();  // same tab: the widget resumes its session
    await person.getByRole("button", { name: "Ask a question" }).click();
    const missed = await waitForText(person, ".fb-operator", "call us on monday");
    assert.match(missed, /Nurse Ann/);
    assert.equal(await person.locator(".fb-operator", { hasText: "I'm Ann" }).count(), 0,
                 "what it showed before is not sent again");
    await console_.waitForFunction(() => /online/.test(
        document.querySelector(".conversation").textContent));
    await person.close();
    await console_.context().close();
  } finally {
    await server.stop();
  }
});
