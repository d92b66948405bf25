/// The one style sheet, inlined into every page by `PageLayout`.
///
/// Readable on a phone first; the print block hides the search and navigation and prints
/// black on white, because applicants print the guide and tick the materials on paper.
enum PageStyle {
    static let css = """
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:48rem;padding:0 1rem;color:#1a1a1a;background:#fff;
        font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;font-size:1.0625rem;line-height:1.7}
        a{color:#0b57a4}
        header.site{padding:.75rem 0;border-bottom:3px solid #b71c1c}
        header.site a{color:#b71c1c;font-size:1.25rem;font-weight:bold;text-decoration:none}
        .en{color:#666;font-size:.85rem}
        h1{font-size:1.6rem;line-height:1.3;margin:1.25rem 0 .25rem}
        h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-left:.5rem;border-left:4px solid #b71c1c}
        form.search{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
        form.search label{width:100%;font-weight:bold}
        form.search input{flex:1;min-width:0;font:inherit;padding:.5rem;border:1px solid #888;border-radius:4px}
        form.search button{font:inherit;padding:.5rem 1rem}
        nav.categories ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
        nav.categories a{display:inline-block;padding:.2rem .75rem;border:1px solid #ccc;border-radius:1rem;
        text-decoration:none}
        nav.categories a[aria-current]{background:#b71c1c;border-color:#b71c1c;color:#fff}
        ul.services{list-style:none;padding:0}
        ul.services li{padding:.75rem 0;border-bottom:1px solid #eee}
        .meta{margin:.25rem 0 0;color:#555;font-size:.9rem}
        .empty{font-weight:bold}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
        dl.facts dt{font-weight:bold}
        dl.facts dd{margin:0}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%}
        th,td{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}
        .tick{width:2.5rem;text-align:center;font-size:1.2rem}
        table.checklist th,table.checklist td:nth-child(4){white-space:nowrap}
        @media (max-width:30rem){th,td{padding:.3rem .25rem;font-size:.95rem}}
        footer.site{margin-top:3rem;padding:1rem 0;border-top:1px solid #ccc;color:#555;font-size:.9rem}
        @media print{
        form.search,nav,.no-print{display:none!important}
        body{max-width:none;padding:0;color:#000;background:#fff;font-size:11pt}
        a,header.site a,.meta,.en,footer.site{color:#000;text-decoration:none}
        header.site,h2,th,td,footer.site{border-color:#000}
        h2{break-after:avoid}
        tr,li,dl{break-inside:avoid}
        }
        """
}
