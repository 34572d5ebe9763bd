extension ClientCore {
    /// With ``ClientOptions/validateResponses``: a decoded body that breaks its schema's
    /// constraints is reported as not matching the documented schema, every issue listed.
    func validateResponse(_ value: some Decodable, _ response: HTTPResponse, operationID: String) throws {
        guard let value = value as? any Validatable else { return }
        let issues = value.validationIssues
        guard !issues.isEmpty else { return }
        throw ClientError.undecodableResponse(
            operationID: operationID, status: response.status, contentType: response.headers["Content-Type"],
            underlying: "the body breaks its schema: " + issues.map(\.description).joined(separator: "; "))
    }
}
