import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Linux's `renameat2(…, RENAME_EXCHANGE)`: swaps two paths in one step. Looked up at run time
/// because Swift's Glibc module does not declare it; false when unavailable or unsupported.
enum AtomicExchange {
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: UInt32 = 2
    nonisolated(unsafe) private static let function = GlibcFunction.lookUp("renameat2", as: Renameat2.self)

    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let function else { return false }
        return function(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
