// Direct Line 3.0: the unmodified npm clients against faqbot. The
// botframework-directlinejs client in Node (WebSocket stream and HTTP
// polling), and Web Chat (botframework-webchat) in a real Chromium on a
// page of another origin. Screenshot: $FAQBOT_ARTIFACTS/webchat.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { startServerWith, startRedis, chromiumFlags, chromiumPath } from "./server.mjs";

const require = createRequire(import.meta.url);
// The client library's documented way to run in Node.
global.XMLHttpRequest = require("xhr2");
global.WebSocket = require("ws");
const { DirectLine } = require("botframework-directlinejs");

const SECRET = "dl-test-secret";
const artifacts = process.env.FAQBOT_ARTIFACTS || ".";
let server;
let domain;

before(async () => {
  server = await startServerWith({ channels: { directline: { secret: SECRET } } });
  domain = `${server.url}v3/directline`;
});

after(async () => {
  if (server) assert.equal(await server.stop(), 0);
});

async function tokenFromSecret() {
  const r = await fetch(`${domain}/tokens/generate`, {
    method: "POST",
    headers: { Authorization: `Bearer ${SECRET}` },
  });
  assert.equal(r.status, 200);
  const body = await r.json();
  assert.ok(body.token && body.conversationId && body.expires_in > 0);
  return body.token;
}

// Resolves with the first bot activity that satisfies `match`.
function botActivity(directLine, match) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no matching bot activity in 10 s")), 10000);
    const sub = directLine.activity$.subscribe((a) => {
      if (a.from?.role === "bot" && a.type === "message" && match(a)) {
        clearTimeout(timer);
        sub.unsubscribe();
        resolve(a);
      }
    });
  });
}

function post(directLine, text) {
  return new Promise((resolve, reject) => {
    directLine
      .postActivity({ from: { id: "u-42", name: "Ann" }, type: "message", text })
      .subscribe((id) => (id === "retry" ? reject(new Error("post failed")) : resolve(id)), reject);
  });
}

for (const webSocket of [true, false]) {
  test(`directlinejs (${webSocket ? "WebSocket stream" : "polling"}): ask, get suggested actions, press one`, async () => {
    const directLine = new DirectLine({ token: await tokenFromSecret(), domain, webSocket, pollingInterval: 200 });
    try {
      const greeting = botActivity(directLine, () => true);
      assert.match((await greeting).text, /Hello/);
      const answer = botActivity(directLine, (a) => /parasit/i.test(a.text));
      const id = await post(directLine, "worms in liver");
      assert.ok(id.includes("|"), "the posted activity gets an id: " + id);
      const reply = await answer;
      assert.equal(reply.replyToId, id);
      const actions = reply.suggestedActions.actions;
      assert.ok(actions.length > 0, "choices come as suggested actions");
      for (const a of actions) assert.equal(a.type, "imBack");
      const treatment = actions.find((a) => /treat/i.test(a.title));
      assert.ok(treatment, JSON.stringify(actions));
      const pressed = botActivity(directLine, (a) => /\(treatment\)/.test(a.text));
      await post(directLine, treatment.value);
      await pressed;
    } finally {
      directLine.end();
    }
  });
}

test("credentials are checked on every call", async () => {
  const call = (p, auth, method = "POST") =>
    fetch(`${domain}${p}`, { method, headers: auth ? { Authorization: `Bearer ${auth}` } : {} });
  assert.equal((await call("/conversations", null)).status, 401);
  const forged = await call("/conversations", "not-a-token");
  assert.equal(forged.status, 403);
  assert.equal((await forged.json()).error.code, "TokenExpired");
  const token = await tokenFromSecret();
  const started = await call("/conversations", token);
  assert.equal(started.status, 201);
  const { conversationId, streamUrl } = await started.json();
  assert.match(streamUrl, /^ws:\/\/.*\/stream\?t=/);
  // A token opens only its own conversation; unknown ones are 404.
  const other = await (await call("/tokens/generate", SECRET)).json();
  assert.equal((await call(`/conversations/${conversationId}/activities`, other.token, "GET")).status, 403);
  assert.equal((await call("/conversations/nope/activities", SECRET, "GET")).status, 404);
  // Refresh gives a new working token.
  const refreshed = await (await call("/tokens/refresh", token)).json();
  assert.equal(refreshed.conversationId, conversationId);
  const polled = await call(`/conversations/${conversationId}/activities?watermark=`, refreshed.token, "GET");
  assert.equal(polled.status, 200);
  const set = await polled.json();
  assert.ok(set.activities.length >= 1 && set.watermark, "the greeting is there");
});

test("a conversation started through instance A goes on through instance B", async () => {
  const redis = await startRedis();
  const config = { sessions: "redis", redis: "127.0.0.1:" + redis.port,
                   channels: { directline: { secret: SECRET } } };
  const a = await startServerWith(config);
  const b = await startServerWith(config);
  const domainOf = (s) => `${s.url}v3/directline`;
  try {
    // Started and used through A...
    const first = new DirectLine({ secret: SECRET, domain: domainOf(a), webSocket: true });
    const greeted = botActivity(first, () => true);
    assert.match((await greeted).text, /Hello/);
    const answered = botActivity(first, (x) => /parasit/i.test(x.text));
    await post(first, "worms in liver");
    await answered;
    const { conversationId, token } = first;
    assert.ok(conversationId && token);
    first.end();

    // ...resumed through B: the stream replays what was said (from the
    // watermark), and the follow-up continues the same dialog.
    const second = new DirectLine({ token, conversationId, domain: domainOf(b),
                                    webSocket: true, watermark: "" });
    try {
      await botActivity(second, (x) => /parasit/i.test(x.text));
      const followUp = botActivity(second, (x) => /\(treatment\)/.test(x.text));
      await post(second, "how is that treated?");
      await followUp;
      // An activity added through A reaches B's stream.
      const viaA = botActivity(second, (x) => /calcif/i.test(x.text));
      const posted = await fetch(`${domainOf(a)}/conversations/${conversationId}/activities`, {
        method: "POST",
        headers: { Authorization: `Bearer ${SECRET}`, "Content-Type": "application/json" },
        body: JSON.stringify({ type: "message", from: { id: "u-42" }, text: "what is liver calcification?" }),
      });
      assert.equal(posted.status, 200);
      await viaA;
    } finally {
      second.end();
    }
  } finally {
    await a.stop();
    await b.stop();
    redis.stop();
  }
});

// A site of its own (another origin than faqbot's) with Web Chat on it.
async function startTestSite() {
  const webchat = readFileSync(path.join("node_modules", "botframework-webchat", "dist", "webchat.js"));
  const site = createServer((req, res) => {
    if (req.url === "/webchat.js") {
      res.writeHead(200, { "Content-Type": "application/javascript" });
      return res.end(webchat);
    }
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(
      '<!doctype html><html><head><script src="/webchat.js"></script></head>' +
        '<body style="margin:0"><div id="webchat" style="height:900px"></div></body></html>',
    );
  });
  await new Promise((resolve) => site.listen(0, "127.0.0.1", resolve));
  return site;
}

test("Web Chat from npm in Chromium, on a page of another origin", async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  const site = await startTestSite();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    await page.goto(`http://127.0.0.1:${site.address().port}/`);
    const token = await tokenFromSecret();
    await page.evaluate(
      ({ token, domain }) => {
        window.WebChat.renderWebChat(
          { directLine: window.WebChat.createDirectLine({ token, domain }), userID: "u-42", username: "Ann" },
          document.getElementById("webchat"),
        );
      },
      { token, domain },
    );
    await page.getByText(/Hello!/).first().waitFor({ timeout: 15000 });
    const input = page.locator("[data-id='webchat-sendbox-input']");
    await input.fill("worms in liver");
    await input.press("Enter");
    await page.getByText(/Parasitic infection/i).first().waitFor({ timeout: 15000 });
    const button = page.getByRole("button", { name: /treat/i }).first();
    await button.waitFor({ timeout: 10000 });
    await button.click();
    await page.getByText(/Parasitic infection \(treatment\)/).first().waitFor({ timeout: 15000 });
    // Web Chat marks a message sent only when the server echoes it back.
    assert.equal(await page.getByText(/Send failed/i).count(), 0);
    await page.screenshot({ path: path.join(artifacts, "webchat.png") });
  } finally {
    await browser.close();
    site.close();
  }
});
