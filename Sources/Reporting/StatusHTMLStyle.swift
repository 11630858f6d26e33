/// The look of `status.html`: the score palette shared by the heat map, the charts and the tables,
/// and the one inline stylesheet (no external assets, so the file works offline and from an archive).
enum StatusHTMLStyle {
    /// Fill and text colour per score bucket (1.0 … 5.0 in half points), red through yellow to green
    /// (ColorBrewer RdYlGn). Text colour is chosen per fill for at least 4.5:1 contrast (WCAG AA).
    static let palette: [(fill: String, text: String)] = [
        ("#67001f", "#ffffff"), ("#a50026", "#ffffff"), ("#d73027", "#ffffff"), ("#f46d43", "#000000"),
        ("#fdae61", "#000000"), ("#fee08b", "#000000"), ("#a6d96a", "#000000"), ("#66bd63", "#000000"),
        ("#1a7437", "#ffffff"),
    ]

    static func colours(for score: Double) -> (fill: String, text: String) {
        palette[StatusReport.bucket(of: score)]
    }

    /// CSS class of a score cell: `s10` … `s50`.
    static func scoreClass(_ score: Double) -> String {
        "s\(10 + StatusReport.bucket(of: score) * 5)"
    }

    static var stylesheet: String {
        var css = """
            :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); background: #ffffff;
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
            header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
            header { padding-top: 1.5rem; }
            h1 { font-size: 1.75rem; margin: 0 0 0.25rem; }
            h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--line); }
            h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
            .meta, .note, figcaption .mean, .file { color: var(--muted); }
            .meta { margin: 0; }
            code, .id, svg .label { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
            .id { overflow-wrap: anywhere; }
            .groups { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; }
            .group h3 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
            .cards { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0; padding: 0; list-style: none; }
            .cards li { min-width: 7.5rem; padding: 0.5rem 0.9rem; border: 1px solid var(--line); border-left-width: 6px;
              border-radius: 6px; background: var(--panel); }
            .cards .count { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.2; }
            .badge { display: inline-block; padding: 0 0.5rem; border: 1px solid; border-radius: 1rem; font-size: 0.8rem;
              font-weight: 600; vertical-align: middle; }
            .approved { color: #116329; border-color: #1a7f37; background: #dafbe1; }
            .rejected { color: #a40e26; border-color: #cf222e; background: #ffebe9; }
            .invalid { color: #6e40c9; border-color: #8250df; background: #fbefff; }
            .stale { color: #7d4e00; border-color: #bf8700; background: #fff8c5; }
            .unapproved { color: #424a53; border-color: #818b98; background: #f6f8fa; }
            .tampered { color: #ffffff; border-color: #82071e; background: #a40e26; }
            .cards li.approved, .cards li.rejected, .cards li.invalid, .cards li.stale, .cards li.unapproved,
            .cards li.tampered { color: var(--ink); background: var(--panel); }
            .cards li.approved .count { color: #116329; }
            .cards li.rejected .count, .cards li.tampered .count { color: #a40e26; }
            .cards li.invalid .count { color: #6e40c9; }
            .cards li.stale .count { color: #7d4e00; }
            .cards li.unapproved .count { color: #424a53; }
            .cards li.zero .count { color: var(--muted); font-weight: 400; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 1rem 0.75rem; }
            figure { margin: 0; }
            figcaption { font-weight: 600; margin-bottom: 0.25rem; }
            figcaption .mean { display: block; font-weight: 400; }
            svg { display: block; max-width: 100%; height: auto; }
            svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; font-size: 11px; }
            svg .label { font-size: 12px; fill: var(--ink); }
            svg .axis { fill: var(--muted); }
            svg a:hover .label, svg a:focus .label { text-decoration: underline; }
            .scroll { overflow-x: auto; }
            .legend { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0.5rem 0 0; padding: 0; list-style: none; font-size: 0.8rem; }
            .legend li { min-width: 2.6rem; padding: 0.1rem 0.4rem; text-align: center; border-radius: 3px; }
            table { border-collapse: collapse; margin: 0.5rem 0 0.75rem; font-size: 0.9rem; }
            th, td { padding: 0.3rem 0.55rem; border: 1px solid var(--line); text-align: left; vertical-align: top; }
            th { background: var(--panel); font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.score { text-align: center; font-weight: 600; font-variant-numeric: tabular-nums; }
            .level { margin: 0 0 1.25rem; padding: 0.9rem 1rem 0.25rem; border: 1px solid var(--line); border-radius: 8px; }
            .level h3 .id { margin-right: 0.4rem; }
            .level table { width: 100%; }
            .level ul { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
            .findings td { overflow-wrap: anywhere; }
            .findings td.rule { overflow-wrap: normal; white-space: nowrap; }
            .findings .evidence { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.82rem; }
            .sev-blocker { color: #a40e26; font-weight: 700; }
            .sev-major { color: #953800; font-weight: 600; }
            .sev-minor { color: var(--muted); }
            .sev-waived { color: var(--muted); font-style: italic; }
            footer { margin-top: 2rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.85rem; }
            @media print { .level { break-inside: avoid; } }

            """
        for (index, colours) in palette.enumerated() {
            css += ".s\(10 + index * 5) { background: \(colours.fill); color: \(colours.text); }\n"
        }
        return css
    }
}
