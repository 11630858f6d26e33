/// The sticky comment after `StickyCommentPublisher.publish`.
public struct PublishedComment: Sendable, Equatable {
    public enum Action: String, Sendable {
        case created
        case updated
    }

    public var action: Action
    public var id: Int
    /// The comment's web page (empty when GitHub did not send one).
    public var htmlURL: String

    public init(action: Action, id: Int, htmlURL: String) {
        self.action = action
        self.id = id
        self.htmlURL = htmlURL
    }
}
