// nlp.js (node-nlp), the peer scripts/bench times faqbot against: trained
// as its README shows (addDocument, train, process) on a pack's
// conversation tests, each question labelled with the node faqbot's test
// expects, then classifying the same questions Bot::Handle's benchmark
// uses, over and over for a while. Prints one line:
//   RESULT us_per_msg=... messages=... intents=... trained_ms=...
//   node classify.mjs <pack folder> [seconds]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { NlpManager } from "node-nlp";

const pack = process.argv[2];
const seconds = Number(process.argv[3] || 3);
const lines = readFileSync(join(pack, "conversations.txt"), "utf8").split("\n");

// "> question" then "< kind node": the question and its node.
const labelled = [];
const questions = [];
for (let i = 0; i < lines.length; i++) {
  if (!lines[i].startsWith("> ")) continue;
  const question = lines[i].slice(2);
  questions.push(question);
  const expect = (lines[i + 1] || "").match(/^< \w+ (\S+)/);
  if (expect && !/^\d+$/.test(question)) labelled.push([question, expect[1]]);
}

// autoSave off: it would write model.nlp into the working folder.
const manager = new NlpManager({ languages: ["en"], nlu: { log: false }, autoSave: false });
for (const [question, node] of labelled) manager.addDocument("en", question, node);
const started = performance.now();
await manager.train();
const trainedMs = performance.now() - started;

// Warm up, then time.
for (const q of questions) await manager.process("en", q);
let n = 0;
const t0 = performance.now();
while (performance.now() - t0 < seconds * 1000) {
  await manager.process("en", questions[n % questions.length]);
  n++;
}
const us = ((performance.now() - t0) * 1000) / n;
console.log(`RESULT us_per_msg=${us.toFixed(1)} messages=${n} ` +
            `intents=${new Set(labelled.map((l) => l[1])).size} ` +
            `trained_ms=${trainedMs.toFixed(0)}`);
