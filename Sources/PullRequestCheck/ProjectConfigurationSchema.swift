/// The JSON Schema (2020-12) of `.review-profile.yml`. It is kept beside the code that reads the
/// file, not in `Rubrics/`: it describes how the tool runs, not how profiles are judged, and a file
/// under `Rubrics/` would enter the rubric fingerprint (making every approval stale) and count as a
/// protected rubric change in every pull request that touched it.
/// `review-profile check --print-config-schema` prints it for editors (yaml-language-server).
public enum ProjectConfigurationSchema {
    public static let text = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://review-profile.invalid/schemas/review-profile-config.schema.json",
      "title": ".review-profile.yml",
      "description": "Optional project configuration of review-profile, at the repository root. Paths are relative to this file. Command-line flags override every setting.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "profiles_dir": { "description": "Directory of the profiles (default: Profiles).", "$ref": "#/$defs/path" },
        "rubric_dir": { "description": "Directory of the rubric (default: Rubrics). Every change below it is a protected rubric change.", "$ref": "#/$defs/path" },
        "reports_dir": { "description": "Directory the report command writes to (default: Reports).", "$ref": "#/$defs/path" },
        "check": {
          "description": "Defaults of review-profile check.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "base": { "description": "Base ref to compare with (default: origin/main when it exists).", "type": "string", "minLength": 1, "pattern": "^[^-]" },
            "working_tree": { "description": "Whether uncommitted changes (staged, unstaged, untracked profiles) count as changed (default: true).", "type": "boolean" },
            "json": { "description": "Write the check JSON document here.", "$ref": "#/$defs/path" },
            "sarif": { "description": "Write SARIF 2.1.0 here.", "$ref": "#/$defs/path" },
            "junit": { "description": "Write JUnit XML here.", "$ref": "#/$defs/path" },
            "markdown": { "description": "Write the Markdown summary here.", "$ref": "#/$defs/path" }
          }
        }
      },
      "$defs": {
        "path": { "type": "string", "minLength": 1 }
      }
    }
    """#
}
