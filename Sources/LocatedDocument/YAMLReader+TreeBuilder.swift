// Builds the located tree from libyaml events and enforces the depth, alias and node limits.

/// The state of one parse: open collections, anchors seen so far, and the running counts.
///
/// Counting: every scalar (keys included), mapping and sequence event is one node; an alias adds
/// the size its anchored node had when it was built (so nested aliases multiply, as an expander
/// would). Depth: a root scalar is at depth 0, each collection adds one level; an alias counts the
/// height of the subtree it stands for. Aliases reuse the anchored `DocumentNode` value, which is
/// O(1) thanks to copy-on-write arrays: nothing is copied eagerly.
struct YAMLTreeBuilder {
    let limits: DocumentLimits
    private(set) var root: DocumentNode?
    private var frames: [Frame] = []
    /// Finished items of the open sequences, innermost last; each frame owns a suffix. Collecting
    /// children on shared stacks and copying them out once, at exact size, when the collection ends
    /// avoids growing a fresh array per collection.
    private var items: [DocumentNode] = []
    /// Finished members of the open mappings, the same way.
    private var members: [DocumentNode.Member] = []
    private var anchors: [String: Anchored] = [:]
    private var nodeCount = 0
    private var aliasCount = 0

    /// Mappings this small look duplicates up by linear scan; larger ones switch to a dictionary.
    private static let linearKeyScanLimit = 12

    init(limits: DocumentLimits) {
        self.limits = limits
        frames.reserveCapacity(16)
        items.reserveCapacity(64)
        members.reserveCapacity(64)
        // Placeholders, so that no collection's children start at index 0 (see `takeSuffix`).
        items.append(DocumentNode(.null))
        members.append(DocumentNode.Member(key: "", keyLocation: .startOfFile, value: DocumentNode(.null)))
    }

    private struct Anchored {
        var node: DocumentNode
        /// Nodes in the subtree, aliases expanded.
        var size: Int
        /// Levels of collections in the subtree; 0 for a scalar.
        var height: Int
        /// The source text of a scalar, for an alias used as a mapping key; nil for collections.
        var keyText: String?
    }

    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        /// `nodeCount` before this collection was counted.
        var startCount: Int
        /// Highest height of a child so far.
        var childHeight = 0
        /// Where this collection's children start in `items` or `members`.
        var firstChild: Int
        /// In a mapping: whether a key was read and waits for its value.
        var hasPendingKey = false
        var pendingKey = ""
        var pendingKeyLocation = SourceLocation.startOfFile
        /// Key → member index, built once the mapping outgrows `linearKeyScanLimit`.
        var keyIndex: [String: Int]?
    }

    private var expectsKey: Bool {
        // Field reads through the index, not `frames.last`, which would copy (and retain) the frame.
        let top = frames.count - 1
        return top >= 0 && frames[top].isMapping && !frames[top].hasPendingKey
    }

    // MARK: - Events

    mutating func scalar(
        _ bytes: UnsafeBufferPointer<UInt8>, tag: UnsafePointer<UInt8>?, isPlain: Bool,
        anchor: UnsafePointer<UInt8>?, at location: SourceLocation
    ) throws(DocumentParseError) {
        try count(1, at: location)
        if expectsKey {
            // A key is its source text (see `YAMLReader`); a tag must still be supported and fit.
            let text = YAMLReader.string(bytes)
            if isPlain, tag == nil, text == "<<" {
                throw DocumentParseError(
                    code: "merge_key_unsupported",
                    message: "found a merge key \"<<\"; expected a plain key (merge keys are not supported)",
                    location: location,
                    hint: "write the merged keys out in this mapping instead of using \"<<\""
                )
            }
            if tag != nil || anchor != nil {
                // Validates the tag (`!!int abc: x` is an error) and gives an anchored key its value.
                let value = try YAMLReader.resolveScalar(bytes, tag: tag, isPlain: isPlain, at: location)
                if let anchor {
                    anchors[String(cString: anchor)] = Anchored(node: DocumentNode(value, at: location), size: 1, height: 0, keyText: text)
                }
            }
            try setKey(text, at: location)
            return
        }
        let node = DocumentNode(try YAMLReader.resolveScalar(bytes, tag: tag, isPlain: isPlain, at: location), at: location)
        if let anchor {
            anchors[String(cString: anchor)] = Anchored(node: node, size: 1, height: 0, keyText: YAMLReader.string(bytes))
        }
        attach(node, height: 0)
    }

    mutating func startCollection(
        isMapping: Bool, tag: UnsafePointer<UInt8>?, anchor: UnsafePointer<UInt8>?, at location: SourceLocation
    ) throws(DocumentParseError) {
        let kind = isMapping ? "a mapping" : "a sequence"
        if expectsKey {
            throw nonScalarKeyError(found: kind, at: location)
        }
        if let tag {
            let resolved = YAMLReader.Tag(tag)
            switch resolved {
            case .nonSpecific:
                break
            case .map where isMapping, .seq where !isMapping:
                break
            case .unsupported(let text):
                throw YAMLReader.unsupportedTagError(text, at: location)
            default:
                let expected = resolved == .map ? "a mapping" : resolved == .seq ? "a sequence" : "a scalar"
                throw YAMLReader.invalidTaggedValueError(kind, tag: resolved, expected: expected, at: location)
            }
        }
        try checkDepth(frames.count + 1, at: location)
        let startCount = nodeCount
        try count(1, at: location)
        frames.append(Frame(
            isMapping: isMapping,
            location: location,
            anchor: anchor.map { String(cString: $0) },
            startCount: startCount,
            firstChild: isMapping ? members.count : items.count
        ))
    }

    mutating func endCollection() {
        let frame = frames.removeLast()
        let value: DocumentNode.Value
        if frame.isMapping {
            value = .object(Self.takeSuffix(of: &members, from: frame.firstChild))
        } else {
            value = .array(Self.takeSuffix(of: &items, from: frame.firstChild))
        }
        let node = DocumentNode(value, at: frame.location)
        let height = frame.childHeight + 1
        if let anchor = frame.anchor {
            anchors[anchor] = Anchored(node: node, size: nodeCount - frame.startCount, height: height, keyText: nil)
        }
        attach(node, height: height)
    }

    mutating func alias(_ name: UnsafePointer<UInt8>, at location: SourceLocation) throws(DocumentParseError) {
        aliasCount += 1
        if aliasCount > limits.maxAliases {
            throw DocumentParseError(
                code: "alias_limit",
                message: "found more than \(limits.maxAliases) aliases; expected at most \(limits.maxAliases)",
                location: location,
                hint: "write the values out instead of referring to anchors"
            )
        }
        let anchorName = String(cString: name)
        guard let anchored = anchors[anchorName] else {
            if frames.contains(where: { $0.anchor == anchorName }) {
                throw DocumentParseError(
                    code: "recursive_alias",
                    message: "alias *\(anchorName) refers to a node that contains it; expected an alias to a finished node",
                    location: location
                )
            }
            throw DocumentParseError(
                code: "undefined_alias",
                message: "alias *\(anchorName) refers to no anchor; expected an anchor &\(anchorName) earlier in the file",
                location: location,
                hint: "define the anchor before its first use"
            )
        }
        try count(anchored.size, at: location)
        if expectsKey {
            guard let keyText = anchored.keyText else {
                throw nonScalarKeyError(found: "an alias to a collection", at: location)
            }
            try setKey(keyText, at: location)
            return
        }
        try checkDepth(frames.count + anchored.height, at: location)
        var node = anchored.node
        node.location = location
        attach(node, height: anchored.height)
    }

    // MARK: - Tree assembly

    private mutating func attach(_ node: DocumentNode, height: Int) {
        let top = frames.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        if height > frames[top].childHeight { frames[top].childHeight = height }
        if frames[top].isMapping {
            members.append(DocumentNode.Member(
                key: frames[top].pendingKey, keyLocation: frames[top].pendingKeyLocation, value: node
            ))
            frames[top].hasPendingKey = false
        } else {
            items.append(node)
        }
    }

    private mutating func setKey(_ key: String, at location: SourceLocation) throws(DocumentParseError) {
        let top = frames.count - 1
        if let first = firstIndex(ofKey: key, inFrame: top) {
            let firstLocation = members[first].keyLocation
            throw DocumentParseError(
                code: "duplicate_key",
                message: "duplicate key \"\(key)\" (first defined at line \(firstLocation.line)); expected each key once per mapping",
                location: location,
                hint: "remove one of the two entries or merge them"
            )
        }
        if frames[top].keyIndex != nil {
            frames[top].keyIndex![key] = members.count
        }
        frames[top].pendingKey = key
        frames[top].pendingKeyLocation = location
        frames[top].hasPendingKey = true
    }

    /// The index in `members` of the open mapping's member named `key`.
    private mutating func firstIndex(ofKey key: String, inFrame top: Int) -> Int? {
        if let keyIndex = frames[top].keyIndex {
            return keyIndex[key]
        }
        let first = frames[top].firstChild
        if members.count - first < Self.linearKeyScanLimit {
            var index = first
            while index < members.count {
                if members[index].key == key { return index }
                index += 1
            }
            return nil
        }
        var keyIndex: [String: Int] = [:]
        keyIndex.reserveCapacity((members.count - first) * 2)
        for index in first..<members.count { keyIndex[members[index].key] = index }
        frames[top].keyIndex = keyIndex
        return keyIndex[key]
    }

    /// Removes `stack[start...]` and returns it as a new array of exactly that size.
    ///
    /// `start` is never 0 (each stack starts with a placeholder): `Array(stack[0...])` would share
    /// the stack's buffer, with all its spare capacity, and the next append to the stack would copy it.
    @inline(__always)
    private static func takeSuffix<Element>(of stack: inout [Element], from start: Int) -> [Element] {
        let count = stack.count - start
        guard count > 0 else { return [] }
        let result = Array(stack[start...])
        stack.removeLast(count)
        return result
    }

    // MARK: - Limits

    private mutating func count(_ nodes: Int, at location: SourceLocation) throws(DocumentParseError) {
        nodeCount += nodes
        if nodeCount > limits.maxNodes {
            throw DocumentParseError(
                code: "node_limit",
                message: "document has more than \(limits.maxNodes) nodes once aliases are expanded; expected at most \(limits.maxNodes)",
                location: location,
                hint: "aliases that refer to large anchored nodes multiply the document's size; write the values out"
            )
        }
    }

    private func checkDepth(_ depth: Int, at location: SourceLocation) throws(DocumentParseError) {
        if depth > limits.maxDepth {
            throw DocumentParseError(
                code: "too_deep",
                message: "nesting is \(depth) levels deep here; expected at most \(limits.maxDepth) levels",
                location: location,
                hint: "flatten the structure"
            )
        }
    }

    private func nonScalarKeyError(found: String, at location: SourceLocation) -> DocumentParseError {
        DocumentParseError(
            code: "non_scalar_key",
            message: "found \(found) used as a mapping key; expected a scalar key",
            location: location,
            hint: "use a string as the key"
        )
    }
}
