/// The hall display board (`/board`), for a screen in the hall at 1920×1080 or 1080×1920:
/// the current call in large type, a "now serving" grid per window, the last ten calls, and
/// for each queue letter its services, how many wait and the estimated wait.
///
/// It follows `/api/v1/events` (EventSource reconnects by itself and resumes with
/// `Last-Event-ID`); each new call or recall flashes, chimes (WebAudio) and is spoken twice.
/// Browsers block sound until someone taps, so the page says so and offers a tap once; a kiosk
/// browser started with `--autoplay-policy=no-user-gesture-required` needs no tap.
///
/// The only page with JavaScript: a board must update without anyone touching it. Its one
/// inline script is allowed by hash (`contentSecurityPolicy`); all text from the server is set
/// with `textContent`, never parsed as HTML. The page holds no hall data itself: everything
/// comes from the `state` event, so one prepared response serves every board.
enum BoardPage {
    static func render() -> String {
        """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="icon" href="data:,">
        <title>叫号显示屏</title>
        <style>\(css)</style>
        </head>
        <body class="stale">
        <header>
        <h1 id="hall">办事大厅</h1>
        <p class="indicators"><span id="speech" class="badge">语音播报：检测中</span>\
        <span id="status" class="badge" role="status">连接中…</span></p>
        </header>
        <main>
        <section id="now" class="now" aria-labelledby="now-title">
        <h2 id="now-title">正在叫号</h2>
        <p class="call" aria-live="assertive" aria-atomic="true"><span id="now-number" class="number empty">暂无叫号</span>\
        <span id="now-window" class="to"></span></p>
        </section>
        <section class="windows" aria-labelledby="windows-title">
        <h2 id="windows-title">各窗口正在办理</h2>
        <ul id="windows" class="grid"></ul>
        </section>
        <section class="recent" aria-labelledby="recent-title">
        <h2 id="recent-title">最近叫号</h2>
        <ol id="calls" class="calls"><li class="none">暂无叫号</li></ol>
        </section>
        <section class="queues" aria-labelledby="queues-title">
        <h2 id="queues-title">取号队列与预计等候</h2>
        <ul id="queues" class="lines"></ul>
        </section>
        <button id="unlock" class="unlock" type="button" hidden>点击开启语音播报\
        <span>叫号时播放提示音并语音播报</span></button>
        </main>
        <script>\(script)</script>
        </body>
        </html>
        """
    }

    /// What the board says and shows when nobody has been called yet today.
    static let emptyText = "暂无叫号"
    /// The one-time overlay's text while the browser blocks sound.
    static let unlockText = "点击开启语音播报"
}
