import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import OpenAPIGenRuntime

/// The runtime's request as AsyncHTTPClient's, and AsyncHTTPClient's response head as the
/// runtime's: header fields keep their order and repeats both ways.
enum RequestConversion {
    /// Fields the client derives from the body it is given; a copy set by the caller could
    /// disagree with it (AsyncHTTPClient rejects some such pairs).
    private static let framingFields: Set<String> = ["content-length", "transfer-encoding"]

    /// `request` sent to `baseURL`, its body taken from `upload` when there is one (streamed as
    /// it is read, unless it is already in memory), else from `request.body`.
    static func clientRequest(_ request: HTTPRequest, baseURL: URL, upload: HTTPBody?) -> HTTPClientRequest {
        var sent = HTTPClientRequest(url: request.url(relativeTo: baseURL).absoluteString)
        sent.method = HTTPMethod(rawValue: request.method)
        for field in request.headers where !framingFields.contains(field.name.lowercased()) {
            sent.headers.add(name: field.name, value: field.value)
        }
        if let upload {
            if let data = upload.bufferedData {
                sent.body = .bytes(ByteBuffer(data: data))
            } else {
                let length: HTTPClientRequest.Body.Length
                switch upload.length {
                case .known(let count): length = .known(count)
                case .unknown: length = .unknown
                }
                sent.body = .stream(upload.map { ByteBuffer(data: $0) }, length: length)
            }
        } else if let data = request.body {
            sent.body = .bytes(ByteBuffer(data: data))
        }
        return sent
    }

    /// The status and header fields of `response`, its body left empty.
    static func head(of response: HTTPClientResponse) -> OpenAPIGenRuntime.HTTPResponse {
        OpenAPIGenRuntime.HTTPResponse(
            status: Int(response.status.code),
            headers: HTTPFields(response.headers.map { ($0.name, $0.value) }))
    }

    /// The body length `response` announces, for ``HTTPBody/length``.
    static func length(of response: HTTPClientResponse) -> HTTPBody.Length {
        guard let text = response.headers.first(name: "content-length"), let count = Int64(text), count >= 0 else {
            return .unknown
        }
        return .known(count)
    }
}
