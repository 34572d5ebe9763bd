import Foundation

/// JSON decoding for request bodies and parameters that says where a refused value is.
///
/// Foundation's `JSONDecoder` (swift-foundation, as of Swift 6.3) reports a number that does not
/// fit its member's type (`99999999999999999999` for an `Int`, `1.5` for an `Int`, `300` for an
/// `Int8`) as "The given data was not valid JSON." with an empty coding path, and a syntax error
/// without its position. When it fails that way the document is decoded a second time by
/// ``JSONDiagnosticDecoder``, which mirrors what `JSONDecoder` accepts but keeps the coding path
/// and the number's text, so the caller learns `count: integer out of range` instead. The second
/// pass runs only on a failure; a request that decodes costs nothing more.
enum ServerJSON {
    /// `T` from `data`, as ``JSONCoding/decode(_:from:)`` reads it; a `DecodingError` that
    /// `JSONDecoder` left without a coding path is replaced by one with the path and the reason.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONCoding.decode(type, from: data)
        } catch let error as DecodingError {
            guard case .dataCorrupted(let context) = error, context.codingPath.isEmpty else { throw error }
            throw JSONDiagnosticDecoder.diagnose(type, data) ?? error
        }
    }

    /// Whether `error` is a number its member's type cannot hold (see
    /// ``JSONDiagnosticDecoder/NumberProblem``).
    static func isNumberProblem(_ error: DecodingError) -> Bool {
        if case .dataCorrupted(let context) = error { return context.underlyingError is JSONDiagnosticDecoder.NumberProblem }
        return false
    }
}

/// A `Decoder` over a ``JSONSyntaxTree`` that accepts what `JSONCoding`'s `JSONDecoder` accepts
/// (numbers with an integral value for integers, RFC 3339 dates, base64 data, URLs and decimals
/// as `JSONDecoder` special-cases them) and fails with the coding path where it does not.
struct JSONDiagnosticDecoder: Decoder {
    let node: JSONSyntaxTree
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The located error for a document `JSONDecoder` refused, or nil when this decoder reads it
    /// (then the original error is all there is to say).
    static func diagnose<T: Decodable>(_ type: T.Type, _ data: Data) -> DecodingError? {
        let tree: JSONSyntaxTree
        do {
            tree = try JSONSyntaxTree.parse([UInt8](data))
        } catch {
            return .dataCorrupted(.init(codingPath: [], debugDescription: "not valid JSON: \(error.message) at byte \(error.offset)"))
        }
        do {
            _ = try value(type, tree, [])
            return nil
        } catch let error as DecodingError {
            return error
        } catch {
            return nil
        }
    }

    static func value<T: Decodable>(_ type: T.Type, _ node: JSONSyntaxTree, _ path: [any CodingKey]) throws -> T {
        // The types `JSONDecoder` reads its own way rather than through their `init(from:)`.
        if T.self == Date.self {
            let text = try string(node, path, Date.self)
            guard let date = RFC3339.date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "expected an RFC 3339 date-time, found \(text.debugDescription)"))
            }
            return date as! T
        }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try string(node, path, Data.self)) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "is not valid base64"))
            }
            return data as! T
        }
        if T.self == URL.self {
            guard let url = URL(string: try string(node, path, URL.self)) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "is not a valid URL"))
            }
            return url as! T
        }
        if T.self == Decimal.self {
            guard case .number(let text) = node, let decimal = Decimal(string: text) else { throw mismatch(Decimal.self, node, path) }
            return decimal as! T
        }
        return try T(from: JSONDiagnosticDecoder(node: node, codingPath: path))
    }

    private static func string(_ node: JSONSyntaxTree, _ path: [any CodingKey], _ type: Any.Type) throws -> String {
        guard case .string(let text) = node else { throw mismatch(type, node, path) }
        return text
    }

    static func mismatch(_ type: Any.Type, _ node: JSONSyntaxTree, _ path: [any CodingKey]) -> DecodingError {
        if case .null = node {
            return .valueNotFound(type, .init(codingPath: path, debugDescription: "found null"))
        }
        let found: String
        switch node {
        case .null: found = "null"
        case .bool: found = "a boolean"
        case .number: found = "a number"
        case .string: found = "a string"
        case .array: found = "an array"
        case .object: found = "an object"
        }
        return .typeMismatch(type, .init(codingPath: path, debugDescription: "found \(found)"))
    }

    /// The `underlyingError` of a number that is JSON but not one its member's type holds, so
    /// callers that retry a decoding with other readings of the text (parameters, forms) can
    /// tell it from a mismatch worth retrying.
    struct NumberProblem: Error {}

    private static func numberProblem(_ path: [any CodingKey], _ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: message, underlyingError: NumberProblem()))
    }

    static func integer<I: FixedWidthInteger>(_ type: I.Type, _ node: JSONSyntaxTree, _ path: [any CodingKey]) throws -> I {
        guard case .number(let text) = node else { throw mismatch(type, node, path) }
        if let value = I(text) { return value }
        let range = "integer out of range: \(text) is not between \(I.min) and \(I.max)"
        // Digits only: too many of them. Otherwise `JSONDecoder` takes a fraction or exponent
        // whose value is a whole number in range (`1.0`, `1e2`).
        guard text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let number = Double(text) else {
            throw numberProblem(path, range)
        }
        if let value = I(exactly: number) { return value }
        if number.isFinite, number.rounded() != number {
            throw numberProblem(path, "\(text) is not an integer")
        }
        throw numberProblem(path, range)
    }

    static func floating<F: BinaryFloatingPoint & LosslessStringConvertible>(_ type: F.Type, _ node: JSONSyntaxTree, _ path: [any CodingKey]) throws -> F {
        guard case .number(let text) = node else { throw mismatch(type, node, path) }
        guard let value = F(text), value.isFinite else {
            throw numberProblem(path, "number out of range: \(text) is beyond a \(F.significandBitCount > 23 ? 64 : 32)-bit floating-point number")
        }
        return value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let keys, let members) = node else { throw Self.mismatch([String: Any].self, node, codingPath) }
        return KeyedDecodingContainer(Keyed<Key>(keys: keys, members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = node else { throw Self.mismatch([Any].self, node, codingPath) }
        return Unkeyed(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(node: node, codingPath: codingPath)
    }
}

extension JSONDiagnosticDecoder {
    private struct Single: SingleValueDecodingContainer {
        let node: JSONSyntaxTree
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool {
            if case .null = node { return true }
            return false
        }

        func decode(_ type: Bool.Type) throws -> Bool {
            guard case .bool(let value) = node else { throw JSONDiagnosticDecoder.mismatch(type, node, codingPath) }
            return value
        }

        func decode(_ type: String.Type) throws -> String {
            guard case .string(let value) = node else { throw JSONDiagnosticDecoder.mismatch(type, node, codingPath) }
            return value
        }

        func decode(_ type: Double.Type) throws -> Double { try JSONDiagnosticDecoder.floating(type, node, codingPath) }
        func decode(_ type: Float.Type) throws -> Float { try JSONDiagnosticDecoder.floating(type, node, codingPath) }
        func decode(_ type: Int.Type) throws -> Int { try JSONDiagnosticDecoder.integer(type, node, codingPath) }
        func decode(_ type: Int8.Type) throws -> Int8 { try JSONDiagnosticDecoder.integer(type, node, codingPath) }
        func decode(_ type: Int16.Type) throws -> Int16 { try JSONDiagnosticDecoder.integer(type, node, codingPath) }
        func decode(_ type: Int32.Type) throws -> Int32 { try JSONDiagnosticDecoder.integer(type, node, codingPath) }
        func decode(_ type: Int64.Type) throws -> Int64 { try JSONDiagnosticDecoder.integer(type, node, codingPath) }
        func decode(_ type: UInt.Type) throws -> UInt { try JSONDiagnosticDecoder.integer(type, node, codingPath) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONDiagnosticDecoder.integer(type, node, codingPath) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONDiagnosticDecoder.integer(type, node, codingPath) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONDiagnosticDecoder.integer(type, node, codingPath) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONDiagnosticDecoder.integer(type, node, codingPath) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDiagnosticDecoder.value(type, node, codingPath) }
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let keys: [String]
        let members: [String: JSONSyntaxTree]
        let codingPath: [any CodingKey]

        var allKeys: [Key] { keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

        private func member(_ key: Key) throws -> JSONSyntaxTree {
            guard let node = members[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no member \(key.stringValue.debugDescription)"))
            }
            return node
        }

        private func read<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
            try JSONDiagnosticDecoder.value(type, member(key), codingPath + [key])
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try member(key) { return true }
            return false
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try read(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try read(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try read(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try read(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try read(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try read(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try read(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try read(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try read(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try read(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try read(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try read(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try read(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try read(type, key) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try read(type, key) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONDiagnosticDecoder(node: member(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONDiagnosticDecoder(node: member(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            JSONDiagnosticDecoder(node: members["super"] ?? .null, codingPath: codingPath + [DynamicCodingKey("super")])
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            JSONDiagnosticDecoder(node: members[key.stringValue] ?? .null, codingPath: codingPath + [key])
        }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let items: [JSONSyntaxTree]
        let codingPath: [any CodingKey]
        private(set) var currentIndex = 0

        init(items: [JSONSyntaxTree], codingPath: [any CodingKey]) {
            self.items = items
            self.codingPath = codingPath
        }

        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private var itemPath: [any CodingKey] { codingPath + [DynamicCodingKey(intValue: currentIndex)!] }

        private mutating func next() throws -> (JSONSyntaxTree, [any CodingKey]) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: itemPath, debugDescription: "the array has no more items"))
            }
            defer { currentIndex += 1 }
            return (items[currentIndex], itemPath)
        }

        private mutating func read<T: Decodable>(_ type: T.Type) throws -> T {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(type, .init(codingPath: itemPath, debugDescription: "the array has no more items"))
            }
            // Only a decoded item moves on, as in `JSONDecoder`.
            let value = try JSONDiagnosticDecoder.value(type, items[currentIndex], itemPath)
            currentIndex += 1
            return value
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw DecodingError.valueNotFound(Any?.self, .init(codingPath: itemPath, debugDescription: "the array has no more items")) }
            if case .null = items[currentIndex] {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type) }
        mutating func decode(_ type: String.Type) throws -> String { try read(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try read(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try read(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try read(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try read(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try read(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try read(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try read(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try read(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read(type) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try read(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let (node, path) = try next()
            return try JSONDiagnosticDecoder(node: node, codingPath: path).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (node, path) = try next()
            return try JSONDiagnosticDecoder(node: node, codingPath: path).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (node, path) = try next()
            return JSONDiagnosticDecoder(node: node, codingPath: path)
        }
    }
}
