extension BoardPage {
    /// One screen, no scrolling: the body is exactly the viewport and every region a grid cell
    /// that clips. Sizes are in `vmin`, so the type is the same at 1920×1080 and 1080×1920
    /// (1 vmin = 10.8 px in both); the regions are laid out in rows for landscape and stacked
    /// for portrait. Texts that may be long (service names, window names) are shrunk to fit by
    /// the script. Colours keep WCAG AA contrast, dimmed numbers included.
    static let css = """
        *{box-sizing:border-box}
        html,body{height:100%;margin:0;overflow:hidden}
        body{display:flex;flex-direction:column;background:#0b1f3a;color:#fff;font-size:2.4vmin;\
        font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
        header{flex:none;display:flex;justify-content:space-between;align-items:center;gap:2vmin;\
        padding:1vmin 2.4vmin;background:#a31515}
        h1{margin:0;font-size:4.4vmin;white-space:nowrap;overflow:hidden;min-width:0}
        .indicators{display:flex;gap:1.4vmin;margin:0;flex:none}
        .badge{font-size:2.4vmin;padding:.4vmin 1.4vmin;border-radius:.8vmin;background:#0b1f3a;white-space:nowrap}
        .badge.warn{background:#ffd54f;color:#1a1a1a;font-weight:bold}
        main{flex:1;min-height:0;display:grid;gap:1.4vmin;padding:1.4vmin 2.4vmin;\
        grid-template-columns:minmax(0,1fr) minmax(0,25vw);\
        grid-template-rows:minmax(0,26fr) minmax(0,30fr) minmax(0,36fr);\
        grid-template-areas:"now recent" "windows recent" "queues queues"}
        @media (orientation:portrait){main{grid-template-columns:minmax(0,1fr);\
        grid-template-rows:minmax(0,17fr) minmax(0,30fr) minmax(0,19fr) minmax(0,28fr);\
        grid-template-areas:"now" "windows" "recent" "queues"}}
        section{min-height:0;min-width:0;overflow:hidden;display:flex;flex-direction:column;\
        background:#12294a;border-radius:1.2vmin;padding:1vmin 1.6vmin}
        h2{flex:none;margin:0 0 .8vmin;font-size:2.6vmin;font-weight:normal;color:#bbdefb}
        ul,ol{list-style:none;margin:0;padding:0}
        .number{font-weight:bold;color:#ffeb3b;font-variant-numeric:tabular-nums;white-space:nowrap}
        .now{grid-area:now}
        .call{flex:1;min-height:0;margin:0;display:flex;flex-wrap:wrap;align-items:center;align-content:center;\
        column-gap:.7em;overflow:hidden;font-size:6vmin}
        .call .number{font-size:2.5em;line-height:1}
        .call .number.empty{font-size:1.5em;color:#bbdefb;font-weight:normal}
        .call .to{line-height:1.3}
        .windows{grid-area:windows}
        .grid{flex:1;min-height:0;display:grid;gap:1vmin;\
        grid-template-columns:repeat(var(--cols,4),minmax(0,1fr));grid-template-rows:repeat(var(--rows,2),minmax(0,1fr))}
        .grid li{min-height:0;overflow:hidden;display:flex;flex-direction:column;justify-content:center;\
        background:#1e3a5f;border-radius:1vmin;padding:.6vmin 1.2vmin;font-size:2.6vmin}
        .grid li>*{flex:none}
        .grid .name{white-space:nowrap;overflow:hidden;color:#e3f2fd}
        .grid .number{font-size:3em;line-height:1.15}
        .grid .idle{font-size:1.5em;line-height:2.3;color:#bbdefb}
        .recent{grid-area:recent}
        .calls{flex:1;min-height:0;display:grid;grid-template-rows:repeat(10,minmax(0,1fr))}
        @media (orientation:portrait){.calls{grid-auto-flow:column;grid-template-columns:1fr 1fr;\
        grid-template-rows:repeat(5,minmax(0,1fr));column-gap:3vmin}}
        .calls li{display:flex;justify-content:space-between;align-items:center;gap:1vmin;min-height:0;\
        border-bottom:1px solid #2c4f7c;font-size:3.2vmin;line-height:1.15;white-space:nowrap;overflow:hidden}
        .calls li:first-child .number{color:#ffeb3b}
        .calls .number{color:#fff}
        .calls .none{justify-content:flex-start;color:#bbdefb;border:0}
        .queues{grid-area:queues}
        .lines{flex:1;min-height:0;display:grid;gap:1vmin;grid-template-columns:repeat(var(--qcols,4),minmax(0,1fr));\
        grid-template-rows:repeat(var(--qrows,1),minmax(0,1fr))}
        .lines li{min-height:0;overflow:hidden;display:flex;flex-direction:column;background:#1e3a5f;\
        border-radius:1vmin;padding:.8vmin 1.4vmin}
        .line-head{flex:none;margin:0;display:flex;align-items:baseline;gap:.6em;white-space:nowrap;overflow:hidden;        font-size:3vmin}
        .letter{font-size:2em;font-weight:bold;color:#ffeb3b;line-height:1.1}
        .waiting b{font-size:1.33em}
        .estimate{color:#c8e6c9}
        .services{flex:1;min-height:0;margin:.4vmin 0 0;font-size:2vmin;line-height:1.45;overflow:hidden;color:#e3f2fd}
        .stale .number,.stale .calls li:first-child .number,.stale .letter,.stale .waiting,.stale .estimate{color:#9aa9bd}
        .unlock{position:fixed;inset:0;z-index:10;display:flex;flex-direction:column;justify-content:center;\
        align-items:center;gap:2vmin;width:100%;border:0;background:rgba(5,15,30,.92);color:#fff;\
        font:bold 7vmin "PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;cursor:pointer}
        .unlock span{font-size:3vmin;font-weight:normal;color:#e3f2fd}
        .unlock[hidden]{display:none}
        .flash{animation:flash .5s ease-in-out 0s 6 alternate}
        @keyframes flash{from{background:#12294a}to{background:#c62828}}
        .grid li.flash{animation-name:flash-cell}
        @keyframes flash-cell{from{background:#1e3a5f}to{background:#c62828}}
        """
}
