// faqbot behind Debian's nginx with TLS, configured by the package's
// example site (packaging/nginx-faqbot.conf) and README's settings: the
// WebSocket contract over wss, a Direct Line conversation with the
// unmodified botframework-directlinejs, and an operator's console login
// over HTTPS. The address faqbot counts a client by is the client's own,
// from the proxy's header: clients connect from 127.0.0.2 and 127.0.0.3
// (loopback), and a header a client forges does not count.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServerWith, freePort } from "./server.mjs";

// The certificate is made here, self-signed: trust it for this process.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
const require = createRequire(import.meta.url);
const WebSocket = require("ws");
global.XMLHttpRequest = require("xhr2");
global.WebSocket = WebSocket;
const { DirectLine } = require("botframework-directlinejs");

const SECRET = "dl-proxy-secret";
const operator = "Nurse Ann";
const password = "a long enough secret";
let nginx, faqbot, https, http;

// The example site with this test's ports, certificate and server.
function site(dir, ports) {
  const example = readFileSync(new URL("../../packaging/nginx-faqbot.conf", import.meta.url), "utf8");
  const edits = [
    ["listen 80;", `listen 127.0.0.1:${ports.http};`],
    ["listen 443 ssl;", `listen 127.0.0.1:${ports.https} ssl;`],
    ["server 127.0.0.1:8080;", `server 127.0.0.1:${ports.faqbot};`],
    ["/etc/ssl/certs/faqbot.example.org.pem", join(dir, "cert.pem")],
    ["/etc/ssl/private/faqbot.example.org.key", join(dir, "key.pem")],
  ];
  let text = example;
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), "the example site still has " + from);
    text = text.replace(from, to);
  }
  return text;
}

async function startNginx(faqbotPort) {
  const dir = mkdtempSync(join(tmpdir(), "faqbot-nginx-"));
  const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
    "-subj", "/CN=127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")],
    { encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  const ports = { http: await freePort(), https: await freePort(), faqbot: faqbotPort };
  writeFileSync(join(dir, "site.conf"), site(dir, ports));
  const temp = (name) => `${name}_temp_path ${join(dir, name)};`;
  writeFileSync(join(dir, "nginx.conf"), `
    pid ${join(dir, "nginx.pid")};
    error_log ${join(dir, "error.log")} warn;
    events {}
    http {
      access_log off;
      ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}
      include ${join(dir, "site.conf")};
    }`);
  const proc = spawn("nginx", ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"],
                     { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += d));
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`https://127.0.0.1:${ports.https}/healthz`);
      return { ...ports, proc, dir };
    } catch {
      if (proc.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  proc.kill();
  throw new Error("nginx did not start: " + stderr);
}

before(async () => {
  const made = spawnSync(process.env.FAQBOT_BIN, ["operator-password", operator],
                         { input: password + "\n", encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  const operators = JSON.parse("{" + made.stdout.trim() + "}").operators;
  const faqbotPort = await freePort();
  nginx = await startNginx(faqbotPort);
  https = `https://127.0.0.1:${nginx.https}`;
  http = `http://127.0.0.1:${nginx.http}`;
  // README's settings behind a proxy ("Operating faqbot").
  faqbot = await startServerWith({
    client_ip_header: "X-Forwarded-For", trusted_proxies: ["127.0.0.1"], public_url: https,
    operators, max_connections_per_ip: 2, channels: { directline: { secret: SECRET } },
  }, ["--port", String(faqbotPort)]);
});

after(async () => {
  nginx?.proc?.kill();
  if (faqbot) assert.equal(await faqbot.stop(), 0);
});

// A WebSocket through the proxy from `from` (a loopback address).
function connect(path, from, headers = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(https.replace("https", "wss") + path,
                             { localAddress: from, headers, rejectUnauthorized: false });
    const frames = [];
    let waiting = null;
    ws.on("message", (d) => { frames.push(JSON.parse(d)); if (waiting) waiting(); });
    ws.next = () => new Promise((res, rej) => {
      const take = () => { waiting = null; res(frames.shift()); };
      if (frames.length) return take();
      const timer = setTimeout(() => rej(new Error("no frame in 10 s")), 10000);
      waiting = () => { clearTimeout(timer); take(); };
    });
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_, res) => reject(new Error("HTTP " + res.statusCode)));
    ws.once("error", reject);
  });
}

test("the widget's WebSocket contract over wss through the proxy", async () => {
  const ws = await connect("/ws", "127.0.0.2");
  try {
    const hello = await ws.next();
    assert.equal(hello.type, "session");
    assert.equal((await ws.next()).type, "reply", "the welcome");
    ws.send(JSON.stringify({ text: "what causes liver calcification?" }));
    const reply = await ws.next();
    assert.equal(reply.type, "reply");
    assert.equal(reply.kind, "answer");
    ws.send("not json");
    assert.equal((await ws.next()).type, "error");
  } finally {
    ws.close();
  }
});

test("clients are counted by their own address, from the proxy's header", async () => {
  const held = [await connect("/ws", "127.0.0.2"), await connect("/ws", "127.0.0.2")];
  try {
    await assert.rejects(connect("/ws", "127.0.0.2"), /HTTP 503/,
                         "a third connection from 127.0.0.2 is over its limit of 2");
    await assert.rejects(connect("/ws", "127.0.0.2", { "X-Forwarded-For": "127.0.0.9" }), /HTTP 503/,
                         "a forged header is replaced by the proxy");
    const other = await connect("/ws", "127.0.0.3");
    other.close();
  } finally {
    for (const ws of held) ws.close();
  }
});

test("Direct Line through the proxy: botframework-directlinejs over HTTPS and wss", async () => {
  const domain = `${https}/v3/directline`;
  const directLine = new DirectLine({ secret: SECRET, domain, webSocket: true });
  let subscription;
  try {
    const reply = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no answer in 10 s")), 10000);
      subscription = directLine.activity$.subscribe((a) => {
        if (a.from?.role === "bot" && /parasit/i.test(a.text || "")) { clearTimeout(timer); resolve(a); }
      }, reject);
    });
    directLine.postActivity({ from: { id: "u-1" }, type: "message", text: "worms in liver" })
      .subscribe(() => {}, () => {});
    await reply;
    const started = await (await fetch(`${domain}/conversations`, {
      method: "POST", headers: { Authorization: `Bearer ${SECRET}` } })).json();
    assert.match(started.streamUrl, /^wss:\/\/127\.0\.0\.1:\d+\/v3\/directline\//,
                 "streams are offered on the public HTTPS address");
  } finally {
    subscription?.unsubscribe();
    directLine.end();
  }
});

test("the console over HTTPS only: login, a Secure cookie, its live view", async () => {
  const plain = await fetch(`${http}/console`, { redirect: "manual" });
  assert.equal(plain.status, 301);
  assert.match(plain.headers.get("location"), /^https:\/\//);
  const login = await fetch(`${https}/console/login`, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: operator, password }) });
  assert.equal(login.status, 200);
  const cookie = login.headers.get("set-cookie");
  assert.match(cookie, /; Secure/, "behind the proxy the cookie is HTTPS-only");
  const session = cookie.split(";")[0];
  const state = await fetch(`${https}/console/api/state`, { headers: { Cookie: session } });
  assert.equal(state.status, 200);
  assert.equal((await state.json()).operator, operator);
  const live = await connect("/console/ws", "127.0.0.2", { Cookie: session, Origin: https });
  try {
    const pushed = await live.next();
    assert.equal(pushed.type, "state");
    assert.equal(pushed.operator, operator);
  } finally {
    live.close();
  }
});
