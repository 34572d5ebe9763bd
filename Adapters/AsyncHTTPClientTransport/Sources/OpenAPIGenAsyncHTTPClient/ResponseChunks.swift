import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat

/// AsyncHTTPClient's response body as the `Data` chunks ``HTTPBody`` is made of, its errors
/// translated as the transport's (a connection lost mid-body is `URLError(.networkConnectionLost)`
/// whichever transport read it).
///
/// AsyncHTTPClient reads from the connection only while one buffer is waiting for this sequence's
/// reader (its back-pressure strategy), and its iterator, once ended or dropped before the end,
/// cancels the request and closes the connection: what bounds memory and makes cancellation reach
/// the server.
struct ResponseChunks: AsyncSequence, Sendable {
    typealias Element = Data

    let body: HTTPClientResponse.Body

    func makeAsyncIterator() -> Iterator { Iterator(base: body.makeAsyncIterator()) }

    struct Iterator: AsyncIteratorProtocol {
        var base: HTTPClientResponse.Body.AsyncIterator

        mutating func next() async throws -> Data? {
            do {
                // Large buffers are wrapped rather than copied (`.automatic`).
                return try await base.next().map { Data(buffer: $0, byteTransferStrategy: .automatic) }
            } catch {
                throw TransportErrors.translate(error)
            }
        }
    }
}
