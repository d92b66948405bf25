extension PageStyle {
    /// 长者模式 (大字版): larger type, 48 px touch targets, generous spacing.
    static let large = """
        html.large body{font-size:1.375rem;line-height:1.7;max-width:56rem}
        html.large h1{font-size:1.9rem}
        html.large header.site .hall{font-size:1.6rem}
        html.large h2{font-size:1.5rem}
        html.large a,html.large button,html.large input,html.large .button{min-height:48px}
        html.large header.site .mode,html.large nav.categories a,html.large .button,html.large form.search button{
        display:inline-flex;align-items:center;min-height:48px;padding:.5rem 1rem}
        html.large ul.services li>a,html.large .back a,html.large footer.site a{display:inline-flex;align-items:center;
        min-height:48px}
        html.large form.search input{min-height:48px;font-size:1.375rem}
        html.large .meta,html.large .en,html.large caption,html.large .updated,html.large footer.site,
        html.large table.checklist td.note{font-size:1.125rem}

        """

    /// A4 paper: black on white, no navigation, the checklist kept on one page where it fits,
    /// and a footer with the address, the dates and 以窗口公示为准.
    static let print = """
        @page{size:A4;margin:15mm 14mm 16mm}
        @media print{
        .skip,header.site .mode,form.search,nav,.no-print,.print-button{display:none!important}
        html.large body,body{max-width:none;padding:0;color:#000;background:#fff;font-size:10.5pt;line-height:1.5}
        a,header.site .hall,.meta,.en,footer.site,caption,.updated,.forwarding{color:#000;text-decoration:none}
        header.site,h2,th,td,footer.site{border-color:#000}
        h1{font-size:16pt;margin-top:.5rem}
        h2{font-size:12.5pt;margin:1rem 0 .25rem;break-after:avoid}
        .summary{background:none;border-color:#000;break-inside:avoid}
        section.materials{break-inside:avoid}
        .table-wrap{overflow:visible}
        tr,li,dl.facts{break-inside:avoid}
        .print-only{display:block}
        footer.site{margin-top:1rem;break-inside:avoid}
        }
        """
}
