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

/// The end of the current thread's stack, for recursive work that can run on the caller's
/// thread when there is room and must be moved elsewhere when there is not.
struct StackLimit {
    /// Below this address the stack counts as used up; what lies beneath is the reserve that
    /// lets the work notice and unwind.
    let floor: UInt

    /// The current thread's limit, keeping `reserve` bytes back, when at least `needed` bytes
    /// lie between here and that limit; nil when the stack is smaller or cannot be found.
    static func current(needed: Int, reserve: Int) -> StackLimit? {
        guard let lowest = lowestAddress() else { return nil }
        let here = currentAddress()
        guard here > lowest, Int(here - lowest) >= needed + reserve else { return nil }
        return StackLimit(floor: lowest + UInt(reserve))
    }

    /// True once the stack has grown down to the floor.
    var isReached: Bool { Self.currentAddress() < floor }

    /// An address in the current frame; the stack grows down on every platform this runs on.
    @inline(never)
    private static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    private static func lowestAddress() -> UInt? {
        #if canImport(Darwin)
        let thread = pthread_self()
        let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        let size = UInt(pthread_get_stacksize_np(thread))
        return top > size ? top - size : nil
        #else
        guard let getAttributes = pthreadGetAttributes else { return nil }
        var attributes = pthread_attr_t()
        guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return nil }
        return UInt(bitPattern: base)
        #endif
    }

    #if !canImport(Darwin)
    private typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32

    /// `pthread_getattr_np`, the one call that tells a thread (the main thread included) where
    /// its stack is. The C library has it, but the Swift module leaves out non-portable calls.
    private static let pthreadGetAttributes: GetAttributes? = dlsym(nil, "pthread_getattr_np").map {
        unsafeBitCast($0, to: GetAttributes.self)
    }
    #endif
}

