@testable import SwiftCodegen
import OpenAPIModel

/// Reaches the internal naming rule for tests.
enum OperationNamingProbe {
    static func name(_ id: String, path: String, method: HTTPMethod) -> String {
        OperationNaming.baseName(operationID: id, path: path, method: method)
    }
}
