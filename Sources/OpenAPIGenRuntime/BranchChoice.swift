/// Decodes a union without a discriminator (or the branches that share one tag value) to the
/// branch that accounts for the payload.
///
/// Every branch is tried. One that decodes has all its required members; among those, the
/// branch with the fewest members whose value differs from what its schema pins (`role: {enum:
/// [user]}` read as an open enum, a `const`) wins, then the one whose schema leaves the fewest
/// members unnamed, and ties go to the earliest branch, as written in the spec. Taking the first
/// branch that decodes instead would drop the members only a later branch declares. Once a
/// branch accounts for every member, later branches cannot do better and are not tried.
public struct BranchChoice<Union> {
    private let decoder: any Decoder
    private var best: (value: Union, rank: Rank)?
    private typealias Rank = (unexpected: Int, unknown: Int)
    private var firstError: (any Error)?

    /// Starts a choice over the value `decoder` reads.
    public init(_ decoder: any Decoder) {
        self.decoder = decoder
    }

    /// Tries a branch whose type does not say how many members it left unnamed (strings,
    /// numbers, arrays, free-form values): it accounts for the whole value when it decodes.
    public mutating func consider<Branch: Decodable>(_ type: Branch.Type, _ make: (Branch) -> Union) {
        guard !isSettled else { return }
        do {
            offer(make(try Branch(from: decoder)), rank: (0, 0))
        } catch {
            if firstError == nil { firstError = error }
        }
    }

    /// Tries an object branch (or a union, through the branch it chooses), ranked by the members
    /// its schema does not name.
    public mutating func consider<Branch: Decodable & MemberAccounting>(_ type: Branch.Type, _ make: (Branch) -> Union) {
        guard !isSettled else { return }
        do {
            let value = try Branch(from: decoder)
            offer(make(value), rank: (value.unexpectedValueCount, value.unknownMemberCount))
        } catch {
            if firstError == nil { firstError = error }
        }
    }

    private var isSettled: Bool { best.map { $0.rank == (0, 0) } ?? false }

    private mutating func offer(_ value: Union, rank: Rank) {
        if best.map({ rank < $0.rank }) ?? true { best = (value, rank) }
    }

    /// The chosen branch's value, or an error naming `typeName` when no branch decodes.
    public func chosen(_ typeName: String) throws -> Union {
        if let best { return best.value }
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: decoder.codingPath, debugDescription: "the value matches none of \(typeName)'s schemas",
            underlyingError: firstError))
    }
}
