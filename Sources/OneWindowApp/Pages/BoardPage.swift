/// The hall display board (`/board`): the current call in large type, the last calls and the
/// waiting count per queue. It follows `/api/v1/events` (EventSource reconnects by itself and
/// resumes with `Last-Event-ID`) and speaks each call with the browser's speech synthesis.
///
/// The only page with JavaScript: a board must update without anyone touching it. All text
/// from the server is set with `textContent`, never parsed as HTML.
enum BoardPage {
    static func render() -> String {
        """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>叫号显示屏</title>
        <style>\(css)</style>
        </head>
        <body>
        <header><h1 id="hall">办事大厅</h1><span id="status" class="status">连接中…</span></header>
        <main>
        <section class="current" aria-live="assertive">
        <p class="label">请以下号码到窗口办理</p>
        <p id="current" class="call">—</p>
        </section>
        <section class="side">
        <h2>最近叫号</h2>
        <ol id="calls" class="calls"></ol>
        <h2>等候人数</h2>
        <ul id="queues" class="queues"></ul>
        </section>
        </main>
        <script>\(script)</script>
        </body>
        </html>
        """
    }

    static let css = """
        *{box-sizing:border-box}
        body{margin:0;background:#0b1f3a;color:#fff;font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
        header{display:flex;justify-content:space-between;align-items:center;padding:1vh 3vw;background:#b71c1c}
        h1{margin:0;font-size:4vh}
        .status{font-size:2.2vh;opacity:.9}
        .status.down{color:#ffd54f}
        main{display:grid;grid-template-columns:2fr 1fr;gap:3vw;padding:3vh 3vw}
        .label{font-size:3.5vh;margin:0 0 2vh;color:#bbdefb}
        .call{font-size:12vh;font-weight:bold;margin:0;color:#ffeb3b;line-height:1.2;white-space:nowrap}
        h2{font-size:3vh;margin:0 0 1vh;color:#bbdefb;border-bottom:2px solid #1e3a5f}
        .calls{list-style:none;margin:0 0 3vh;padding:0;font-size:4vh}
        .calls li{padding:.5vh 0;border-bottom:1px solid #1e3a5f}
        .queues{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1.5vw;font-size:3.5vh}
        .queues li{background:#1e3a5f;padding:1vh 1.5vw;border-radius:1vh}
        """

    static let script = """
        "use strict";
        const $ = (id) => document.getElementById(id);
        const line = (number, window) => number + " → " + window + "号窗口";
        function speak(number, window) {
          if (!("speechSynthesis" in window_)) return;
          const words = new SpeechSynthesisUtterance("请" + number.split("").join(" ") + "号到" + window + "号窗口办理");
          words.lang = "zh-CN";
          window_.speechSynthesis.speak(words);
        }
        const window_ = window;
        function showCalls(calls) {
          const list = $("calls");
          list.replaceChildren(...calls.slice(0, 10).map((call) => {
            const item = document.createElement("li");
            item.textContent = line(call.number, call.window);
            return item;
          }));
          if (calls.length > 0) $("current").textContent = line(calls[0].number, calls[0].window);
        }
        function showQueues(queues) {
          $("queues").replaceChildren(...queues.map((queue) => {
            const item = document.createElement("li");
            item.textContent = queue.prefix + " 队列：" + queue.waiting + " 人";
            return item;
          }));
        }
        function showQueue(queue) {
          showCalls(queue.lastCalls);
          showQueues(queue.queues);
        }
        let refresh = null;
        function refreshSoon() {
          if (refresh) return;
          refresh = setTimeout(() => {
            refresh = null;
            fetch("/api/v1/queue").then((r) => r.json()).then(showQueue).catch(() => {});
          }, 300);
        }
        const events = new EventSource("/api/v1/events");
        events.onopen = () => { $("status").textContent = "实时"; $("status").className = "status"; };
        events.onerror = () => { $("status").textContent = "连接中断，正在重连…"; $("status").className = "status down"; };
        events.addEventListener("state", (message) => {
          const state = JSON.parse(message.data);
          $("hall").textContent = state.hall;
          document.title = state.hall + " 叫号显示屏";
          showQueue(state.queue);
        });
        for (const kind of ["called", "recalled"]) {
          events.addEventListener(kind, (message) => {
            const event = JSON.parse(message.data);
            if (!event.number || !event.window) return;
            $("current").textContent = line(event.number, event.window);
            // Replayed calls (after a reconnect) are shown but not spoken again.
            if (Date.now() - Date.parse(event.at) < 60000) speak(event.number, event.window);
            refreshSoon();
          });
        }
        for (const kind of ["issued", "transferred", "completed", "no_show", "expired", "paused", "resumed"]) {
          events.addEventListener(kind, refreshSoon);
        }
        """
}
