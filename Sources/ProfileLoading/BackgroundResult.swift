import Dispatch

/// A value computed on another thread while the caller goes on (loading the rubric while git lists
/// the changes, reading the stored corpus index while the changed files are reviewed); `value()`
/// waits for it and returns it, or throws what the work threw.
public final class BackgroundResult<Value: Sendable, Failure: Error>: @unchecked Sendable {
    // Written once by the worker before `group.leave()`, read only after `group.wait()`.
    private var result: Result<Value, Failure>?
    private let group = DispatchGroup()

    public init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { () throws(Failure) -> Value in try work() }
            self.group.leave()
        }
    }

    public func value() throws(Failure) -> Value {
        group.wait()
        return try result!.get()
    }
}
