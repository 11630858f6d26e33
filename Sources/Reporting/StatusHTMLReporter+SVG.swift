import ProfileModel

/// The inline SVG charts of `status.html`: one score distribution per dimension, and the heat map of
/// level profiles × dimensions. Every mark carries its number as text and a `<title>` tooltip, so
/// nothing depends on colour alone.
extension StatusHTMLReporter {
    static func distributionSection(_ report: StatusReport) -> String {
        var html = "<section aria-labelledby=\"distribution\">\n<h2 id=\"distribution\">Score distribution</h2>\n"
        html += "<p class=\"note\">Level profiles per score, one chart per dimension, all on the same scale.</p>\n<div class=\"charts\">\n"
        let tallest = max(1, report.dimensions.flatMap(\.distribution).max() ?? 1)
        for dimension in Dimension.allCases {
            guard let summary = report.dimensions.first(where: { $0.dimension == dimension }) else { continue }
            html += "<figure>\n<figcaption>\(h(dimension.title)) <span class=\"mean\">mean \(StatusText.mean(summary.mean))</span></figcaption>\n"
            html += distributionChart(summary, id: "dist-\(dimension.rawValue)", tallest: tallest)
            html += "</figure>\n"
        }
        return html + "</div>\n</section>\n"
    }

    static func distributionChart(_ summary: StatusReport.DimensionSummary, id: String, tallest: Int) -> String {
        let buckets = StatusReport.DimensionSummary.buckets
        let (slot, barWidth, baseline, plotHeight) = (23.0, 17.0, 118.0, 96.0)
        let width = 10 + slot * Double(buckets.count)
        let description = zip(buckets, summary.distribution).filter { $0.1 > 0 }.reversed()
            .map { "\($0.1) at \(StatusText.score($0.0))" }.joined(separator: ", ")
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"140\" viewBox=\"0 0 \(n(width)) 140\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title\">\n"
        svg += "<title id=\"\(id)-title\">\(h(summary.dimension.title)): \(description.isEmpty ? "no level profiles" : description)</title>\n"
        svg += "<line x1=\"4\" y1=\"\(n(baseline + 0.5))\" x2=\"\(n(width - 4))\" y2=\"\(n(baseline + 0.5))\" stroke=\"#818b98\"/>\n"
        for (index, (score, count)) in zip(buckets, summary.distribution).enumerated() {
            let centre = 10 + slot * Double(index) + barWidth / 2
            if count > 0 {
                let height = max(2, (plotHeight * Double(count) / Double(tallest)).rounded())
                let colours = StatusHTMLStyle.colours(for: score)
                svg += "<g><title>\(h(summary.dimension.title)) \(StatusText.score(score)): \(count) level profile\(count == 1 ? "" : "s")</title>"
                    + "<rect x=\"\(n(centre - barWidth / 2))\" y=\"\(n(baseline - height))\" width=\"\(n(barWidth))\" "
                    + "height=\"\(n(height))\" fill=\"\(colours.fill)\"/>"
                    + "<text x=\"\(n(centre))\" y=\"\(n(baseline - height - 4))\" text-anchor=\"middle\">\(count)</text></g>\n"
            }
            let label = score == score.rounded() ? String(Int(score)) : StatusText.score(score)
            svg += "<text class=\"axis\" x=\"\(n(centre))\" y=\"134\" text-anchor=\"middle\">\(label)</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func heatMapSection(_ report: StatusReport) -> String {
        var html = "<section aria-labelledby=\"heatmap\">\n<h2 id=\"heatmap\">Scores by level profile</h2>\n"
        guard !report.levels.isEmpty else { return html + "<p>No level profiles were reviewed.</p>\n</section>\n" }
        html += "<p class=\"note\">Each row is a level profile (select its name for the details), each column a dimension; "
            + "the gate needs every dimension at 4.0 or more.</p>\n"
        html += "<div class=\"scroll\">\n" + heatMap(report) + "</div>\n<ul class=\"legend\" aria-label=\"score colours\">\n"
        for (index, score) in StatusReport.DimensionSummary.buckets.enumerated().reversed() {
            html += "<li class=\"s\(10 + index * 5)\">\(StatusText.score(score))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    /// Longest level profile name drawn in full; longer ones are cut, their tooltip has the whole id.
    static let heatMapLabelLimit = 40

    static func heatMap(_ report: StatusReport) -> String {
        let columns: [(title: String, score: (LevelReviewScores) -> Double)] =
            Dimension.allCases.map { dimension in (dimension.title, { $0.scores[dimension] ?? 1 }) } + [("min", { $0.minScore })]
        let longest = min(heatMapLabelLimit, report.levels.map(\.review.id.count).max() ?? 0)
        let (cellWidth, cellHeight, headerHeight) = (104.0, 24.0, 40.0)
        let labelWidth = (Double(longest) * 7.4 + 16).rounded()
        let width = labelWidth + cellWidth * Double(columns.count) + 2
        let height = headerHeight + cellHeight * Double(report.levels.count) + 2
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"heatmap-title\">\n"
        svg += "<title id=\"heatmap-title\">Scores of \(report.levels.count) level profiles on five dimensions and their minimum</title>\n"
        for (column, entry) in columns.enumerated() {
            let centre = labelWidth + cellWidth * (Double(column) + 0.5)
            let words = entry.title.split(separator: " ", maxSplits: 1).map(String.init)
            for (line, word) in words.enumerated() {
                let y = headerHeight - 8 - 14 * Double(words.count - 1 - line)
                svg += "<text class=\"axis\" x=\"\(n(centre))\" y=\"\(n(y))\" text-anchor=\"middle\">\(h(word))</text>\n"
            }
        }
        for (row, level) in report.levels.enumerated() {
            let review = level.review
            let top = headerHeight + cellHeight * Double(row)
            let name = review.id.count > heatMapLabelLimit ? String(review.id.prefix(heatMapLabelLimit - 1)) + "…" : review.id
            svg += "<a href=\"#\(anchor(row))\"><title>\(h(review.id)): \(review.decision.rawValue), \(level.approval.state.rawValue)</title>"
                + "<text class=\"label\" x=\"\(n(labelWidth - 8))\" y=\"\(n(top + 16))\" text-anchor=\"end\">\(h(name))</text></a>\n"
            for (column, entry) in columns.enumerated() {
                let score = entry.score(LevelReviewScores(scores: review.scores, minScore: review.minScore))
                let colours = StatusHTMLStyle.colours(for: score)
                let x = labelWidth + cellWidth * Double(column)
                svg += "<g><title>\(h(review.id)) · \(h(entry.title)): \(StatusText.score(score))</title>"
                    + "<rect x=\"\(n(x + 1))\" y=\"\(n(top + 1))\" width=\"\(n(cellWidth - 2))\" height=\"\(n(cellHeight - 2))\" "
                    + "fill=\"\(colours.fill)\"/><text x=\"\(n(x + cellWidth / 2))\" y=\"\(n(top + 16))\" text-anchor=\"middle\" "
                    + "fill=\"\(colours.text)\">\(StatusText.score(score))</text></g>\n"
            }
        }
        return svg + "</svg>\n"
    }

    /// The two numbers a heat map column reads from a review.
    struct LevelReviewScores {
        var scores: [Dimension: Double]
        var minScore: Double
    }

    /// A coordinate: whole numbers without a decimal point, others with one, so output is stable and short.
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }
}
