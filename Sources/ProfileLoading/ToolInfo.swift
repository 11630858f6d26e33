/// The tool's identity, recorded in every machine-readable output.
public enum ToolInfo {
    public static let name = "review-profile"
    public static let version = "0.2.0"
}
