import Foundation

/// The plumbing every generated operation shares: where requests go, how they travel, and how
/// failures are reported. Generated clients hold one; behaviour added here (retries, logging)
/// reaches every generated client without regenerating.
public struct ClientCore: Sendable {
    /// Joined with each operation's path.
    public var baseURL: URL
    public var transport: any HTTPTransport

    /// Creates the plumbing for one server.
    public init(baseURL: URL, transport: any HTTPTransport) {
        self.baseURL = baseURL
        self.transport = transport
    }

    /// Throws ``ClientError/invalidInput(operationID:_:)`` listing every broken constraint, so a
    /// bad request never reaches the network (nor spends the caller's credits).
    public func validate(_ input: some Validatable, operationID: String) throws {
        let issues = input.validationIssues
        if !issues.isEmpty {
            throw ClientError.invalidInput(operationID: operationID, ValidationFailure(issues: issues))
        }
    }

    /// Encodes a JSON request body.
    public func encodeJSON(_ value: some Encodable, operationID: String) throws -> Data {
        try JSONCoding.encode(value)
    }

    /// Sends a request; transport failures become ``ClientError/transport(operationID:underlying:)``,
    /// except cancellation, which callers expect to see as it is.
    public func send(_ request: HTTPRequest, operationID: String) async throws -> HTTPResponse {
        do {
            return try await transport.send(request, baseURL: baseURL)
        } catch let error as CancellationError {
            throw error
        } catch let error as ClientError {
            throw error
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw ClientError.transport(operationID: operationID, underlying: error)
        }
    }

    /// Decodes a JSON response body; a body that doesn't match the schema becomes
    /// ``ClientError/undecodableResponse(operationID:status:contentType:underlying:)`` naming
    /// where in the document it went wrong.
    public func decodeJSON<T: Decodable>(_ type: T.Type, from response: HTTPResponse, operationID: String) throws -> T {
        do {
            return try JSONCoding.decode(type, from: response.body)
        } catch let error as DecodingError {
            throw ClientError.undecodableResponse(
                operationID: operationID, status: response.status,
                contentType: response.headers["Content-Type"], underlying: ClientError.describe(error))
        }
    }
}
