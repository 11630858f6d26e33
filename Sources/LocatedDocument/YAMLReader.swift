import CLibYAML

/// Reads one YAML document into a located `DocumentNode` tree, straight from libyaml's event parser.
/// A file written in the plain subset most profiles use is first read by `YAMLSubsetReader`, which
/// builds the same tree (positions included) through the same builder several times faster (see
/// BENCHMARKS.md); any file outside that subset, and every error, is libyaml's.
///
/// The input is hostile (profiles come from anyone's pull request), so the reader
/// - refuses files over `limits.maxBytes` before looking at them,
/// - refuses anything that is not valid UTF-8 (UTF-16/32 included) before libyaml sees it,
/// - bounds nesting (`maxDepth`), alias references (`maxAliases`) and the size of the tree once
///   aliases are expanded (`maxNodes`), so a "billion laughs" file fails after a few events,
/// - refuses what JSON cannot represent or what hides meaning: duplicate keys, non-scalar keys,
///   merge keys (`<<`), tags other than the YAML core ones, and streams with several documents.
///
/// Scalars are resolved with the YAML 1.2 core schema (plain scalars only; quoted and block scalars
/// are strings), so a YAML file and its JSON twin produce equal trees.
///
/// Locations are 1-based. libyaml counts columns in characters (Unicode scalars, one per decoded
/// code point; CRLF counts as one line break), which is exactly `SourceLocation`'s unit, so a value
/// after `ключ: ` or `😀: ` is reported at the column an editor counting code points shows.
/// Lines also advance at NEL (U+0085), LS (U+2028) and PS (U+2029), as YAML 1.1 / libyaml define
/// line breaks; the reader's own byte-offset → location mapping follows the same rule.
///
/// Keys that resolve to null, a boolean or a number are kept as their source text (`1: x` has the
/// key `"1"`, `~: x` the key `"~"`), the way a JSON object key is always a string. Duplicate keys
/// are detected on that text, using Swift `String` equality (canonically equivalent spellings of a
/// key count as duplicates, which is the safe choice for a review tool).
///
/// An alias yields the anchored node (shared, not copied) relocated to where the alias is written;
/// the nodes inside it keep the positions of the anchored text.
///
/// Error codes: `file_too_large`, `invalid_utf8`, `empty_document`, `multiple_documents`,
/// `too_deep`, `alias_limit`, `node_limit`, `undefined_alias`, `recursive_alias`, `duplicate_key`,
/// `non_scalar_key`, `merge_key_unsupported`, `unsupported_tag`, `invalid_tagged_value`,
/// `tab_indentation`, `yaml_syntax` (any other libyaml error) and `yaml_internal` (libyaml out of memory).
///
/// Thread-safe: each call owns its own `yaml_parser_t` and shares no mutable state.
public enum YAMLReader {
    /// Parses `bytes` as a single YAML document.
    public static func read(_ bytes: [UInt8], limits: DocumentLimits = .default) throws(DocumentParseError) -> DocumentNode {
        try read(bytes, limits: limits, trySubset: true)
    }

    /// `read`, optionally without the subset reader (tests compare the two paths).
    static func read(_ bytes: [UInt8], limits: DocumentLimits, trySubset: Bool) throws(DocumentParseError) -> DocumentNode {
        guard bytes.count <= limits.maxBytes else {
            throw DocumentParseError(
                code: "file_too_large",
                message: "file is \(bytes.count) bytes; expected at most \(limits.maxBytes) bytes",
                location: .startOfFile,
                hint: "split the file or remove unneeded content"
            )
        }
        return try bytes.withUnsafeBufferPointer { (whole) throws(DocumentParseError) -> DocumentNode in
            let input = try checkedUTF8Input(whole)
            guard let base = input.baseAddress, !input.isEmpty else {
                throw emptyDocumentError(at: .startOfFile)
            }
            let text = UnsafeBufferPointer(start: base, count: input.count)
            // Most profiles are in the plain subset `YAMLSubsetReader` reads several times faster
            // than libyaml; anything else (and every error) is libyaml's.
            if trySubset, let root = YAMLSubsetReader.read(text, limits: limits) { return root }
            return try parse(text, limits: limits)
        }
    }

    // MARK: - The event loop

    private static func parse(_ input: UnsafeBufferPointer<UInt8>, limits: DocumentLimits) throws(DocumentParseError) -> DocumentNode {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw DocumentParseError(code: "yaml_internal", message: "libyaml could not allocate a parser", location: .startOfFile)
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }

        var builder = YAMLTreeBuilder(limits: limits)
        var documents = 0
        while true {
            guard yaml_parser_parse(parser, event) != 0 else {
                throw libyamlError(parser.pointee, input: input)
            }
            defer { yaml_event_delete(event) }
            let location = SourceLocation(mark: event.pointee.start_mark)
            switch event.pointee.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.pointee.data.scalar
                try builder.scalar(
                    UnsafeBufferPointer(start: scalar.value, count: scalar.length),
                    tag: scalar.tag,
                    isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    anchor: scalar.anchor,
                    at: location
                )
            case YAML_MAPPING_START_EVENT:
                let start = event.pointee.data.mapping_start
                try builder.startCollection(isMapping: true, tag: start.tag, anchor: start.anchor, at: location)
            case YAML_SEQUENCE_START_EVENT:
                let start = event.pointee.data.sequence_start
                try builder.startCollection(isMapping: false, tag: start.tag, anchor: start.anchor, at: location)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                builder.endCollection()
            case YAML_ALIAS_EVENT:
                try builder.alias(event.pointee.data.alias.anchor, at: location)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw DocumentParseError(
                        code: "multiple_documents",
                        message: "found a second YAML document; expected exactly one document per file",
                        location: location,
                        hint: "remove the `---` separator and everything after it, or move it to its own file"
                    )
                }
            case YAML_STREAM_END_EVENT:
                guard let root = builder.root else { throw emptyDocumentError(at: .startOfFile) }
                return root
            default:
                // STREAM_START, DOCUMENT_END and NO_EVENT carry nothing for the tree.
                break
            }
        }
    }

    private static func emptyDocumentError(at location: SourceLocation) -> DocumentParseError {
        DocumentParseError(
            code: "empty_document",
            message: "file contains no YAML document; expected one document",
            location: location,
            hint: "the file is empty or holds only comments"
        )
    }

    // MARK: - libyaml errors

    /// Maps a libyaml failure to a located error; a tab at the problem position becomes `tab_indentation`.
    static func libyamlError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) -> DocumentParseError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            var message = "invalid YAML text: \(problem)"
            if parser.problem_value >= 0 {
                message += " (found U+\(hex(UInt32(parser.problem_value), width: 4)))"
            }
            return DocumentParseError(
                code: "yaml_syntax",
                message: message,
                location: location(ofByte: min(parser.problem_offset, input.count), in: input),
                hint: "remove control characters from the file"
            )
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let location = SourceLocation(mark: parser.problem_mark)
            var detail = problem
            if let context = parser.context, parser.context_mark.index != parser.problem_mark.index {
                let contextLocation = SourceLocation(mark: parser.context_mark)
                detail += ", \(String(cString: context)) at line \(contextLocation.line), column \(contextLocation.column)"
            }
            if let offset = byteOffset(ofCharacter: Int(parser.problem_mark.index), in: input),
               offset < input.count, input[offset] == 0x09 {
                return DocumentParseError(
                    code: "tab_indentation",
                    message: "found a tab character; expected spaces for indentation (libyaml: \(detail))",
                    location: location,
                    hint: "indent with spaces, not tabs"
                )
            }
            return DocumentParseError(
                code: "yaml_syntax", message: "invalid YAML: \(detail)", location: location, hint: syntaxHint(for: problem)
            )
        default:
            return DocumentParseError(
                code: "yaml_internal",
                message: "libyaml failed: \(problem)",
                location: SourceLocation(mark: parser.problem_mark)
            )
        }
    }

    private static func syntaxHint(for problem: String) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return "quote values that contain \": \", and check the indentation of the line"
        case "did not find expected key", "did not find expected '-' indicator":
            return "check that the line is indented like its siblings"
        case "found undefined tag handle":
            return "remove the tag"
        default:
            return nil
        }
    }
}

extension SourceLocation {
    /// A libyaml mark (0-based line and column, columns in characters) as a 1-based location.
    init(mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
