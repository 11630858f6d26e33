import LocatedDocument

/// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else` and `$ref`.
///
/// Branches whose messages would be thrown away (anyOf/oneOf members, `not`, `if`) are evaluated
/// on the boolean fast path; messages are computed only once a combinator is known to fail.
extension Evaluator {
    func checkCombinator(_ keyword: Keyword, _ instance: DocumentNode, _ collector: inout ViolationCollector?) -> Bool {
        switch keyword {
        case .reference(let id):
            return evaluate(instance, id, &collector)
        case .allOf(let branches):
            var valid = true
            for id in branches where !evaluate(instance, id, &collector) {
                valid = false
                if collector == nil { return false }
            }
            return valid
        case .anyOf(let branches):
            for id in branches where matches(instance, id) { return true }
            if collector != nil { reportNoMatch("anyOf", branches, instance, &collector!) }
            return false
        case .oneOf(let branches):
            var matched: [Int] = []
            for (offset, id) in branches.enumerated() where matches(instance, id) {
                matched.append(offset)
                if matched.count > 1 && collector == nil { return false }
            }
            if matched.count == 1 { return true }
            guard collector != nil else { return false }
            if matched.isEmpty {
                reportNoMatch("oneOf", branches, instance, &collector!)
            } else {
                let listed = matched.map { String($0 + 1) }
                collector!.report("oneOf", "expected the value to match exactly one of \(branches.count) alternatives, found it matches alternatives \(listed.dropLast().joined(separator: ", ")) and \(listed.last!)", at: instance.location)
            }
            return false
        case .not(let id):
            if !matches(instance, id) { return true }
            return reject(&collector, "not", at: instance.location, "expected the value not to match the schema under \"not\", found \(describe(instance)) matches it")
        case .conditional(let condition, let then, let otherwise):
            if matches(instance, condition) {
                return then.map { evaluate(instance, $0, &collector) } ?? true
            }
            return otherwise.map { evaluate(instance, $0, &collector) } ?? true
        default:
            return true
        }
    }

    /// Reports an anyOf/oneOf with no matching branch: a one-line summary, plus the violations of
    /// the branch that came closest (rather than every branch's).
    private func reportNoMatch(_ keyword: String, _ branches: [SchemaID], _ instance: DocumentNode, _ collector: inout ViolationCollector) {
        let depth = collector.path.count
        var outcomes: [(violations: [SchemaViolation], score: Int)] = []
        for id in branches {
            var inner: ViolationCollector? = ViolationCollector(path: collector.path)
            _ = evaluate(instance, id, &inner)
            let violations = inner!.violations
            outcomes.append((violations, closenessPenalty(violations, depth: depth)))
        }
        // When every branch fails only on the instance's type, one "expected X or Y" says it all.
        let typeSets = branches.map(rootTypeSet)
        if outcomes.allSatisfy({ $0.violations.count == 1 && $0.violations[0].keyword == "type" && $0.violations[0].pointer.tokens.count == depth }),
           typeSets.allSatisfy({ $0 != nil }) {
            let union = typeSets.reduce(into: TypeSet()) { $0.formUnion($1!) }
            collector.report(keyword, "expected \(union.spelledOut), found \(describe(instance))", at: instance.location)
            return
        }
        var best = 0
        for offset in outcomes.indices where outcomes[offset].score < outcomes[best].score { best = offset }
        collector.report(keyword, "expected the value to match \(keyword == "oneOf" ? "exactly" : "at least") one of \(branches.count) alternatives, found it matches none; the closest is alternative \(best + 1), whose problems are reported too", at: instance.location)
        collector.violations += outcomes[best].violations
    }

    /// Lower is closer. A wrong type at the instance itself means the branch was not meant at all;
    /// a wrong `const`/`enum` on a direct member usually means a discriminator picked another branch.
    private func closenessPenalty(_ violations: [SchemaViolation], depth: Int) -> Int {
        var penalty = violations.count
        for violation in violations {
            let level = violation.pointer.tokens.count
            if level == depth && violation.keyword == "type" { penalty += 1_000 }
            if level == depth + 1 && (violation.keyword == "const" || violation.keyword == "enum") { penalty += 100 }
        }
        return penalty
    }

    /// The `type` a branch requires of the instance itself, following `$ref`s.
    private func rootTypeSet(_ id: SchemaID) -> TypeSet? {
        var current = id
        for _ in 0..<16 {
            var next: SchemaID?
            for keyword in nodes[current].keywords {
                if case .type(let set) = keyword { return set }
                if case .reference(let target) = keyword { next = target }
            }
            guard let next else { return nil }
            current = next
        }
        return nil
    }
}
