/// One broken constraint found by a ``Validator``.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Where the value sits, in wire names: `manifest.count`, `rows[3].name`; empty for the
    /// validated value itself.
    public let path: String
    /// What is wrong, for example `0 characters, at least 1 required`.
    public let message: String

    /// Creates an issue.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, or just the message when the path is empty.
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}

/// The error thrown when a value breaks its schema's constraints.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    /// Every issue found, in the order the checks ran.
    public let issues: [ValidationIssue]

    /// Creates an error from the issues found.
    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// Every issue, one per line.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}

/// A value whose schema constraints can be checked before it is sent.
///
/// Generated types implement ``validate(into:)`` with one ``Validator`` call per constraint;
/// checks Swift's type system already guarantees (required properties, closed enums) are not
/// repeated there.
public protocol Validatable {
    /// Records every broken constraint of this value in `validator`.
    func validate(into validator: inout Validator)
}

extension Validatable {
    /// Throws a ``ValidationFailure`` listing every broken constraint, if there is any.
    public func validate() throws {
        let issues = validationIssues
        if !issues.isEmpty {
            throw ValidationFailure(issues: issues)
        }
    }

    /// Every broken constraint of this value; empty when it is valid.
    public var validationIssues: [ValidationIssue] {
        var validator = Validator()
        validate(into: &validator)
        return validator.issues
    }
}
