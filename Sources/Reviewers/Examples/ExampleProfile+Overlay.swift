import LocatedDocument
import ProfileModel

extension ExampleProfile {
    /// The example profile with `overlay` merged in (see `RuleExample.overlay`), decoded.
    public static func profile(applying overlay: String) throws -> Profile {
        let base = try YAMLReader.read(Array(yaml.utf8))
        let merged: DocumentNode
        if overlay.allSatisfy(\.isWhitespace) {
            merged = base
        } else {
            merged = base.merging(try YAMLReader.read(Array(overlay.utf8)))
        }
        switch ProfileDecoder.decode(merged, file: file) {
        case .success(let profile): return profile
        case .failure(let failure): throw failure
        }
    }
}

extension DocumentNode {
    /// `self` with `overlay` merged in: objects key by key (a null value deletes the key), the `levels` list item by item matched on
    /// `code` (new codes appended), anything else replaced — including other lists whose items have a
    /// `code` (classifications), as `RuleExample.overlay` documents.
    func merging(_ overlay: DocumentNode, key: String? = nil) -> DocumentNode {
        switch (value, overlay.value) {
        case let (.object(baseMembers), .object(overlayMembers)):
            var members = baseMembers
            for member in overlayMembers {
                if case .null = member.value.value {
                    members.removeAll { $0.key == member.key }
                } else if let index = members.firstIndex(where: { $0.key == member.key }) {
                    members[index].value = members[index].value.merging(member.value, key: member.key)
                } else {
                    members.append(member)
                }
            }
            return DocumentNode(.object(members), at: location)
        case let (.array(baseItems), .array(overlayItems))
            where key == "levels" && !overlayItems.isEmpty && overlayItems.allSatisfy({ $0["code"]?.stringValue != nil }):
            var items = baseItems
            for item in overlayItems {
                if let index = items.firstIndex(where: { $0["code"]?.stringValue == item["code"]?.stringValue }) {
                    items[index] = items[index].merging(item)
                } else {
                    items.append(item)
                }
            }
            return DocumentNode(.array(items), at: location)
        default:
            return overlay
        }
    }
}
