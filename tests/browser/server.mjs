// Starts `faqbot serve --port 0` for a test and stops it with SIGTERM;
// helpers the browser tests share.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// A loopback TCP port nothing listens on right now.
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// A real redis-server on a free loopback port, without persistence.
export async function startRedis() {
  const port = await freePort();
  const proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1",
                                      "--save", "", "--appendonly", "no"],
                     { stdio: "ignore" });
  for (let i = 0; i < 200; i++) {
    const ping = spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" });
    if (ping.stdout.trim() === "PONG") return { port, stop: () => proc.kill("SIGKILL") };
    await new Promise((r) => setTimeout(r, 25));
  }
  proc.kill("SIGKILL");
  throw new Error("redis-server did not start");
}

// Starts the server with these settings (the JSON config file's shape).
export async function startServerWith(config, args = []) {
  const file = join(mkdtempSync(join(tmpdir(), "faqbot-config-")), "config.json");
  writeFileSync(file, JSON.stringify(config));
  return startServer(["--config", file, ...args]);
}

export async function startServer(args = []) {
  const bin = process.env.FAQBOT_BIN;
  if (!bin) throw new Error("set FAQBOT_BIN to the faqbot executable (CTest does)");
  const transcripts = join(mkdtempSync(join(tmpdir(), "faqbot-")), "transcripts.db");
  // A free port unless the test names one.
  const port = args.includes("--port") ? [] : ["--port", "0"];
  const proc = spawn(bin, ["serve", ...port, "--transcripts", transcripts, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("server did not start: " + stderr)), 10000);
    proc.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/[0-9.]+:\d+\//);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    proc.on("exit", (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
  return {
    url,
    proc,
    // SIGTERM, then the exit code (null if it took longer than `ms`).
    stop(ms = 5000) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => { proc.kill("SIGKILL"); resolve(null); }, ms);
        proc.on("exit", (code) => { clearTimeout(timer); resolve(code); });
        proc.kill("SIGTERM");
      });
    },
  };
}

export const chromiumFlags = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
  "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run",
];
export const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

// The serious and critical accessibility violations axe-core finds on the
// page as it is now (WCAG 2 A and AA rules), as "rule: target" lines.
export async function axeViolations(page) {
  const { createRequire } = await import("node:module");
  const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "best-practice"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

// The text of the widget's last bot message once it contains `words`.
export async function botSays(page, words) {
  await page.waitForFunction(
    (w) => {
      const all = document.querySelectorAll(".fb-bot, .fb-urgent");
      const last = all[all.length - 1];
      return last && last.textContent.toLowerCase().includes(w);
    },
    words.toLowerCase(),
    { timeout: 10000 },
  );
  return page.locator(".fb-bot, .fb-urgent").last().textContent();
}
