import Foundation

extension QueryEncoding {
    /// Runs `append` and marks the items it added as ``QueryItem/allowsReserved``: a query
    /// parameter with `allowReserved: true`, whose reserved characters are sent unencoded.
    public static func allowingReserved(_ items: inout [QueryItem], _ append: (inout [QueryItem]) -> Void) {
        let start = items.count
        append(&items)
        for index in start..<items.count { items[index].allowsReserved = true }
    }
}

extension PercentEncoding {
    /// `text` as RFC 6570 reserved expansion writes it, within a query: unreserved and reserved
    /// characters pass, and so do percent-encoded triples (`%2F` stays `%2F`); everything else
    /// is escaped, including a `%` that starts no triple and the reserved characters a query
    /// cannot hold (`#`, `[`, `]`: the first would end the query, RFC 3986 section 3.4).
    static func encodeAllowingReserved(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%"), i + 2 < bytes.count, isHexDigit(bytes[i + 1]), isHexDigit(bytes[i + 2]) {
                result.append(contentsOf: bytes[i...(i + 2)])
                i += 3
                continue
            }
            if isUnreserved(byte) || isSubDelimiter(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") {
                result.append(byte)
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
            i += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
