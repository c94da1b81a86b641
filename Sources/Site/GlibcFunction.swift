import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// glibc functions Swift's Glibc module does not declare (`renameat2`, `copy_file_range`,
/// `malloc_trim`), looked up at run time: nil where the C library lacks them.
enum GlibcFunction {
    static func lookUp<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    typealias CopyFileRange = @convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int
    nonisolated(unsafe) static let copyFileRange = lookUp("copy_file_range", as: CopyFileRange.self)
}
