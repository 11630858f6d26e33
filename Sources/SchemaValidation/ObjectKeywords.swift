import LocatedDocument

/// `properties`/`patternProperties`/`additionalProperties`, `required`, `propertyNames`,
/// `minProperties`, `maxProperties`, `dependentRequired` and `dependentSchemas`.
extension Evaluator {
    func checkObject(_ keyword: Keyword, _ instance: DocumentNode, _ collector: inout ViolationCollector?) -> Bool {
        guard case .object(let members) = instance.value else { return true }
        switch keyword {
        case .minProperties(let minimum):
            if members.count >= minimum { return true }
            return reject(&collector, "minProperties", at: instance.location,
                         "expected at least \(minimum) key\(minimum == 1 ? "" : "s"), found \(members.count)")
        case .maxProperties(let maximum):
            if members.count <= maximum { return true }
            return reject(&collector, "maxProperties", at: instance.location,
                         "expected at most \(maximum) key\(maximum == 1 ? "" : "s"), found \(members.count)")
        case .required(let names):
            var valid = true
            for name in names where !has(members, name) {
                valid = false
                guard fail(&collector, "required", at: instance.location, "missing required key \(quoted(name))") else { return false }
            }
            return valid
        case .dependentRequired(let dependencies):
            var valid = true
            for dependency in dependencies where has(members, dependency.trigger) {
                for name in dependency.payload where !has(members, name) {
                    valid = false
                    guard fail(&collector, "dependentRequired", at: instance.location,
                               "missing key \(quoted(name)), required when \(quoted(dependency.trigger)) is present") else { return false }
                }
            }
            return valid
        case .dependentSchemas(let dependencies):
            var valid = true
            for dependency in dependencies where has(members, dependency.trigger) && !evaluate(instance, dependency.payload, &collector) {
                valid = false
                if collector == nil { return false }
            }
            return valid
        case .objectMembers(let rule):
            return checkMembers(members, rule, &collector)
        case .propertyNames(let id):
            return checkPropertyNames(members, id, &collector)
        default:
            return true
        }
    }

    private func has(_ members: [DocumentNode.Member], _ key: String) -> Bool {
        members.contains { $0.key == key }
    }

    private func checkMembers(_ members: [DocumentNode.Member], _ rule: ObjectMembersRule, _ collector: inout ViolationCollector?) -> Bool {
        var valid = true
        for member in members {
            var declared = false
            if let id = rule.properties[member.key] {
                declared = true
                if !evaluateChild(member.value, token: .key(member.key), id, &collector) {
                    valid = false
                    if collector == nil { return false }
                }
            }
            for (pattern, id) in rule.patterns where pattern.matches(member.key) {
                declared = true
                if !evaluateChild(member.value, token: .key(member.key), id, &collector) {
                    valid = false
                    if collector == nil { return false }
                }
            }
            guard !declared, let additional = rule.additional else { continue }
            if rule.additionalForbidden {
                valid = false
                guard fail(&collector, "additionalProperties", at: member.keyLocation, child: .key(member.key),
                           unknownKeyMessage(member.key, rule)) else { return false }
            } else if !evaluateChild(member.value, token: .key(member.key), additional, &collector) {
                valid = false
                if collector == nil { return false }
            }
        }
        return valid
    }

    private func unknownKeyMessage(_ key: String, _ rule: ObjectMembersRule) -> String {
        var message = "unknown key \(quoted(key))"
        let names = rule.properties.names
        if let suggestion = closestMatch(to: key, in: names) {
            message += " (did you mean \(quoted(suggestion))?)"
        } else if !names.isEmpty, names.count <= 12 {
            message += "; allowed keys: " + names.joined(separator: ", ")
        }
        return message
    }

    /// Each key is validated as a string located at the key; messages say which key is wrong.
    private func checkPropertyNames(_ members: [DocumentNode.Member], _ id: SchemaID, _ collector: inout ViolationCollector?) -> Bool {
        var valid = true
        for member in members {
            let name = DocumentNode(.string(member.key), at: member.keyLocation)
            guard collector != nil else {
                if !matches(name, id) { return false }
                continue
            }
            var inner: ViolationCollector? = ViolationCollector(path: collector!.path + [.key(member.key)])
            if !evaluate(name, id, &inner) {
                valid = false
                for violation in inner!.violations {
                    var renamed = violation
                    renamed.message = "invalid key \(quoted(member.key)): \(violation.message)"
                    collector!.violations.append(renamed)
                }
            }
        }
        return valid
    }
}
