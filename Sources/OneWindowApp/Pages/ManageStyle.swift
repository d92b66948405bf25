/// The manager page's style sheet: a wide office screen first, still readable on a phone, where
/// charts and tables keep a readable width (36rem) and scroll sideways in their own frames
/// (focusable, so a keyboard scrolls them too) instead of shrinking to 6 px text.
enum ManageStyle {
    static let css = """
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:64rem;padding:0 1rem 2rem;color:#1a1a1a;background:#fff;
        font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;font-size:1rem;line-height:1.6}
        a{color:#0b57a4}
        .skip{position:absolute;left:-999rem;top:0;padding:.5rem 1rem;background:#fff;border:2px solid #0b57a4}
        .skip:focus{left:1rem}
        header.site{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.75rem 0;
        border-bottom:3px solid #b71c1c}
        header.site .hall{color:#b71c1c;font-size:1.2rem;font-weight:bold;text-decoration:none}
        header.site .role{margin-right:auto;color:#595959}
        main:focus{outline:none}
        h1{font-size:1.5rem;margin:1.25rem 0 .25rem}
        h1 .day{font-weight:normal;color:#595959;font-size:1.1rem}
        h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-left:.5rem;border-left:4px solid #b71c1c}
        .meta{color:#595959;font-size:.9rem}
        button{font:inherit;padding:.4rem 1rem;border:1px solid #0b57a4;border-radius:4px;background:#0b57a4;color:#fff;
        cursor:pointer;min-height:2.5rem}
        .sign-out button{background:#fff;color:#0b57a4}
        form.sign-in{display:flex;flex-wrap:wrap;gap:.5rem;max-width:36rem}
        form.sign-in label{width:100%;font-weight:bold}
        form.sign-in input{flex:1;min-width:0;font:inherit;padding:.4rem;border:1px solid #767676;border-radius:4px}
        .problem{color:#8a1010;font-weight:bold}
        dl.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.5rem;margin:1rem 0}
        dl.tiles div{border:1px solid #c9d3e0;border-radius:6px;padding:.5rem .75rem;background:#f6f8fb}
        dl.tiles dt{color:#595959;font-size:.85rem}
        dl.tiles dd{margin:0;font-size:1.25rem;font-weight:bold}
        figure{margin:.5rem 0;overflow-x:auto}
        figure:focus{outline:2px solid #0b57a4;outline-offset:2px}
        svg.chart{width:100%;min-width:36rem;height:auto;font-size:12px;font-family:inherit}
        svg.chart text{fill:#333}
        svg.chart .grid{stroke:#e0e0e0}
        svg.chart .axis{stroke:#767676}
        ul.legend{list-style:none;padding:0;margin:.25rem 0;display:flex;gap:1rem;flex-wrap:wrap}
        .swatch{display:inline-block;width:1rem;height:.75rem;margin-right:.35rem;vertical-align:middle}
        .table-wrap{overflow-x:auto}
        .table-wrap:focus{outline:2px solid #0b57a4;outline-offset:2px}
        table{border-collapse:collapse;width:100%;font-size:.95rem}
        .table-wrap table{min-width:36rem}
        caption{text-align:left;color:#595959;padding:.25rem 0}
        th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#f0f0f0}
        tr.late td{background:#fdecea}
        ol.missed li{margin:.25rem 0}
        ol.reviews{list-style:none;padding:0}
        li.review{border:1px solid #bbb;border-radius:4px;padding:.5rem 1rem;margin:.75rem 0}
        li.review.late{border-color:#b3261e;background:#fdecea}
        li.review h3{margin:.25rem 0;font-size:1.05rem}
        .overdue{color:#b3261e}
        dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.25rem .75rem;margin:.5rem 0}
        dl.facts dt{color:#595959;font-size:.85rem}
        dl.facts dd{margin:0}
        form.follow-up{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:.5rem 0}
        form.follow-up label{width:100%;font-weight:bold}
        form.follow-up input{flex:1;min-width:12rem;font:inherit;padding:.3rem;border:1px solid #767676;border-radius:4px}
        code{font-size:.9em}
        """
}
