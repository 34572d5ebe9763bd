import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OpenAPIGenRuntime

/// Runs a generated server on Hummingbird 2.
///
/// ```swift
/// let transport = HummingbirdServerTransport()
/// try await MyService().registerHandlers(on: transport)
/// try await transport.application(configuration: .init(address: .hostname("0.0.0.0", port: 8080))).runService()
/// ```
public actor HummingbirdServerTransport: ServerTransport {
    private var handler: ServerHandler?

    /// A transport with no handler yet.
    public init() {}

    /// Sends every request to `handler` (the last one registered wins).
    public func register(_ handler: @escaping ServerHandler) async throws {
        self.handler = handler
    }

    /// The Hummingbird application answering every request through the registered handler;
    /// run it with `runService()` or in a `ServiceGroup`.
    public func application(
        configuration: ApplicationConfiguration = ApplicationConfiguration(),
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        guard let handler else { throw HummingbirdTransportError.noHandler }
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await Self.respond(to: request, with: handler)
        }
        return Application(responder: responder, configuration: configuration, onServerRunning: onServerRunning)
    }

    private static func respond(to request: Request, with handler: ServerHandler) async -> Response {
        var fields = OpenAPIGenRuntime.HTTPFields()
        for field in request.headers { fields.append(field.name.rawName, field.value) }
        var head = OpenAPIGenRuntime.HTTPRequest(method: request.method.rawValue, path: request.uri.path, headers: fields)
        head.queryString = request.uri.query
        let length = request.headers[.contentLength].flatMap { Int64($0) }.map { HTTPBody.Length.known($0) } ?? .unknown
        let body = HTTPBody(request.body.map { Data($0.readableBytesView) }, length: length)
        let (response, responseBody) = await handler(head, body)
        var headers = HTTPTypes.HTTPFields()
        for field in response.headers {
            guard let name = HTTPField.Name(field.name) else { continue }
            headers.append(HTTPField(name: name, value: field.value))
        }
        let written: ResponseBody
        if let data = responseBody.bufferedData {
            written = ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        } else {
            written = ResponseBody(asyncSequence: responseBody.map { ByteBuffer(bytes: $0) })
        }
        return Response(status: .init(code: response.status), headers: headers, body: written)
    }
}

/// Why the transport could not serve.
public enum HummingbirdTransportError: Error, Sendable {
    /// ``HummingbirdServerTransport/application(configuration:onServerRunning:)`` before any `register`.
    case noHandler
}
