#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread with a large stack.
///
/// Decoding descends recursively as deep as the document nests (bounded, but up to thousands of
/// levels with inlined files); the threads of Swift concurrency and test runners can have stacks
/// of 512 KB, which such a document could exhaust. A private thread makes the bound independent
/// of the caller. POSIX threads rather than Foundation's `Thread`, whose `start()` cannot report a
/// thread that failed to start: then the work runs on the calling thread instead of never.
enum LargeStack {
    static let size = 256 << 20

    static func run<T>(_ work: () -> T) -> T {
        withoutActuallyEscaping(work) { work in
            var result: T?
            let job = Job { result = work() }
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            let context = Unmanaged.passRetained(job).toOpaque()
            #if canImport(Darwin)
            var thread: pthread_t?
            #else
            var thread = pthread_t()
            #endif
            let status = pthread_create(&thread, &attributes, { context in
                #if canImport(Darwin)
                let job = Unmanaged<Job>.fromOpaque(context).takeRetainedValue()
                #else
                let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
                #endif
                job.body()
                return nil
            }, context)
            guard status == 0 else {
                Unmanaged<Job>.fromOpaque(context).release()
                return work()
            }
            #if canImport(Darwin)
            pthread_join(thread!, nil)
            #else
            pthread_join(thread, nil)
            #endif
            // `pthread_join` orders the worker's write of `result` before this read.
            return result!
        }
    }
}

private final class Job {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}
