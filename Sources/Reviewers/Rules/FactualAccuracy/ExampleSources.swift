/// Source lists for rule examples: a list in an overlay replaces the whole list, so examples that
/// change one source restate the others from here.
enum ExampleSources {
    /// The example profile's sources s1–s3 rewritten to back every layer, plus `extra` YAML items.
    static func yaml(retrieved: String = "2026-11-20", extra: String = "") -> String {
        """
        sources:
          - { id: s1, title: 'O*NET OnLine summary: 51-1011.00', publisher: O*NET, url: 'https://www.onetonline.org/link/summary/51-1011.00', retrieved: \(retrieved), supports: [summary, classifications, skills] }
          - { id: s2, title: 'O*NET OnLine summary: 11-3051.00', publisher: O*NET, url: 'https://www.onetonline.org/link/summary/11-3051.00', retrieved: 2026-11-20, supports: [classifications, guidelines] }
          - { id: s3, title: 'Occupational Employment and Wages 51-1011', publisher: U.S. Bureau of Labor Statistics, url: 'https://www.bls.gov/oes/current/oes511011.htm', retrieved: 2026-11-20, supports: [pay] }
          - { id: s4, title: 21 CFR Part 211, publisher: U.S. Food and Drug Administration, url: 'https://www.ecfr.gov/current/title-21/chapter-I/subchapter-C/part-211', retrieved: 2026-11-20, supports: [responsibilities, guidelines, skills] }
        \(extra)
        """
    }
}
