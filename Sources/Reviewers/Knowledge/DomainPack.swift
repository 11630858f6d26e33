import TextAnalysis

/// What reviewers know about one domain (`Rubrics/domains/<id>.yaml`): its vocabulary, the named
/// products and their vendors, the terms that belong to sibling focuses, and the topics a real job
/// in it covers at each level.
///
/// A class: every rule that reads the profile's pack takes it from the profile's analysis, and a
/// reference is one retain where a copy of a structure of fourteen collections and strings is
/// fourteen.
public final class DomainPack: Sendable {
    public struct Entity: Sendable, Equatable {
        public var name: String
        public var vendor: String
        public var kind: String
        public var aliases: [String]

        public init(name: String, vendor: String, kind: String, aliases: [String]) {
            self.name = name
            self.vendor = vendor
            self.kind = kind
            self.aliases = aliases
        }
    }

    public struct Vendor: Sendable, Equatable {
        public var name: String
        public var aliases: [String]

        public init(name: String, aliases: [String]) {
            self.name = name
            self.aliases = aliases
        }
    }

    public struct Sibling: Sendable {
        /// The sibling focus name, as profiles write it in `focus.name` and `distinct_from`.
        public let focus: String
        /// `focus` lowercased, what ``DomainPack/sibling(named:)`` compares (once, not per look-up).
        let lowercasedFocus: String
        public var exclusiveTerms: PhraseSet

        public init(focus: String, exclusiveTerms: [String]) {
            self.focus = focus
            self.lowercasedFocus = focus.lowercased()
            self.exclusiveTerms = PhraseSet(exclusiveTerms)
        }
    }

    public struct Topic: Sendable {
        public var id: String
        public var name: String
        public var terms: PhraseSet
        /// Track id → lowest level code from which the topic is required; tracks not listed do not require it.
        public var requiredFrom: [String: String]

        public init(id: String, name: String, terms: [String], requiredFrom: [String: String]) {
            self.id = id
            self.name = name
            self.terms = PhraseSet(terms)
            self.requiredFrom = requiredFrom
        }
    }

    public let id: String
    public let name: String
    public let vocabulary: PhraseSet
    public let concreteTerms: PhraseSet
    public let entities: [Entity]
    public let vendors: [Vendor]
    public let siblings: [Sibling]
    public let topics: [Topic]
    /// Phrase `i` names `entityNames[i].entity` (names and aliases).
    public let entityPhrases: PhraseSet
    public let entityForPhrase: [Int]
    /// Phrase `i` names vendor `vendorForPhrase[i]` (names and aliases).
    public let vendorPhrases: PhraseSet
    public let vendorForPhrase: [Int]

    public init(
        id: String, name: String, vocabulary: [String], concreteTerms: [String], entities: [Entity], vendors: [Vendor],
        siblings: [Sibling], topics: [Topic]
    ) {
        self.id = id
        self.name = name
        self.vocabulary = PhraseSet(vocabulary)
        self.concreteTerms = PhraseSet(concreteTerms)
        self.entities = entities
        self.vendors = vendors
        self.siblings = siblings
        self.topics = topics
        var entityTerms: [String] = []
        var entityIndex: [Int] = []
        for (index, entity) in entities.enumerated() {
            for term in [entity.name] + entity.aliases {
                entityTerms.append(term)
                entityIndex.append(index)
            }
        }
        self.entityPhrases = PhraseSet(entityTerms)
        self.entityForPhrase = entityIndex
        var vendorTerms: [String] = []
        var vendorIndex: [Int] = []
        for (index, vendor) in vendors.enumerated() {
            for term in [vendor.name] + vendor.aliases {
                vendorTerms.append(term)
                vendorIndex.append(index)
            }
        }
        self.vendorPhrases = PhraseSet(vendorTerms)
        self.vendorForPhrase = vendorIndex
    }

    /// The sibling entry for a focus name (exact, case-insensitive).
    public func sibling(named focus: String) -> Sibling? {
        let wanted = focus.lowercased()
        return siblings.first { $0.lowercasedFocus == wanted }
    }
}
