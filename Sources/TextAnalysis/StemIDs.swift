import Synchronization

/// Process-wide integer ids for stems, so term sets hold and compare integers instead of strings.
///
/// Two stems get the same id exactly when they are equal as `String`s (canonical equivalence, as
/// `Set<String>` decides). Ids are handed out in first-come order, which differs between runs and
/// threads: nothing that is written out may depend on them (term sets expose counts, membership
/// and their stems as strings, never ids). Tokens carry their stem's id; the tokenizer's per-thread
/// ``WordCache`` keeps the id with each word, so a word met again costs no look-up here.
///
/// The table only grows: its size is the number of distinct stems the process has seen, bounded by
/// the text it read (each profile file's size is limited by `DocumentLimits`).
final class StemIDs: Sendable {
    static let shared = StemIDs()

    private struct Table {
        var ids: [String: UInt32] = [:]
        var stems: [String] = []
    }

    private let table = Mutex(Table())

    /// The id of `stem`, given it a new one when it has none yet.
    func id(of stem: String) -> UInt32 {
        table.withLock { table in
            if let id = table.ids[stem] { return id }
            // A bigram key adds one to an id in 32 bits (see HashedTermSet), so the last id is never given.
            precondition(table.stems.count < Int(UInt32.max), "more than 4 billion distinct stems")
            let id = UInt32(table.stems.count)
            table.ids[stem] = id
            table.stems.append(stem)
            return id
        }
    }

    /// The id of `stem` when it has one: a stem without one is in no term set.
    func existingID(of stem: String) -> UInt32? {
        table.withLock { $0.ids[stem] }
    }

    /// The stem of `id` (an id this table gave).
    func stem(of id: UInt32) -> String {
        table.withLock { $0.stems[Int(id)] }
    }

    /// The stems of `ids`, in the same order.
    func stems(_ ids: [UInt32]) -> [String] {
        table.withLock { table in ids.map { table.stems[Int($0)] } }
    }
}
