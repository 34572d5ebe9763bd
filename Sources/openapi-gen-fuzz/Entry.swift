#if FUZZING
/// libFuzzer's entry. Built with `-sanitize=fuzzer,address -DFUZZING` (see Scripts/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let outcome = FuzzInput.run(bytes)
    if let violation = outcome.violation {
        // A finding like a crash: libFuzzer saves the input.
        fatalError(violation + "\n" + outcome.rendered.joined(separator: "\n"))
    }
    return 0
}

/// SwiftPM links an executable's `main` to this name (so that tests can link the module), which
/// leaves libFuzzer's own `main` out; start libFuzzer's driver from here instead.
@_cdecl("openapi_gen_fuzz_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv) { data, size in fuzz(data, size) }
}

/// libFuzzer's `LLVMFuzzerRunDriver`; `@_extern` needs `-enable-experimental-feature Extern`,
/// which only the fuzz build passes.
@_extern(c, "LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#else
import Foundation

/// Replays saved fuzz inputs without sanitizers: `openapi-gen-fuzz FILE|DIR...` runs each file
/// (each file of a directory) through the fuzz target and prints its diagnostics, generated file
/// count and time. Exits 1 when an input breaks the target's checks.
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard !arguments.isEmpty else {
            FileHandleWriter.standardError("usage: openapi-gen-fuzz FILE|DIRECTORY...\n")
            exit(2)
        }
        var failed = false
        for path in arguments.flatMap(inputs) {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandleWriter.standardError("cannot read \(path)\n")
                failed = true
                continue
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = FuzzInput.run([UInt8](data))
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            print("== \(path) (\(data.count) bytes, \(String(format: "%.1f", ms)) ms, \(outcome.generatedFiles) files generated)")
            for line in outcome.rendered.prefix(20) { print("   \(line)") }
            if outcome.rendered.count > 20 { print("   … \(outcome.rendered.count - 20) more") }
            if let violation = outcome.violation {
                print("   VIOLATION: \(violation)")
                failed = true
            }
        }
        exit(failed ? 1 : 0)
    }

    /// A file, or the regular files of a directory in name order.
    static func inputs(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return [path] }
        return names.sorted().map { path + "/" + $0 }.filter {
            var sub: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &sub) && !sub.boolValue
        }
    }
}

enum FileHandleWriter {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
#endif
