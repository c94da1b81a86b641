import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file of the build cache: a magic string, the format version, the kind of store and the
/// fingerprint it is valid for, the payload, and a digest of all of that at the end. Anything
/// that does not check out — missing, truncated, flipped bytes, another version or fingerprint —
/// reads as no cache at all.
enum CacheFile {
    static let magic = Array("BRIEFING-CACHE".utf8)
    /// Bump when any encoding in `Cache/` changes.
    static let formatVersion: UInt64 = 2

    static func read(_ path: String, kind: String, fingerprint: ContentDigest) -> BinaryReader? {
        guard let bytes = readAll(path) else { return nil }
        guard bytes.count > magic.count + 16, bytes.starts(with: magic) else { return nil }
        let body = bytes.count - 16
        var trailer = BinaryReader(bytes, offset: body)
        guard let expected = try? trailer.digest(),
              bytes.withUnsafeBytes({ ContentDigest(UnsafeRawBufferPointer(rebasing: $0[..<body])) }) == expected
        else { return nil }
        var reader = BinaryReader(bytes, offset: magic.count, end: body)
        guard (try? reader.unsigned()) == formatVersion, (try? reader.string()) == kind,
              (try? reader.digest()) == fingerprint
        else { return nil }
        return reader
    }

    /// The whole file, read with POSIX calls straight into an array: going through `Data` and
    /// copying out of it was a third of loading the cache's 200 MB at 10k articles.
    static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var offset = 0
            while offset < size {
                let n = Glibc.read(fd, buffer.baseAddress! + offset, size - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { failed = n < 0; break }
                offset += n
            }
            count = offset
        }
        return failed ? nil : bytes
    }

    /// Writes `payload` under a temporary name and renames it in, so a killed build leaves either
    /// the old file or the new one. Failing to write a cache is not an error: the next build is full.
    static func write(_ path: String, kind: String, fingerprint: ContentDigest, payload: (inout BinaryWriter) -> Void) {
        var writer = BinaryWriter(capacity: 1 << 16)
        writer.raw(magic)
        writer.unsigned(formatVersion)
        writer.string(kind)
        writer.digest(fingerprint)
        payload(&writer)
        var bytes = writer.bytes
        var trailer = BinaryWriter(capacity: 16)
        trailer.digest(ContentDigest(bytes))
        bytes += trailer.bytes
        let temporary = path + ".tmp-\(getpid())"
        guard SitePublisher.writeFile(bytes: bytes, to: temporary) == nil, rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
    }
}
