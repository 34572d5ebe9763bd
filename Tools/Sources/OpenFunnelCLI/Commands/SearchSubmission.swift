import OpenFunnelJobs

/// What `lookalikes` and `tech-intent` share once their input is built: refuse invalid input
/// before any request, submit, follow the job into the output, and report errors.
func runSearch<Kind: CLIJobKind>(
    _ kind: Kind.Type, problems: [String], connection: ConnectionOptions, outputOptions: OutputOptions, context: CLIContext,
    submit: @escaping @Sendable (SearchJobs) async throws -> SearchJob<Kind>
) async throws {
    do {
        try refuseInvalidInput(problems)
        let api = try context.api(baseURL: connection.baseURL)
        let output = try outputOptions.openOutput(context)
        var configured = SearchJobs(api: api, polling: context.polling)
        let stderr = context.stderr
        configured.onRateLimit = { wait in stderr.line("rate limited, retrying in \(JobError.seconds(wait)) s") }
        let jobs = configured
        let session = JobSession<Kind>(
            format: outputOptions.resolvedFormat(context), streaming: outputOptions.stream, output: output, context: context,
            baseURL: connection.baseURL)
        try await session.run(announce: true) { try await submit(jobs) }
    } catch {
        throw ErrorReporter.report(error, to: context.stderr)
    }
}
