#if canImport(Glibc)
    import Glibc
#endif

/// Process-wide settings of the C allocator, applied once at start by the executable.
public enum Allocator {
    /// Turns off glibc's "fastbins" (`mallopt(M_MXFAST, 0)`). A large answer, such as the CSV of
    /// every position, frees hundreds of thousands of small blocks; glibc parks them in fastbins
    /// and merges them all at the next large allocation, which made the first page rendered after
    /// an export about 40 % slower (measured with `bench/referrals.py`). Without fastbins blocks
    /// are merged as they are freed; steady rendering time did not change. For the server only:
    /// an import, whose SQLite inserts churn small blocks, ran about 13 % slower without them.
    /// `mallopt` is looked up at run time: Swift's Glibc module does not declare it, and other C
    /// libraries may not have it. Returns whether the setting took.
    @discardableResult
    public static func tune() -> Bool {
        #if canImport(Glibc)
            guard let symbol = dlsym(nil, "mallopt") else { return false }
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mxFast: Int32 = 1  // M_MXFAST in <malloc.h>
            return unsafeBitCast(symbol, to: Mallopt.self)(mxFast, 0) == 1
        #else
            return false
        #endif
    }
}
