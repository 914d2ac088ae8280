/*
 * faqbot chat widget. Embed with one tag:
 *
 *   <script src="https://bot.example/widget.js" data-server="https://bot.example"></script>
 *
 * data-server is optional (default: where widget.js came from). On an
 * article's page of a library (faqbot serve --packs), data-pack="<pack>"
 * names that article: conversations start there. Plain
 * JavaScript, no dependencies. Text from the server is always rendered as
 * text, never as HTML. Protocol: README.md, "WebSocket contract".
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var server = (script && script.getAttribute("data-server")) ||
      (script ? new URL(script.src, location.href).origin : location.origin);
  var page = (script && script.getAttribute("data-pack")) || "";
  var wsUrl = server.replace(/^http/, "ws").replace(/\/$/, "") + "/ws";
  var storageKey = "faqbot-session:" + server;

  var css = [
    ".fb-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;",
    "border:0;border-radius:28px;padding:14px 20px;background:#0b5394;color:#fff;",
    "font:600 16px system-ui,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer}",
    ".fb-launcher:focus-visible,.fb-panel button:focus-visible,.fb-input:focus-visible",
    "{outline:3px solid #f1c232;outline-offset:2px}",
    ".fb-panel{position:fixed;right:20px;bottom:84px;z-index:2147483001;width:370px;",
    "max-height:min(620px,calc(100vh - 110px));display:flex;flex-direction:column;",
    "background:#fff;color:#1d2733;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);",
    "font:15px/1.45 system-ui,sans-serif;overflow:hidden}",
    ".fb-panel[hidden]{display:none}",
    ".fb-head{display:flex;align-items:center;justify-content:space-between;",
    "padding:10px 14px;background:#0b5394;color:#fff;font-weight:600}",
    ".fb-close{background:none;border:0;color:#fff;font-size:22px;cursor:pointer;line-height:1}",
    ".fb-log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}",
    ".fb-msg{max-width:88%;padding:8px 11px;border-radius:10px;white-space:pre-wrap;",
    "overflow-wrap:anywhere}",
    ".fb-bot{align-self:flex-start;background:#eef2f7}",
    ".fb-user{align-self:flex-end;background:#0b5394;color:#fff}",
    ".fb-urgent{align-self:stretch;max-width:none;background:#fde8e8;color:#7a0b0b;",
    "border:2px solid #c62828;font-weight:600}",
    ".fb-urgent::before{content:'\\26A0  Urgent: ';}",
    ".fb-source{display:block;margin-top:4px;font-size:12px;color:#5b6573}",
    ".fb-caveat{display:block;margin-bottom:6px;font-size:13px;color:#6d4c00}",
    ".fb-operator{background:#e7f6ec}",
    ".fb-from{display:block;font-size:12px;font-weight:600;color:#1c6b3a;margin-bottom:2px}",
    ".fb-note{align-self:stretch;font-size:13px;color:#5b6573;background:#fff8e1;",
    "border-radius:6px;padding:6px 9px}",
    ".fb-error{align-self:center;font-size:13px;color:#8a1c1c}",
    ".fb-choices{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start}",
    ".fb-choice{border:1px solid #0b5394;background:#fff;color:#0b5394;border-radius:16px;",
    "padding:5px 11px;font:inherit;font-size:14px;cursor:pointer}",
    ".fb-choice:hover{background:#e6eef8}",
    ".fb-choice:disabled{border-color:#c3ccd6;color:#7a8592;background:#f6f8fa;cursor:default}",
    ".fb-choice.fb-chosen:disabled{background:#0b5394;border-color:#0b5394;color:#fff}",
    ".fb-more{border:0;background:none;color:#0b5394;font:inherit;font-size:14px;",
    "text-decoration:underline;cursor:pointer;align-self:flex-start;padding:2px 0}",
    ".fb-more:disabled{display:none}",
    ".fb-asked{display:block;font-weight:600;margin-bottom:4px}",
    ".fb-delivered{display:block;font-size:11px;text-align:right;opacity:.85;margin-top:2px}",
    ".fb-typing{align-self:flex-start;color:#5b6573;font-style:italic;font-size:13px}",
    ".fb-form{display:flex;gap:6px;border-top:1px solid #dde3ea;padding:8px}",
    ".fb-input{flex:1;min-width:0;border:1px solid #b8c2cc;border-radius:8px;padding:8px;font:inherit}",
    ".fb-send{border:0;border-radius:8px;background:#0b5394;color:#fff;padding:0 14px;",
    "font:inherit;font-weight:600;cursor:pointer}",
    ".fb-send:disabled{background:#8aa4c2;cursor:default}",
    ".fb-status{font-size:12px;color:#5b6573;padding:0 12px 6px}",
    "@media (max-width:480px){.fb-panel{right:0;bottom:0;width:100%;max-height:100%;",
    "height:100%;border-radius:0}.fb-launcher{right:12px;bottom:12px}}"
  ].join("");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var style = el("style");
  style.textContent = css;
  document.head.appendChild(style);

  var launcher = el("button", "fb-launcher", "Ask a question");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "fb-panel");

  var panel = el("section", "fb-panel");
  panel.id = "fb-panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", "Chat with the FAQ assistant");

  var head = el("div", "fb-head");
  var botName = "FAQ assistant";
  var title = el("span", "fb-title", botName);
  head.appendChild(title);
  var close = el("button", "fb-close", "\u00D7");
  close.type = "button";
  close.setAttribute("aria-label", "Close chat");
  head.appendChild(close);

  var log = el("div", "fb-log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-label", "Conversation");
  log.tabIndex = 0;  // a scrolling region the keyboard can scroll

  var status = el("div", "fb-status");
  status.setAttribute("aria-live", "polite");

  var form = el("form", "fb-form");
  var label = el("label", "", "Your question");
  label.htmlFor = "fb-input";
  label.style.cssText = "position:absolute;left:-9999px";
  var input = el("input", "fb-input");
  input.id = "fb-input";
  input.type = "text";
  input.autocomplete = "off";
  input.maxLength = 1000;
  input.placeholder = "Type your question\u2026";
  var send = el("button", "fb-send", "Send");
  send.type = "submit";
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(send);

  panel.appendChild(head);
  panel.appendChild(log);
  panel.appendChild(status);
  panel.appendChild(form);
  document.body.appendChild(launcher);
  document.body.appendChild(panel);

  var socket = null;
  var sessionId = null;
  try { sessionId = sessionStorage.getItem(storageKey); } catch (e) {}
  // Messages sent and not yet answered, oldest first. Each carries an id;
  // after a reconnect they are sent again, and the server answers an id it
  // has answered before from its record, so nothing is lost or run twice.
  var unanswered = [];
  var nextId = 0;
  // How many of an operator's messages this session has shown: after a
  // reconnect the server sends those written while the widget was away.
  var operatorSeen = 0;
  try { operatorSeen = Number(sessionStorage.getItem(storageKey + ":seen")) || 0; } catch (e) {}
  var idPrefix = "m" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6) + "-";
  var typing = null;
  var retry = 0;
  var disclaimerShown = false;
  var connectionLost = "Connection lost; reconnecting\u2026";
  var lastUser = null;  // the person's last message, for its delivered mark

  function scroll() { log.scrollTop = log.scrollHeight; }

  function showTyping(on) {
    if (on && !typing) {
      typing = el("div", "fb-typing", "Assistant is typing\u2026");
      typing.setAttribute("aria-hidden", "true");
      log.appendChild(typing);
    } else if (!on && typing) {
      typing.remove();
      typing = null;
    }
    scroll();
  }

  function addUser(text) {
    lastUser = el("div", "fb-msg fb-user", text);
    log.appendChild(lastUser);
    scroll();
  }

  // Buttons of earlier replies are spent: greyed and inert, the one picked
  // marked. A "More topics" link not opened goes away.
  function disableOldChoices() {
    var old = log.querySelectorAll(".fb-choices button, .fb-more");
    for (var i = 0; i < old.length; i++) old[i].disabled = true;
  }

  // "Source: section 2, “Heading”" or "Source: the summary of “Title”".
  function sourceLine(source) {
    var title = "\u201c" + source.title + "\u201d";
    // In a library the article is named too, unless the title is its own.
    var article = source.article && source.article !== source.title
        ? " of the article \u201c" + source.article + "\u201d" : "";
    return source.section === 0 ? "Source: the summary of " + title
                                : "Source: section " + source.section + ", " + title + article;
  }

  // One answer: the question it answers when the message asked several,
  // what the article does not say, then the text and where in the article
  // it comes from.
  function addAnswer(a, heading) {
    var msg = el("div", "fb-msg fb-bot");
    if (heading) msg.appendChild(el("span", "fb-asked", heading));
    if (a.caveat) msg.appendChild(el("span", "fb-caveat", a.caveat));
    msg.appendChild(document.createTextNode(a.text));
    if (a.source && a.kind === "answer") {
      msg.appendChild(el("span", "fb-source", sourceLine(a.source)));
    }
    log.appendChild(msg);
  }

  function addChoices(choices) {
    var box = el("div", "fb-choices");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Suggested topics");
    choices.forEach(function (c) {
      var b = el("button", "fb-choice", c.title);
      b.type = "button";
      b.addEventListener("click", function () {
        b.classList.add("fb-chosen");
        b.setAttribute("aria-pressed", "true");
        choose(c);
      });
      box.appendChild(b);
    });
    log.appendChild(box);
    return box;
  }

  // After an answer the article's topics wait behind one link, so the
  // chat does not fill with the same buttons; a clarify, a fallback or the
  // menu shows them at once.
  function addTopicsOnRequest(choices) {
    var more = el("button", "fb-more", "More topics");
    more.type = "button";
    more.setAttribute("aria-expanded", "false");
    more.addEventListener("click", function () {
      more.remove();
      var box = addChoices(choices);
      var first = box.querySelector("button");
      if (first) first.focus();
      scroll();
    });
    log.appendChild(more);
  }

  function addReply(r) {
    if (r.notice) log.appendChild(el("div", "fb-note", r.notice));
    if (r.disclaimer && !disclaimerShown) {
      disclaimerShown = true;
      log.appendChild(el("div", "fb-note fb-disclaimer", r.disclaimer));
    }
    var urgent = r.kind === "escalation";
    if (urgent) {
      var alert = el("div", "fb-msg fb-urgent", r.text);
      alert.setAttribute("role", "alert");
      log.appendChild(alert);
    } else if (r.parts && r.parts.length) {
      // Several questions: the note for the whole message, then one
      // answer each, with its own source.
      if (r.caveat) log.appendChild(el("div", "fb-note fb-caveat", r.caveat));
      r.parts.forEach(function (p) {
        addAnswer(p, p.question ? "\u201c" + p.question + "\u201d"
                                : (p.source && p.source.section ? p.source.title : ""));
      });
    } else {
      addAnswer(r);
    }
    disableOldChoices();
    if (r.choices && r.choices.length) {
      var asksToPick = r.kind !== "answer" ||
          (r.parts || []).some(function (p) { return p.kind === "clarify"; });
      if (asksToPick) addChoices(r.choices);
      else addTopicsOnRequest(r.choices);
    }
    scroll();
  }

  // From the handoff: a person's message (with their name), or news
  // ("A person has joined...").
  function addPush(m) {
    // Who is talking: the operator's name in the header while they hold
    // the conversation.
    if (m.kind === "operator" && m.from) title.textContent = m.from;
    if (m.intent === "handoff.joined" && m.operator) title.textContent = m.operator;
    if (m.intent === "handoff.left" || m.intent === "handoff.gave_up") {
      title.textContent = botName;
    }
    if (m.kind === "operator") {
      operatorSeen++;
      try { sessionStorage.setItem(storageKey + ":seen", String(operatorSeen)); } catch (e) {}
      var msg = el("div", "fb-msg fb-bot fb-operator");
      msg.appendChild(el("span", "fb-from", m.from));
      msg.appendChild(document.createTextNode(m.text));
      log.appendChild(msg);
    } else {
      var note = el("div", "fb-note fb-handoff", m.text);
      note.setAttribute("role", "status");
      log.appendChild(note);
    }
    scroll();
  }

  function transmit(frame) {
    frame.id = idPrefix + (nextId++);
    if (page) frame.page = page;
    unanswered.push(frame);
    showTyping(true);
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
    } else {
      connect();  // sent once open
    }
  }

  // The message a reply or error answers: the one with its id, else (an
  // error about a frame the server could not read) the oldest.
  function answered(m) {
    var at = -1;
    for (var i = 0; i < unanswered.length; i++) {
      if (unanswered[i].id === m.id) at = i;
    }
    if (at < 0 && !m.id && m.type === "error") at = 0;
    if (at >= 0) unanswered.splice(at, 1);
  }

  function choose(c) {
    addUser(c.title);
    transmit({ choice: c.id });
  }

  function connect() {
    if (socket && (socket.readyState === WebSocket.OPEN ||
                   socket.readyState === WebSocket.CONNECTING)) return;
    status.textContent = retry ? "Reconnecting\u2026" : "Connecting\u2026";
    socket = new WebSocket(wsUrl + (sessionId ? "?session=" + encodeURIComponent(sessionId) +
                                                "&seen=" + operatorSeen : ""));
    socket.onopen = function () {
      retry = 0;
      status.textContent = "";
      showTyping(unanswered.length > 0);
      // What was sent before and not answered (the reply was lost with the
      // connection), and what waited for the connection: in order.
      unanswered.forEach(function (f) { socket.send(JSON.stringify(f)); });
    };
    socket.onmessage = function (event) {
      var m;
      try { m = JSON.parse(event.data); } catch (e) { return; }
      if (m.type === "session") {
        if (m.session !== sessionId) operatorSeen = 0;  // a new session
        sessionId = m.session;
        try { sessionStorage.setItem(storageKey, sessionId); } catch (e) {}
        if (m.connection_lost) connectionLost = m.connection_lost;
        if (m.notice) {
          var restarted = el("div", "fb-note fb-restarted", m.notice);
          restarted.setAttribute("role", "status");
          log.appendChild(restarted);
          title.textContent = botName;
          scroll();
        }
        return;
      }
      if (m.type === "reply" || m.type === "error") {
        var before = unanswered.length;
        answered(m);
        showTyping(unanswered.length > 0);
        // A reply to a message answered already (sent again, and the
        // first reply came after all) is not shown twice.
        if (m.id && unanswered.length === before) return;
      }
      // "held": passed on to the person who took the conversation, whom
      // the delivered mark under the message names.
      if (m.type === "reply" && m.kind === "held" && lastUser &&
          !lastUser.querySelector(".fb-delivered")) {
        // Named when the header knows who holds it (not after a reload).
        var to = title.textContent === botName ? "" : " to " + title.textContent;
        lastUser.appendChild(el("span", "fb-delivered", "\u2713 Delivered" + to));
      }
      if (m.type === "reply" && m.kind !== "held") addReply(m);
      if (m.type === "push") addPush(m);
      if (m.type === "error") {
        log.appendChild(el("div", "fb-error", "Sorry: " + m.error));
        scroll();
      }
    };
    socket.onclose = function () {
      socket = null;
      if (panel.hidden && !unanswered.length) return;  // reconnect when needed
      retry++;
      // Nobody is typing while there is no connection.
      showTyping(false);
      status.textContent = connectionLost;
      setTimeout(connect, Math.min(10000, 500 * Math.pow(2, retry)));
    };
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    connect();
    input.focus();
  }

  function hide() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", function () { panel.hidden ? open() : hide(); });
  close.addEventListener("click", hide);
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    addUser(text);
    transmit({ text: text });
  });
})();
