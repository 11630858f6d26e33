import ProfileLoading
import PullRequestCheck

extension ProjectLayout {
    /// The project's layout with `.review-profile.yml` applied (profiles, rubric and reports
    /// directories); an invalid configuration file is a configuration error (exit 2).
    static func configured() throws(ConfigurationError) -> ProjectLayout {
        try ProjectConfiguration.projectLayout().layout
    }
}
