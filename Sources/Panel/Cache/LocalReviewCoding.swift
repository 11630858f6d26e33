import LocatedDocument
import ProfileModel
import Reviewers

/// The binary form of a LOCAL result in a cache entry: every field needed to rebuild the file's
/// review exactly.
extension BinaryWriter {
    mutating func localFileReview(_ review: LocalFileReview) {
        string(review.file)
        switch review.outcome {
        case .invalid(let diagnostics):
            uint8(0)
            count(diagnostics.count)
            for diagnostic in diagnostics { self.diagnostic(diagnostic) }
        case .profile(let profile):
            uint8(1)
            localProfile(profile)
        }
    }

    mutating func diagnostic(_ value: Diagnostic) {
        string(value.file)
        location(value.location)
        bool(value.pointer != nil)
        if let pointer = value.pointer { self.pointer(pointer) }
        string(value.code)
        string(value.message)
        optionalString(value.hint)
    }

    mutating func finding(_ value: Finding) {
        string(value.rule)
        string(value.dimension.rawValue)
        string(value.severity.rawValue)
        string(value.message)
        string(value.file)
        location(value.location)
        bool(value.pointer != nil)
        if let pointer = value.pointer { self.pointer(pointer) }
        string(value.evidence)
        optionalString(value.suggestion)
    }

    mutating func localProfile(_ value: LocalProfileReview) {
        string(value.profileID)
        optionalString(value.domain)
        string(value.contentSHA256)
        count(value.unsourcedLayers.count)
        for layer in value.unsourcedLayers { string(layer) }
        count(value.sourceCount)
        count(value.levels.count)
        for level in value.levels {
            string(level.code)
            count(level.reviewers.count)
            for reviewer in level.reviewers {
                count(reviewer.checksRun)
                count(reviewer.findings.count)
                for finding in reviewer.findings { self.finding(finding) }
            }
        }
        corpusProfile(value.corpus)
        count(value.bullets.count)
        for bullet in value.bullets {
            string(bullet.level)
            string(bullet.text)
            location(bullet.location)
            pointer(bullet.pointer)
        }
    }

    mutating func corpusProfile(_ value: CorpusProfile) {
        string(value.profileID)
        string(value.functionCode)
        string(value.focusCode)
        count(value.bulletLevels.count)
        for level in value.bulletLevels { string(level) }
        count(value.signatures.count)
        for slot in value.signatures { uint32(slot) }
    }
}

extension BinaryReader {
    mutating func localFileReview() throws(CacheFormatError) -> LocalFileReview {
        let file = try internedString()
        switch try uint8() {
        case 0: return LocalFileReview(file: file, outcome: .invalid(try array { reader throws(CacheFormatError) in try reader.diagnostic() }))
        case 1: return LocalFileReview(file: file, outcome: .profile(try localProfile()))
        default: throw CacheFormatError()
        }
    }

    mutating func diagnostic() throws(CacheFormatError) -> Diagnostic {
        let file = try internedString()
        let location = try location()
        let pointer = try bool() ? try self.pointer() : nil
        return Diagnostic(file: file, location: location, pointer: pointer, code: try string(), message: try string(), hint: try optionalString())
    }

    mutating func finding() throws(CacheFormatError) -> Finding {
        let rule = try internedString()
        guard let dimension = Dimension(rawValue: try string()), let severity = Severity(rawValue: try string()) else {
            throw CacheFormatError()
        }
        let message = try internedString()
        let file = try internedString()
        let location = try location()
        let pointer = try bool() ? try self.pointer() : nil
        let evidence = try internedString()
        let suggestion = try bool() ? try internedString() : nil
        return Finding(rule: rule, dimension: dimension, severity: severity, message: message, file: file, location: location,
                       pointer: pointer, evidence: evidence, suggestion: suggestion)
    }

    mutating func localProfile() throws(CacheFormatError) -> LocalProfileReview {
        let profileID = try string()
        let domain = try optionalString()
        let contentSHA256 = try string()
        let layers = try array { reader throws(CacheFormatError) in try reader.string() }
        let sourceCount = try count()
        let levels = try array { reader throws(CacheFormatError) -> LocalLevelReview in
            let code = try reader.internedString()
            let reviewers = try reader.array { reader throws(CacheFormatError) -> LocalLevelReview.Reviewer in
                let checks = try reader.count()
                return LocalLevelReview.Reviewer(findings: try reader.array { reader throws(CacheFormatError) in try reader.finding() }, checksRun: checks)
            }
            return LocalLevelReview(code: code, reviewers: reviewers)
        }
        let corpus = try corpusProfile()
        let bullets = try array { reader throws(CacheFormatError) -> BulletAnchor in
            BulletAnchor(level: try reader.internedString(), text: try reader.internedString(), location: try reader.location(), pointer: try reader.pointer())
        }
        return LocalProfileReview(profileID: profileID, domain: domain, contentSHA256: contentSHA256, unsourcedLayers: layers,
                                  sourceCount: sourceCount, levels: levels, corpus: corpus, bullets: bullets)
    }

    mutating func corpusProfile() throws(CacheFormatError) -> CorpusProfile {
        let profileID = try string()
        let function = try string()
        let focus = try string()
        let levels = try array { reader throws(CacheFormatError) in try reader.internedString() }
        let signatures = try array { reader throws(CacheFormatError) in try reader.uint32() }
        return CorpusProfile(profileID: profileID, functionCode: function, focusCode: focus, bulletLevels: levels, signatures: signatures)
    }
}
