extension BoardPage {
    /// The page's one script: drawing, announcing, then following the stream. Its SHA-256 is
    /// in the page's security policy, so the browser runs this text and nothing else.
    /// Wrapped in a function, so that nothing it declares is global.
    static let script = "(() => {\n" + [drawing, announcing, following].joined(separator: "\n") + "\n})();"

    /// Draws the board from what it knows: the windows, the queue letters and the last calls.
    /// Every server text goes in with `textContent`.
    static let drawing = #"""
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
          $("now-window").textContent = call ? "请到 " + windowName(call.window) + " 办理" : "";
          fit($("now").querySelector(".call"), 12);
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
            item.append(make("span", "number", call.number), make("span", "", call.window + "号窗口"));
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
          fitAll(list.querySelectorAll(".services"), 11);
        }
        // The hall's name gives way to the status badges beside it.
        const fitHeader = () => fit($("hall"), 16, true);
        function drawAll() { fitHeader(); drawNow(); drawWindows(); drawCalls(); drawLines(); }
        window.addEventListener("resize", drawAll);
        """#
}
