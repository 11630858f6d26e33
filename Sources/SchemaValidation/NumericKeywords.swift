import LocatedDocument

/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` and `multipleOf`.
extension Evaluator {
    func checkNumeric(_ keyword: Keyword, _ instance: DocumentNode, _ collector: inout ViolationCollector?) -> Bool {
        guard let value = instance.doubleValue else { return true }
        switch keyword {
        case .minimum(let bound, let exclusive):
            if exclusive ? value > bound : value >= bound { return true }
            return reject(&collector, exclusive ? "exclusiveMinimum" : "minimum", at: instance.location,
                         "expected a number \(exclusive ? ">" : ">=") \(formatNumber(bound)), found \(literal(instance))")
        case .maximum(let bound, let exclusive):
            if exclusive ? value < bound : value <= bound { return true }
            return reject(&collector, exclusive ? "exclusiveMaximum" : "maximum", at: instance.location,
                         "expected a number \(exclusive ? "<" : "<=") \(formatNumber(bound)), found \(literal(instance))")
        case .multipleOf(let divisor):
            if isMultiple(instance, of: divisor) { return true }
            return reject(&collector, "multipleOf", at: instance.location,
                         "expected a multiple of \(formatNumber(divisor)), found \(literal(instance))")
        default:
            return true
        }
    }

    /// Exact for integers; for other numbers the quotient must be within rounding error of a whole
    /// number, so decimal steps such as 0.0075 / 0.0001 (= 74.99999999999999 in binary) pass.
    /// A quotient that overflows to infinity cannot be shown to be whole and fails.
    func isMultiple(_ instance: DocumentNode, of divisor: Double) -> Bool {
        if case .integer(let value) = instance.value, divisor == divisor.rounded(), abs(divisor) < 9.2e18 {
            return value % Int(divisor) == 0
        }
        guard let value = instance.doubleValue else { return true }
        let quotient = value / divisor
        guard quotient.isFinite else { return false }
        let whole = quotient.rounded()
        return abs(quotient - whole) <= max(abs(quotient), 1) * 1e-12
    }
}
