import Foundation

/// Runs work on a thread with a large stack.
///
/// Decoding descends recursively as deep as the document nests (bounded, but up to thousands of
/// levels with inlined files); the threads of Swift concurrency and test runners can have stacks
/// of 512 KB, which such a document could exhaust. A private thread makes the bound independent
/// of the caller.
enum LargeStack {
    static let size = 256 << 20

    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let thread = Thread {
            box.value = work()
            box.done.signal()
        }
        thread.stackSize = size
        thread.start()
        box.done.wait()
        return box.value!
    }
}

/// Hands a result from the worker thread back to the waiting caller; the semaphore orders the
/// write before the read.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}
