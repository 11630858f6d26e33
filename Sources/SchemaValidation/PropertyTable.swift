/// The `properties` of one object schema, looked up by name for every member of every instance.
///
/// A lookup hashes the key's UTF-8 bytes once (64-bit FNV-1a: no allocation, none of `Hasher`'s
/// SipHash rounds) and scans the schema's names for that hash; a schema object has tens of
/// properties at most, so a scan over one contiguous array beats a hash table. A name matches only
/// when its hash and the key's are equal and `String ==` holds (so canonically equivalent but
/// differently spelled keys, which hash differently, are different names, as JSON Schema has it).
/// One array, not three, keeps a copy of the enclosing `Keyword` to a single retain.
struct PropertyTable: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var name: String
        var id: SchemaID
    }

    private var entries: [Entry] = []

    /// The property names in schema order (for "did you mean" suggestions).
    var names: [String] { entries.map(\.name) }

    /// The subschema of property `name`, if the schema declares it.
    subscript(name: String) -> SchemaID? {
        let hash = Self.hash(name)
        for entry in entries where entry.hash == hash && entry.name == name { return entry.id }
        return nil
    }

    /// Declares property `name` (a parsed schema has no duplicate keys; a repeated name replaces
    /// the subschema and keeps its place).
    mutating func declare(_ name: String, _ id: SchemaID) {
        let hash = Self.hash(name)
        if let index = entries.firstIndex(where: { $0.hash == hash && $0.name == name }) {
            entries[index].id = id
        } else {
            entries.append(Entry(hash: hash, name: name, id: id))
        }
    }

    static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return hash
        }
    }
}
