/// An RFC 6901 JSON Pointer such as `/levels/0/code`, naming a node inside a document.
public struct JSONPointer: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Token: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public private(set) var tokens: [Token]

    public init(_ tokens: [Token] = []) {
        self.tokens = tokens
    }

    public static let root = JSONPointer()

    public func appending(_ key: String) -> JSONPointer {
        appending(.key(key))
    }

    public func appending(_ index: Int) -> JSONPointer {
        appending(.index(index))
    }

    /// The pointer with `token` added: one allocation, of the exact size (`tokens + [token]` makes
    /// a one-element array first and may grow the result).
    public func appending(_ token: Token) -> JSONPointer {
        var extended: [Token] = []
        extended.reserveCapacity(tokens.count + 1)
        extended.append(contentsOf: tokens)
        extended.append(token)
        return JSONPointer(extended)
    }

    /// The pointer with two tokens added, in one allocation (two `appending` calls make two).
    public func appending(_ first: Token, _ second: Token) -> JSONPointer {
        var extended: [Token] = []
        extended.reserveCapacity(tokens.count + 2)
        extended.append(contentsOf: tokens)
        extended.append(first)
        extended.append(second)
        return JSONPointer(extended)
    }

    /// `appending(key).appending(index)` in one allocation.
    public func appending(_ key: String, _ index: Int) -> JSONPointer {
        appending(.key(key), .index(index))
    }

    /// `appending(key).appending(second)` in one allocation.
    public func appending(_ key: String, _ second: String) -> JSONPointer {
        appending(.key(key), .key(second))
    }

    /// The pointer text: `""` for the root, otherwise `/`-separated tokens with `~` and `/` escaped.
    public var description: String {
        var text = ""
        for token in tokens {
            text.append("/")
            switch token {
            case .index(let index): text.append(String(index))
            case .key(let key): text.append(Self.escape(key))
            }
        }
        return text
    }

    /// Parses pointer text; nil when it is not a valid pointer.
    public init?(parsing text: Substring) {
        if text.isEmpty {
            self.init()
            return
        }
        guard text.first == "/" else { return nil }
        var tokens: [Token] = []
        for part in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            tokens.append(.key(Self.unescape(part)))
        }
        self.init(tokens)
    }

    /// The node this pointer names in `root`; a `.key` token also selects an array item when it is a
    /// canonical array index.
    public func resolve(in root: DocumentNode) -> DocumentNode? {
        var node = root
        for token in tokens {
            switch (token, node.value) {
            case let (.index(index), .array(items)):
                guard items.indices.contains(index) else { return nil }
                node = items[index]
            case let (.key(key), .array(items)):
                guard let index = Int(key), String(index) == key, items.indices.contains(index) else { return nil }
                node = items[index]
            case let (.key(key), .object):
                guard let next = node[key] else { return nil }
                node = next
            case let (.index(index), .object):
                guard let next = node[String(index)] else { return nil }
                node = next
            default:
                return nil
            }
        }
        return node
    }

    static func escape(_ key: String) -> String {
        // No "~" or "/" byte, no "~" or "/" character: most keys are returned as they are without
        // reading them character by character.
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }),
              key.contains(where: { $0 == "~" || $0 == "/" }) else { return key }
        var escaped = ""
        for character in key {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func unescape(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        var result = ""
        var iterator = token.makeIterator()
        while let character = iterator.next() {
            guard character == "~" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            case let other?: result.append("~"); result.append(other)
            case nil: result.append("~")
            }
        }
        return result
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        for (left, right) in zip(lhs.tokens, rhs.tokens) where left != right {
            switch (left, right) {
            case let (.index(lhsIndex), .index(rhsIndex)): return lhsIndex < rhsIndex
            case let (.key(lhsKey), .key(rhsKey)): return lhsKey < rhsKey
            case (.index, .key): return true
            case (.key, .index): return false
            }
        }
        return lhs.tokens.count < rhs.tokens.count
    }
}
