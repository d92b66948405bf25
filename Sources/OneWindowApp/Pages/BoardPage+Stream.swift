extension BoardPage {
    /// Follows `/api/v1/events`. The `state` event draws the whole board; a call or a recall
    /// updates it at once and is announced; every change also asks `/api/v1/queue` and
    /// `/api/v1/windows` (at most every 300 ms) for the counts and estimates, which only the
    /// server can compute. An event newer than the last `state` is live; one replayed after a
    /// reconnect (`Last-Event-ID`) is announced only when under 30 s old by the server's clock.
    /// While the stream is down the numbers dim and the status says so.
    static let following = #"""
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
          board.calls = queue.lastCalls.map((call) => ({ number: call.number, window: call.window }));
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
          const call = { number: event.number, window: event.window };
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
        """#
}
