extension TicketPage {
    /// For a phone first (320–390 px wide): one column, the number large, nothing wider than
    /// the screen. Colours keep WCAG AA contrast.
    static let css = """
        *{box-sizing:border-box}
        body{margin:0;background:#f5f7fa;color:#1a1a1a;font:17px/1.6 "PingFang SC","Noto Sans CJK SC",\
        "Microsoft YaHei",sans-serif;overflow-wrap:anywhere}
        .skip{position:absolute;left:-999px;top:0;background:#fff;color:#0b3d91;padding:.5rem}
        .skip:focus{left:.5rem}
        header{background:#a31515;padding:.6rem 1rem}
        header a{color:#fff;font-weight:bold;text-decoration:none}
        main{max-width:32rem;margin:0 auto;padding:1rem}
        .kicker{margin:0;color:#4a5568}
        h1{margin:.4rem 0;font-size:1.5rem}
        h1.ticket{margin:.2rem 0;font-size:1.1rem;font-weight:normal}
        h1 .label{display:block}
        h1 .number{display:block;font-size:3.6rem;line-height:1.1;font-weight:bold;color:#0b3d91;\
        font-variant-numeric:tabular-nums}
        .service{margin:.2rem 0 1rem;font-size:1.15rem}
        .tag{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#0b3d91;color:#fff;font-size:.9rem}
        .status{background:#fff;border:1px solid #d0d7e2;border-left:.4rem solid #0b3d91;border-radius:.5rem;\
        padding:.6rem 1rem;margin:0 0 1rem}
        .status p{margin:.4rem 0}
        .status.called{border-left-color:#a31515;background:#fff5f5}
        .status.completed{border-left-color:#2e7d32}
        .status.no_show,.status.expired{border-left-color:#6b7280}
        .headline{font-size:1.4rem;font-weight:bold}
        .called .headline strong{color:#a31515}
        .advice{color:#1f4d2b}
        .case .code{font-family:ui-monospace,monospace}
        .updated{color:#4a5568;font-size:.95rem}
        .rating{background:#fff;border:1px solid #d0d7e2;border-radius:.5rem;padding:.6rem 1rem;margin:0 0 1rem}
        .rating h2{margin:.2rem 0 .6rem;font-size:1.2rem}
        .rating fieldset{border:0;margin:0 0 .8rem;padding:0}
        .rating legend{font-weight:bold;padding:0}
        .rating label{display:block;padding:.35rem 0;min-height:2.75rem}
        .rating input[type=radio],.rating input[type=checkbox]{width:1.3rem;height:1.3rem;vertical-align:middle}
        .rating input[type=text]{width:100%;font:inherit;padding:.4rem;border:1px solid #6b7280;border-radius:.3rem}
        .rating button{font:inherit;font-weight:bold;padding:.6rem 1.6rem;border:0;border-radius:.4rem;\
        background:#0b3d91;color:#fff}
        a{color:#0b3d91}
        footer{max-width:32rem;margin:0 auto;padding:0 1rem 1rem;color:#4a5568;font-size:.95rem}
        footer p{margin:.2rem 0}
        """
}
