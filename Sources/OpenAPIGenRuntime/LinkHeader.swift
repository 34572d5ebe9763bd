import Foundation

/// Reads the `Link` response field (RFC 8288), how GitHub and many other APIs page.
public enum LinkHeader {
    /// The target of the first link whose `rel` includes `rel`: the next page for `"next"`.
    public static func url(_ value: String, rel: String) -> URL? {
        for link in links(value) where link.rels.contains(rel.lowercased()) { return URL(string: link.target) }
        return nil
    }

    /// Each `<target>; param=value…` of the field, with its relation types lowercased.
    public static func links(_ value: String) -> [(target: String, rels: [String])] {
        var result: [(String, [String])] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let target = String(rest[rest.index(after: open)..<close])
            var params = rest[rest.index(after: close)...]
            // The parameters run to the next link: a comma outside quotes followed by `<`.
            var end = params.endIndex
            var quoted = false
            for i in params.indices {
                let c = params[i]
                if c == "\"" { quoted.toggle() }
                if c == ",", !quoted, params[params.index(after: i)...].drop(while: { $0 == " " }).first == "<" {
                    end = i
                    break
                }
            }
            var rels: [String] = []
            for param in params[..<end].split(separator: ";") {
                let pair = param.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, pair[0].lowercased() == "rel" else { continue }
                let unquoted = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                rels += unquoted.lowercased().split(separator: " ").map(String.init)
            }
            result.append((target, rels))
            params = params[end...]
            rest = params
        }
        return result
    }
}
