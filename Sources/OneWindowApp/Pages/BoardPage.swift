/// The hall display board (`/board`), for a screen in the hall at 1920×1080 or 1080×1920:
/// the current call in large type, a "now serving" grid per window, the last ten calls, and
/// for each queue letter its services, how many wait and the estimated wait.
///
/// It follows `/api/v1/events` (EventSource reconnects by itself and resumes with
/// `Last-Event-ID`); each new call or recall flashes, chimes (WebAudio) and is spoken twice.
/// Browsers block sound until someone taps, so the page says so in a corner button; a kiosk
/// browser started with `--autoplay-policy=no-user-gesture-required` needs no tap.
///
/// The only page with JavaScript: a board must update without anyone touching it. Its one
/// inline script is allowed by hash (`contentSecurityPolicy`); all text from the server is set
/// with `textContent`, never parsed as HTML. The page holds no hall data itself: everything
/// comes from the `state` event, so one prepared response serves every board.
enum BoardPage {
    static func render() -> String {
        Markup.document(
            .element("html", [Attribute("lang", "zh-CN")]) {
                Markup.newline
                Markup.element("head") {
                    Markup.headStart
                    // No favicon request: a data URL, which SafeURL rightly refuses from data.
                    Markup.raw("<link rel=\"icon\" href=\"data:,\">\n")
                    Markup.element("title") { "叫号显示屏" }
                    Markup.element("style") { Markup.resource(.boardStyle) }
                    Markup.newline
                }
                Markup.newline
                Markup.element("body", [.class("stale")]) {
                    Markup.newline
                    header
                    Markup.newline
                    Markup.element("main") {
                        Markup.newline
                        regions
                    }
                    Markup.newline
                    voice
                    Markup.newline
                    Markup.element("script") { Markup.resource(.boardScript) }
                    Markup.newline
                }
                Markup.newline
            })
    }

    private static let header = Markup.element("header") {
        Markup.h1(.id("hall")) { "办事大厅" }
        Markup.p(.class("indicators")) {
            Markup.span(.id("speech"), .class("badge")) { "语音播报：检测中" }
            Markup.span(.id("status"), .class("badge"), Attribute("role", "status")) { "连接中…" }
        }
    }

    /// The sound offer: a small button in its own strip under the board's regions, at the
    /// bottom right, so that it never covers a call (a full-screen overlay once hid a live call
    /// for 27 s). It takes no room once sound is on.
    private static let voice = Markup.element("footer", [.class("voice")]) {
        Markup.element(
            "button", [.id("unlock"), .class("unlock"), Attribute("type", "button"), .flag("hidden")]
        ) {
            unlockText
            Markup.span { "叫号时播放提示音并语音播报" }
        }
    }

    /// The regions the script fills: the current call, the windows, the last calls, the queues.
    private static let regions = Markup.group {
        Markup.section(.id("now"), .class("now"), Attribute("aria-labelledby", "now-title")) {
            Markup.h2(.id("now-title")) { "正在叫号" }
            Markup.p(.class("call"), Attribute("aria-live", "assertive"), Attribute("aria-atomic", "true")) {
                Markup.span(.id("now-number"), .class("number empty")) { emptyText }
                Markup.span(.id("now-window"), .class("to")) {}
            }
        }
        Markup.section(.class("windows"), Attribute("aria-labelledby", "windows-title")) {
            Markup.h2(.id("windows-title")) { "各窗口正在办理" }
            Markup.ul(.id("windows"), .class("grid")) {}
        }
        Markup.section(.class("recent"), Attribute("aria-labelledby", "recent-title")) {
            Markup.h2(.id("recent-title")) { "最近叫号" }
            Markup.element("ol", [.id("calls"), .class("calls")]) { Markup.li(.class("none")) { emptyText } }
        }
        Markup.section(.class("queues"), Attribute("aria-labelledby", "queues-title")) {
            Markup.h2(.id("queues-title")) { "取号队列与预计等候" }
            Markup.ul(.id("queues"), .class("lines")) {}
        }
    }

    /// What the board says and shows when nobody has been called yet today.
    static let emptyText = "暂无叫号"
    /// The corner button's text while the browser blocks sound.
    static let unlockText = "点击开启语音播报"
}
