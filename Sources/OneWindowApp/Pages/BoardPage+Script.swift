extension BoardPage {
    /// The page's one script (board.js): drawing, announcing, then following the stream. Its
    /// SHA-256 is in the page's security policy, so the browser runs this text and nothing else.
    /// Wrapped in a function, so that nothing it declares is global.
    ///
    /// Drawing puts every server text in with `textContent`. Announcing: a flash, a two-tone
    /// chime made with WebAudio (no audio file), then 请A012号到3号窗口办理 spoken twice; until
    /// the browser allows sound the header says 语音未开启 and a one-time overlay asks for a tap.
    /// Following: `/api/v1/events`; the `state` event draws the whole board, a call or recall is
    /// announced, and every change asks `/api/v1/queue` and `/api/v1/windows` (at most every
    /// 300 ms) for the counts and estimates. An event replayed after a reconnect is announced only
    /// when under 30 s old by the server's clock. While the stream is down the numbers dim.
    static let script = PageResource.boardScript.text
}
