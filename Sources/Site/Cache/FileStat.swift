import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `lstat` says about a file, as far as telling "unchanged" goes. Equal stats mean the
/// cache may skip reading the file; any difference means it is read and hashed again.
struct FileStat: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var mtimeNanoseconds: Int64
    var ctimeNanoseconds: Int64
    var isDirectory: Bool

    /// A stat no real file has: stored for a file changed too close to its build to trust its
    /// timestamp (it may change again within the file system's clock tick), so it is re-hashed.
    static let untrusted = FileStat(device: 0, inode: 0, size: -1, mtimeNanoseconds: 0, ctimeNanoseconds: 0, isDirectory: false)

    /// `follow` uses `stat` (content files may be symbolic links); outputs use `lstat`.
    init?(path: String, follow: Bool = false) {
        var info = stat()
        guard (follow ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        mtimeNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        ctimeNanoseconds = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
    }

    init(device: UInt64, inode: UInt64, size: Int64, mtimeNanoseconds: Int64, ctimeNanoseconds: Int64, isDirectory: Bool) {
        self.device = device
        self.inode = inode
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.ctimeNanoseconds = ctimeNanoseconds
        self.isDirectory = isDirectory
    }

    /// Output files are hard-linked between builds, which changes their ctime but not their
    /// bytes; they are compared without it.
    func sameOutput(as other: FileStat) -> Bool {
        device == other.device && inode == other.inode && size == other.size
            && mtimeNanoseconds == other.mtimeNanoseconds && isDirectory == other.isDirectory
    }

    static func nowNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}

extension BinaryWriter {
    mutating func stat(_ s: FileStat) {
        unsigned(s.device)
        unsigned(s.inode)
        int(Int(s.size))
        int(Int(s.mtimeNanoseconds))
        int(Int(s.ctimeNanoseconds))
        bool(s.isDirectory)
    }
}

extension BinaryReader {
    mutating func stat() throws(CacheCorrupt) -> FileStat {
        let device = try unsigned(), inode = try unsigned(), size = try int()
        let mtime = try int(), ctime = try int()
        return FileStat(device: device, inode: inode, size: Int64(size), mtimeNanoseconds: Int64(mtime),
                        ctimeNanoseconds: Int64(ctime), isDirectory: try bool())
    }
}
