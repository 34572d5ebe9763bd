import OpenAPIModel
import Testing
import YAMLTree

/// OpenAPI 3.2's new methods and the querystring parameter, as the loader reads them.
@Suite struct OpenAPI32OperationTests {
    static let text = """
        openapi: 3.2.0
        info: {title: Methods, version: '1'}
        paths:
          /items:
            parameters:
              - {name: tenant, in: header, schema: {type: string}}
            get:
              responses: {'200': {description: ok}}
            query:
              operationId: searchItems
              requestBody:
                content:
                  application/json: {schema: {type: object}}
              responses: {'200': {description: ok}}
            additionalOperations:
              LINK:
                operationId: linkItems
                responses: {'204': {description: linked}}
              purge:
                responses: {'204': {description: purged}}
          /filter:
            get:
              parameters:
                - name: filter
                  in: querystring
                  content:
                    application/x-www-form-urlencoded:
                      schema:
                        type: object
                        properties: {color: {type: string}}
              responses: {'200': {description: ok}}
        """

    @Test func readsAs32WithoutAWarning() throws {
        let (document, result) = try loadClean(Self.text)
        #expect(document.version == .v3_2)
        #expect(document.versionText == "3.2.0")
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
    }

    @Test func queryAndAdditionalOperationsAreOperations() throws {
        let (document, _) = try loadClean(Self.text)
        let item = try #require(document.paths["/items"])
        #expect(item.operations.map(\.method.token) == ["GET", "QUERY", "LINK", "purge"])
        #expect(item.operations.map(\.method.isAdditional) == [false, false, true, true])
        let query = try #require(document.operation(.query, "/items"))
        #expect(query.operationID == "searchItems")
        #expect(query.requestBody?.content.keys == ["application/json"])
        // Path-level parameters reach additional operations as they reach the fixed ones.
        #expect(item.operations[2].operation.parameters.map(\.name) == ["tenant"])
        #expect(document.operations.count == 5)
    }

    @Test func querystringParameterKeepsItsMediaType() throws {
        let (document, _) = try loadClean(Self.text)
        let parameter = try #require(document.operation(.get, "/filter")?.parameters.first)
        #expect(parameter.location == .querystring)
        #expect(parameter.contentType == "application/x-www-form-urlencoded")
        #expect(parameter.content?.schema?.properties.keys == ["color"])
    }

    @Test func additionalOperationNamingAFixedMethodIsAnError() {
        expectError(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                additionalOperations:
                  ⟨E⟩POST:
                    responses: {'200': {description: ok}}
            """, containing: "must not hold POST", "`post` field")
    }

    @Test func methodThatIsNotATokenIsAnError() {
        expectError(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                additionalOperations:
                  ⟨E⟩"BAD METHOD":
                    responses: {'200': {description: ok}}
            """, containing: "not an HTTP method name")
    }

    @Test func queryIn31IsReadWithAWarning() throws {
        let result = expectWarning(in: """
            openapi: 3.1.0
            info: {title: x, version: '1'}
            paths:
              /a:
                ⟨E⟩query:
                  responses: {'200': {description: ok}}
            """, containing: "OpenAPI 3.2 field")
        #expect(result.document?.paths["/a"]?.operations.map(\.method) == [.query])
    }

    /// 3.0 and 3.1 keep their parameter locations: `querystring` is unknown there, as before.
    @Test func querystringIn31IsStillUnknown() {
        expectError(in: """
            openapi: 3.1.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - name: whole
                      in: ⟨E⟩querystring
                      content: {application/json: {schema: {type: object}}}
                  responses: {'200': {description: ok}}
            """, containing: "unknown `in` value \"querystring\"; expected one of path, query, header or cookie")
    }

    @Test func queryBesideQuerystringIsAnError() {
        expectError(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - name: whole
                      in: querystring
                      content: {application/json: {schema: {type: object}}}
                    - ⟨E⟩name: page
                      in: query
                      schema: {type: integer}
                  responses: {'200': {description: ok}}
            """, containing: "query parameter `page` cannot stand beside querystring parameter `whole`")
    }

    @Test func secondQuerystringIsAnError() {
        expectError(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - name: one
                      in: querystring
                      content: {application/json: {schema: {type: object}}}
                    - ⟨E⟩name: two
                      in: querystring
                      content: {application/json: {schema: {type: object}}}
                  responses: {'200': {description: ok}}
            """, containing: "at most one", "`one` is the first")
    }

    /// A path-level conflict is reported once, not once per operation.
    @Test func pathLevelConflictIsReportedOnce() {
        let result = expectError(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                parameters:
                  - name: whole
                    in: querystring
                    content: {application/json: {schema: {type: object}}}
                  - ⟨E⟩name: page
                    in: query
                    schema: {type: integer}
                get:
                  responses: {'200': {description: ok}}
                put:
                  responses: {'200': {description: ok}}
            """, containing: "cannot stand beside")
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 1)
    }

    @Test func querystringWithSchemaIsAnError() {
        expectError(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - name: whole
                      in: querystring
                      ⟨E⟩schema: {type: string}
                  responses: {'200': {description: ok}}
            """, containing: "must be described by `content`")
    }

    @Test func styleOnAQuerystringIsIgnoredWithAWarning() {
        expectWarning(in: """
            openapi: 3.2.0
            info: {title: x, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - name: whole
                      in: querystring
                      ⟨E⟩style: form
                      content: {application/json: {schema: {type: object}}}
                  responses: {'200': {description: ok}}
            """, containing: "does not apply to a querystring parameter")
    }
}
