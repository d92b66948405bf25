/// The one style sheet, inlined into every page by `PageLayout`.
///
/// Readable on a phone first (from 320 px wide, nothing scrolls sideways); the materials
/// table becomes stacked cards under 40rem. `html.large` is 长者模式; `print` is A4 paper.
enum PageStyle {
    static let css = screen + phone + large + print

    static let screen = """
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0 auto;max-width:48rem;padding:0 1rem;color:#1a1a1a;background:#fff;
        font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;font-size:1.0625rem;line-height:1.7;
        overflow-wrap:anywhere}
        a{color:#0b57a4}
        .skip{position:absolute;left:-999rem;top:0;padding:.5rem 1rem;background:#fff;border:2px solid #0b57a4;z-index:1}
        .skip:focus{left:1rem}
        header.site{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;padding:.75rem 0;
        border-bottom:3px solid #b71c1c}
        header.site .hall{color:#b71c1c;font-size:1.25rem;font-weight:bold;text-decoration:none;margin-right:auto}
        header.site .mode{display:inline-block;padding:.35rem .75rem;border:1px solid #0b57a4;border-radius:1rem;
        text-decoration:none;white-space:nowrap}
        .en{color:#595959;font-size:.85rem}
        main:focus{outline:none}
        h1{font-size:1.6rem;line-height:1.3;margin:1.25rem 0 .25rem}
        h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-left:.5rem;border-left:4px solid #b71c1c}
        h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
        .back{margin:.75rem 0 0}
        form.search{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
        form.search label{width:100%;font-weight:bold}
        form.search input{flex:1;min-width:0;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:4px}
        form.search button,.button{font:inherit;padding:.5rem 1rem;border-radius:4px;cursor:pointer}
        form.search button{border:1px solid #0b57a4;background:#0b57a4;color:#fff}
        nav.categories ul,nav.actions ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
        nav.categories a{display:inline-block;padding:.2rem .75rem;border:1px solid #ccc;border-radius:1rem;
        text-decoration:none}
        nav.categories a[aria-current]{background:#b71c1c;border-color:#b71c1c;color:#fff}
        nav.actions{margin:1rem 0}
        .button{display:inline-block;border:1px solid #0b57a4;background:#fff;color:#0b57a4;text-decoration:none;
        min-height:2.75rem;line-height:1.6}
        nav.actions li:first-child .button{background:#0b57a4;color:#fff}
        ul.services{list-style:none;padding:0;margin:0}
        ul.services li{padding:.75rem 0;border-bottom:1px solid #eee}
        .meta{margin:.25rem 0 0;color:#595959;font-size:.9rem}
        .empty{font-weight:bold}
        .summary{background:#f6f8fb;border:1px solid #c9d3e0;border-radius:8px;padding:.25rem 1rem 1rem;margin-top:1rem}
        .summary h2{margin-top:.75rem}
        .forwarding{font-weight:bold;color:#7a1212}
        dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem;margin:.5rem 0}
        dl.facts dt{font-weight:bold}
        dl.facts dd{margin:0}
        dl.faq dt{font-weight:bold;margin-top:.75rem}
        dl.faq dd{margin:0}
        .nowrap{white-space:nowrap}
        .table-wrap{overflow-x:auto}
        .table-wrap:focus{outline:2px solid #0b57a4;outline-offset:2px}
        table{border-collapse:collapse;width:100%}
        caption{text-align:left;padding:.25rem 0;color:#595959}
        th,td{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}
        .tick{width:3.5rem;text-align:center;font-size:1.2rem;white-space:nowrap}
        table.checklist .name{width:32%}
        td.need{white-space:nowrap}
        .updated{color:#595959;font-size:.9rem;margin-top:2rem}
        footer.site{margin-top:2rem;padding:1rem 0;border-top:1px solid #ccc;color:#595959;font-size:.9rem}
        footer.site p{margin:.25rem 0}
        .print-only{display:none}

        """

    /// Under 40rem the checklist becomes one card per material: name, “原件 · 1 份 · 必需”, note.
    static let phone = """
        @media (max-width:40rem){
        h1{font-size:1.4rem}
        dl.facts{grid-template-columns:minmax(0,1fr);gap:0}
        dl.facts dt{margin-top:.5rem}
        table.checklist thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        table.checklist,table.checklist caption,table.checklist tbody,table.checklist tr,table.checklist th,
        table.checklist td{display:block}
        table.checklist tr{position:relative;border:1px solid #999;border-radius:8px;margin:0 0 .75rem;
        padding:.5rem .75rem .5rem 2.75rem}
        table.checklist th,table.checklist td,table.checklist .name{border:0;padding:0;width:auto}
        table.checklist td.tick{position:absolute;left:.5rem;top:.45rem;width:2rem}
        table.checklist td.need{white-space:normal;color:#333;margin:.15rem 0}
        table.checklist td.note:empty{display:none}
        table.checklist td.note{font-size:.95rem}
        }

        """
}
