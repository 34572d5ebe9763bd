/// Names a generated top-level type must not take.
///
/// Users import the generated module beside Foundation; a schema called `Data` or `Error` would
/// make every use of those names in their code ambiguous, so such schemas get a `Model` suffix.
/// Runtime names are here because the generated module re-exports the runtime.
enum ReservedNames {
    static let topLevel: Set<String> = [
        // Swift
        "String", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64",
        "Double", "Float", "Bool", "Character", "Substring", "Array", "Dictionary", "Set", "Optional",
        "Result", "Error", "Never", "Void", "Range", "Sequence", "Collection", "Encoder", "Decoder",
        "CodingKey", "Task", "Actor", "Identifiable", "Comparable", "Equatable", "Hashable", "Codable",
        "Encodable", "Decodable", "Sendable", "CustomStringConvertible", "RawRepresentable", "AnyHashable",
        "KeyPath", "Mirror", "Duration", "Clock", "Unicode", "StaticString", "ObjectIdentifier",
        // Foundation
        "Data", "Date", "URL", "UUID", "Decimal", "Locale", "TimeZone", "Calendar", "Operation",
        "Notification", "Process", "Thread", "Timer", "Bundle", "Host", "Progress", "Measurement", "Unit",
        "Port", "Stream", "Scanner", "Expression", "Predicate", "AttributedString", "URLRequest",
        "URLResponse", "URLSession", "JSONEncoder", "JSONDecoder", "FileManager", "IndexSet", "IndexPath",
        "CharacterSet", "DateComponents", "DateInterval", "NSObject", "Formatter", "OperationQueue",
        "RunLoop", "UserDefaults", "URLComponents", "URLQueryItem", "HTTPURLResponse", "Morphology",
        // The runtime
        "JSONValue", "Validator", "Validatable", "ValidationIssue", "ValidationFailure", "ValidationPattern",
        "HTTPRequest", "HTTPResponse", "HTTPFields", "HTTPTransport", "URLSessionTransport", "QueryItem",
        "JSONCoding", "ParameterValue", "ParameterStyle", "QueryEncoding", "PathEncoding", "HeaderEncoding",
        "OperationOutput", "OperationError", "ClientError", "ClientCore", "Indirect", "DynamicCodingKey",
        "DateTime", "UUIDText", "AdditionalMembersStoring", "BranchChoice", "MemberAccounting", "UnionMemberAccounting",
        "OpenEnumeration", "MemberReader", "MemberWriter",
        // What the generator itself declares at the top level
        "Operations", "Servers", "ResponseHeaderSets",
    ]

    /// Names a nested type must not take, because the code around it refers to these.
    static let nested: Set<String> = topLevel.union(["CodingKeys", "Input", "Output"])
}
