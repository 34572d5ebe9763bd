import OpenFunnelCLI

// From top-level code, `OpenFunnelCommand.main()` resolves to ParsableCommand's synchronous
// overload, which refuses async commands; inside an async function it is the async one.
func main() async {
    await OpenFunnelCommand.main()
}

await main()
