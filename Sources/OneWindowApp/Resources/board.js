(() => {
"use strict";
const $ = (id) => document.getElementById(id);
const board = { windows: [], lines: [], calls: [], services: [] };
function make(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}
// The server's minutes (WaitMinutes.told): 0 only when nobody waits.
function estimateText(line) {
  if (line.estimatedWaitMinutes === undefined || line.estimatedWaitMinutes === null) return "暂无窗口办理";
  if (line.estimatedWaitMinutes === 0) return "无需等候";
  return "预计约 " + line.estimatedWaitMinutes + " 分钟";
}
// Shrinks a text until it fits its box, down to `smallest` pixels; a one-line text
// (`across`) only needs to fit across.
function fit(element, smallest, across) {
  element.style.fontSize = "";
  let size = parseFloat(getComputedStyle(element).fontSize);
  const overflows = () => element.scrollWidth > element.clientWidth + 1 ||
    (!across && element.scrollHeight > element.clientHeight + 1);
  while (size > smallest && overflows()) {
    size = Math.max(smallest, size * 0.9);
    element.style.fontSize = size + "px";
  }
}
// Fits each, then gives all the smallest size, so that neighbours look alike.
function fitAll(elements, smallest, across) {
  const list = [...elements];
  for (const element of list) fit(element, smallest, across);
  const size = Math.min(...list.map((element) => parseFloat(getComputedStyle(element).fontSize)));
  for (const element of list) element.style.fontSize = size + "px";
}
const portrait = () => window.innerHeight > window.innerWidth;
function drawNow() {
  const call = board.calls[0];
  const number = $("now-number");
  number.textContent = call ? call.number : "暂无叫号";
  number.className = call ? "number" : "number empty";
  if (call && call.channel) number.append(mark(call.channel));
  $("now-window").textContent = call ? "请到 " + windowName(call.window) + " 办理" : "";
  fit($("now").querySelector(".call"), 12);
}
// 约: an appointment ticket (checked in from a booking), called ahead of walk-ins;
// 线: a remote ticket (线上取号), taken from a phone and checked in at a kiosk.
function mark(channel) {
  const element = make("span", "mark", channel === "remote" ? "线" : "约");
  element.title = channel === "remote" ? "线上取号" : "预约";
  return element;
}
// The channel a board marks: appointment or remote; a walk-in has no mark.
function markedChannel(channel) {
  return channel === "appointment" || channel === "remote" ? channel : null;
}
function windowName(id) {
  const known = board.windows.find((hallWindow) => hallWindow.id === id);
  return known ? known.name : id + "号窗口";
}
function drawWindows() {
  const list = $("windows");
  const count = Math.max(1, board.windows.length);
  const columns = portrait() ? Math.min(count, count <= 4 ? 2 : 3) : Math.min(count, count <= 4 ? count : Math.ceil(count / 2));
  list.style.setProperty("--cols", columns);
  list.style.setProperty("--rows", Math.ceil(count / columns));
  list.replaceChildren(...board.windows.map((hallWindow) => {
    const item = make("li");
    item.dataset.window = hallWindow.id;
    item.append(make("span", "name", hallWindow.name));
    if (hallWindow.paused) item.append(make("span", "idle", "暂停服务"));
    else if (hallWindow.currentTicket) item.append(make("span", "number", hallWindow.currentTicket));
    else item.append(make("span", "idle", "等待叫号"));
    return item;
  }));
  fitAll(list.children, 8);
  for (const name of list.querySelectorAll(".name")) fit(name, 12, true);
}
function drawCalls() {
  const list = $("calls");
  if (board.calls.length === 0) { list.replaceChildren(make("li", "none", "暂无叫号")); return; }
  list.replaceChildren(...board.calls.slice(0, 10).map((call) => {
    const item = make("li");
    const number = make("span", "number", call.number);
    if (call.channel) number.append(mark(call.channel));
    item.append(number, make("span", "", call.window + "号窗口"));
    return item;
  }));
}
function drawLines() {
  const list = $("queues");
  const count = Math.max(1, board.lines.length);
  const columns = portrait() ? Math.min(count, 2) : Math.min(count, 4);
  list.style.setProperty("--qcols", columns);
  list.style.setProperty("--qrows", Math.ceil(count / columns));
  list.replaceChildren(...board.lines.map((line) => {
    const item = make("li");
    const head = make("p", "line-head");
    const waiting = make("span", "waiting", "等候 ");
    waiting.append(make("b", "", String(line.waiting)), " 人");
    head.append(make("span", "letter", line.prefix), waiting, make("span", "estimate", estimateText(line)));
    const names = board.services.filter((service) => service.queuePrefix === line.prefix)
      .map((service) => service.name).join("、");
    item.append(head, make("p", "services", names));
    return item;
  }));
  fitAll(list.querySelectorAll(".line-head"), 10, true);
  // Never under 2.6vmin (28 px on a 1080-pixel screen): the names are read from the seats.
  fitAll(list.querySelectorAll(".services"), 2.6 * Math.min(window.innerWidth, window.innerHeight) / 100);
  for (const names of list.querySelectorAll(".services")) pageLines(names);
}
// Names that do not fit even then are shown a page of whole lines at a time (turnPages), never
// cut through a line: the box is cut to whole lines and padded to whole pages.
function pageLines(names) {
  const line = parseFloat(getComputedStyle(names).lineHeight);
  const lines = Math.max(1, Math.floor(names.clientHeight / line));
  names.style.maxHeight = lines * line + "px";
  // Half a line of slack: a line of mixed fonts can stand a few pixels taller than line-height.
  const pages = Math.max(1, Math.ceil((names.scrollHeight - line / 2) / (lines * line)));
  names.style.paddingBottom = Math.max(0, pages * lines * line - names.scrollHeight) + "px";
  names.dataset.pages = pages;
  names.dataset.page = 0;
  names.scrollTop = 0;
}
function turnPages() {
  for (const names of document.querySelectorAll("#queues .services")) {
    const pages = Number(names.dataset.pages || 1);
    if (pages < 2) continue;
    names.dataset.page = (Number(names.dataset.page) + 1) % pages;
    names.scrollTop = Number(names.dataset.page) * names.clientHeight;
  }
}
setInterval(turnPages, 6000);
// The hall's name gives way to the status badges beside it.
const fitHeader = () => fit($("hall"), 16, true);
function drawAll() { fitHeader(); drawNow(); drawWindows(); drawCalls(); drawLines(); }
window.addEventListener("resize", drawAll);
const sound = { context: null, blocked: true, refused: false, speech: "speechSynthesis" in window, offered: false };
function audioContext() {
  if (!sound.context) {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (Context) {
      sound.context = new Context();
      sound.context.onstatechange = showSound;
    }
  }
  return sound.context;
}
function showSound() {
  const context = audioContext();
  sound.blocked = !context || context.state !== "running" || sound.refused;
  const badge = $("speech");
  if (!sound.speech && !context) { badge.textContent = "本机不支持语音播报"; badge.className = "badge warn"; return; }
  badge.textContent = sound.blocked ? "语音未开启：请点击屏幕" : "语音播报已开启";
  badge.className = sound.blocked ? "badge warn" : "badge";
  if (!sound.blocked) showUnlock(false);
  fitHeader();
}
// The corner button takes a strip of its own under the board, so the board is drawn again to
// fit the room left whenever it comes or goes.
function showUnlock(shown) {
  const button = $("unlock");
  if (button.hidden === !shown) return;
  button.hidden = !shown;
  drawAll();
}
// The button is offered once per page load; the header badge stays while sound is blocked.
function offerUnlock() {
  showSound();
  if (sound.blocked && !sound.offered) { sound.offered = true; showUnlock(true); }
}
function unlock() {
  const context = audioContext();
  sound.refused = false;
  if (context && context.state !== "running") context.resume().then(showSound, showSound);
  if (sound.speech) {
    const silent = new SpeechSynthesisUtterance(" ");
    silent.volume = 0;
    window.speechSynthesis.speak(silent);
  }
  showUnlock(false);
  showSound();
}
$("unlock").addEventListener("click", unlock);
document.addEventListener("pointerdown", unlock);
document.addEventListener("keydown", unlock);
function chime() {
  const context = audioContext();
  if (!context || context.state !== "running") return 0;
  const start = context.currentTime + 0.05;
  [[880, 0], [659, 0.45]].forEach(([pitch, offset]) => {
    const tone = context.createOscillator();
    const level = context.createGain();
    tone.type = "sine";
    tone.frequency.value = pitch;
    level.gain.setValueAtTime(0.0001, start + offset);
    level.gain.exponentialRampToValueAtTime(0.6, start + offset + 0.02);
    level.gain.exponentialRampToValueAtTime(0.0001, start + offset + 1.1);
    tone.connect(level).connect(context.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 1.2);
  });
  return 1700;
}
const digits = "零一二三四五六七八九";
// 请A012号到3号窗口办理, with each digit of the number said on its own (A 零 一 二).
const spoken = (call) => "请 " + call.number.split("").map((c) => digits[c] || c).join(" ") +
  " 号，到 " + call.window + " 号窗口办理";
function say(call, done) {
  if (!sound.speech || sound.blocked) { setTimeout(done, 2500); return; }
  let finished = false;
  const finish = () => { if (!finished) { finished = true; clearTimeout(guard); setTimeout(done, 600); } };
  // Some systems have no Chinese voice and never end an utterance: move on anyway.
  const guard = setTimeout(finish, 15000);
  for (const round of [1, 2]) {
    const words = new SpeechSynthesisUtterance(spoken(call));
    words.lang = "zh-CN";
    words.rate = 0.9;
    words.onerror = (event) => {
      if (event.error === "not-allowed") { sound.refused = true; showSound(); finish(); }
      if (round === 2) finish();
    };
    if (round === 2) words.onend = finish;
    window.speechSynthesis.speak(words);
  }
}
function flash(call) {
  const cell = $("windows").querySelector("[data-window=\"" + CSS.escape(call.window) + "\"]");
  for (const element of [$("now"), cell]) {
    if (!element) continue;
    element.classList.remove("flash");
    void element.offsetWidth;
    element.classList.add("flash");
  }
}
const pending = [];
let speaking = false;
function announce(call) {
  pending.push(call);
  // A burst after a long outage is not read out in full: the last five are enough.
  if (pending.length > 5) pending.splice(0, pending.length - 5);
  if (!speaking) announceNext();
}
function announceNext() {
  const call = pending.shift();
  speaking = Boolean(call);
  if (!call) return;
  flash(call);
  setTimeout(() => say(call, announceNext), chime());
}
// Made at once: a context the browser lets play turns "running" a moment later.
audioContext();
setTimeout(offerUnlock, 800);
let source = null;
let liveAfter = 0;
let stateAt = 0;
let refreshTimer = null;
let refreshAsked = 0;
let refreshShown = 0;
function setLive(live) {
  document.body.classList.toggle("stale", !live);
  const status = $("status");
  status.textContent = live ? "实时更新" : "连接中断，号码可能不是最新，正在重连…";
  status.className = live ? "badge" : "badge warn";
  fitHeader();
}
function applyQueue(queue) {
  board.lines = queue.queues;
  board.calls = queue.lastCalls.map((call) => ({
    number: call.number, window: call.window, channel: markedChannel(call.channel) }));
}
function json(path) {
  return fetch(path, { cache: "no-store" }).then((answer) => {
    if (!answer.ok) throw new Error(path + ": " + answer.status);
    return answer.json();
  });
}
function refreshSoon() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    const asked = ++refreshAsked;
    Promise.all([json("/api/v1/queue"), json("/api/v1/windows")]).then(([queue, windows]) => {
      if (asked < refreshShown) return;
      refreshShown = asked;
      applyQueue(queue);
      board.windows = windows.windows;
      drawAll();
    }).catch(() => {});
  }, 300);
}
function called(message) {
  const event = JSON.parse(message.data);
  if (!event.number || !event.window) return;
  const call = { number: event.number, window: event.window, channel: markedChannel(event.channel) };
  board.calls = [call, ...board.calls.filter((old) => old.number !== call.number)].slice(0, 10);
  for (const hallWindow of board.windows) {
    if (hallWindow.id === call.window) hallWindow.currentTicket = call.number;
    else if (hallWindow.currentTicket === call.number) hallWindow.currentTicket = null;
  }
  drawAll();
  if (event.id > liveAfter || stateAt - Date.parse(event.at) < 30000) announce(call);
  refreshSoon();
}
function changed(message) {
  const event = JSON.parse(message.data);
  for (const hallWindow of board.windows) {
    if (hallWindow.id === event.window && (event.kind === "paused" || event.kind === "resumed")) {
      hallWindow.paused = event.kind === "paused";
    }
    if (event.kind !== "issued" && event.number && hallWindow.currentTicket === event.number) hallWindow.currentTicket = null;
  }
  drawWindows();
  refreshSoon();
}
function connect() {
  source = new EventSource("/api/v1/events");
  source.onerror = () => {
    setLive(false);
    // A refused stream (503 while the daemon stops) is not retried by EventSource itself.
    if (source.readyState === EventSource.CLOSED) { source.close(); setTimeout(connect, 5000); }
  };
  source.addEventListener("state", (message) => {
    const state = JSON.parse(message.data);
    liveAfter = state.lastEventId;
    stateAt = Date.parse(state.at);
    $("hall").textContent = state.hall;
    document.title = state.hall + " 叫号显示屏";
    board.windows = state.windows;
    board.services = state.services;
    applyQueue(state.queue);
    drawAll();
    setLive(true);
  });
  for (const kind of ["called", "recalled"]) source.addEventListener(kind, called);
  for (const kind of ["issued", "transferred", "completed", "no_show", "expired", "paused", "resumed"]) {
    source.addEventListener(kind, changed);
  }
}
drawAll();
connect();
})();