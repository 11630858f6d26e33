import LocatedDocument

/// A compiled JSON Schema (draft 2020-12, plus draft-04/07 `definitions`), ready to validate many
/// documents, concurrently if wanted.
///
/// Compilation does all the work that does not depend on the instance: it checks the schema,
/// compiles regular expressions and resolves every `$ref`, so `validate` only walks a flat program.
public struct JSONSchema: Sendable {
    let program: SchemaProgram

    /// Compiles `schema`. Throws when the schema is malformed, uses an unsupported keyword, or
    /// refers outside its own document.
    public init(_ schema: DocumentNode, options: SchemaOptions = .init()) throws(SchemaError) {
        var compiler = SchemaCompiler(document: schema, options: options)
        program = try compiler.compileProgram()
    }

    /// Every violation of the schema by `instance`, in report order (location, pointer, keyword).
    public func validate(_ instance: DocumentNode) -> [SchemaViolation] {
        let evaluator = Evaluator(nodes: program.nodes)
        // Valid documents are the common case: prove validity on the fast path first.
        if evaluator.matches(instance, program.root) { return [] }
        var collector: ViolationCollector? = ViolationCollector()
        _ = evaluator.evaluate(instance, program.root, &collector)
        var unique = Set<SchemaViolation>()
        return collector!.violations.filter { unique.insert($0).inserted }.sorted(by: SchemaViolation.reportOrder)
    }

    /// Whether `instance` is valid, without building any message.
    public func isValid(_ instance: DocumentNode) -> Bool {
        Evaluator(nodes: program.nodes).matches(instance, program.root)
    }
}
