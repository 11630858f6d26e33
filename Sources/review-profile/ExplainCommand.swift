import ArgumentParser
import Panel
import ProfileLoading
import Reporting
import Reviewers

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a review rule: what it checks, why, its parameters and examples.",
        discussion: """
            The text comes from the rule's own metadata, the same that docs/rules.md is generated from; \
            its examples are also the rule's tests. waiver_expired and waiver_unmatched are findings about \
            Rubrics/waivers.yaml itself.

            Examples:
              review-profile explain --list
              review-profile explain near_duplicate_bullets
              review-profile explain waiver_expired
              review-profile explain --markdown > docs/rules.md
              review-profile explain --panel-rules
            """
    )

    @Argument(help: ArgumentHelp("The rule id, as in findings.", valueName: "rule-id"))
    var rule: String?

    @Flag(name: .long, help: "List every rule by dimension.")
    var list = false

    @Flag(name: .long, help: "Print the documentation of every rule as Markdown (docs/rules.md).")
    var markdown = false

    @Flag(name: .long, help: "Print the `rules:` section of Rubrics/panel.yaml with every parameter at its default.")
    var panelRules = false

    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        let modes = [rule != nil, list, markdown, panelRules].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give a rule id, or one of --list, --markdown, --panel-rules") }
    }

    func run() throws {
        if list {
            print(RuleDocumentation.list(), terminator: "")
        } else if panelRules {
            print(RuleDocumentation.panelRulesYAML(), terminator: "")
        } else if markdown {
            print(RuleDocumentation.catalogue(), terminator: "")
        } else if let rule, let waiverRule = WaiverRule.rule(id: rule) {
            print(RuleDocumentation.explain(waiverRule), terminator: "")
        } else if let rule {
            guard let found = RuleRegistry.rule(id: rule) else {
                let near = RuleRegistry.all.map { $0.description.id }.filter { $0.contains(rule) || rule.contains($0) }
                throw ConfigurationError("unknown rule \"\(rule)\"",
                                         hint: near.isEmpty ? "see `review-profile explain --list`" : "did you mean \(near.joined(separator: ", "))?")
            }
            let layout = ProjectLayout.discover()
            let parameters = try? ReviewRubric.load(from: rubricOptions.rubricDirectory(in: layout), today: ReviewDate.today())
                .policy.ruleSettings[rule]?.parameters
            print(RuleDocumentation.explain(found.description, parameters: parameters), terminator: "")
        }
    }
}
