import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file of the build cache: a header (magic string, format version, kind of store, the
/// fingerprint it is valid for, each section's length) with its digest, then one or more
/// sections, each followed by its own digest. A section is read and checked on its own, so a
/// store can keep what most builds need in section 0 and the bulk (article bodies, comparison
/// details) in section 1, read only when wanted. Anything that does not check out — missing,
/// truncated, flipped bytes, another version or fingerprint — reads as no cache at all.
enum CacheFile {
    static let magic = Array("BRIEFING-CACHE".utf8)
    /// Bump when any encoding in `Cache/` changes.
    static let formatVersion: UInt64 = 10
    /// Headers are far smaller: kind names are short.
    private static let headerLimit = 4096

    /// Section `section` of the file, or nil when the file or that section does not check out.
    static func read(_ path: String, kind: String, fingerprint: ContentDigest, section: Int = 0) -> BinaryReader? {
        open(path, kind: kind, fingerprint: fingerprint, section: section)?.reader
    }

    /// A checked section of a file kept open, so parts of it can be read again later without
    /// holding the whole section (`OpenSection.bytes`).
    final class OpenSection: @unchecked Sendable {
        private let fd: Int32
        /// Where the section starts in the file.
        fileprivate var start = 0

        /// Owns `fd` from now on.
        fileprivate init(fd: Int32) {
            self.fd = fd
        }

        deinit { close(fd) }

        /// Bytes at `range` of the section. The open file is the one checked: a cache file is
        /// replaced by renaming a new one in, never written in place.
        func bytes(_ range: Range<Int>) -> [UInt8]? {
            CacheFile.readBytes(fd, at: start + range.lowerBound, count: range.count)
        }
    }

    /// `read`, with the file left open for `OpenSection.bytes`.
    static func open(_ path: String, kind: String, fingerprint: ContentDigest, section: Int) -> (section: OpenSection, reader: BinaryReader)? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let opened = OpenSection(fd: fd)  // closes the file on every return
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard let head = readBytes(fd, at: 0, count: min(size, headerLimit)), head.starts(with: magic) else { return nil }
        var header = BinaryReader(head, offset: magic.count)
        guard (try? header.unsigned()) == formatVersion, (try? header.string()) == kind,
              (try? header.digest()) == fingerprint,
              let lengths = try? header.array({ (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in Int(try r.fixed()) }),
              lengths.allSatisfy({ $0 >= 0 && $0 <= size }), section < lengths.count
        else { return nil }
        let headerEnd = header.offset
        guard let expected = try? header.digest(),
              head.withUnsafeBytes({ ContentDigest(UnsafeRawBufferPointer(rebasing: $0[..<headerEnd])) }) == expected,
              size == header.offset + lengths.reduce(0, { $0 + $1 + 16 })
        else { return nil }
        let start = header.offset + lengths[..<section].reduce(0) { $0 + $1 + 16 }
        let length = lengths[section]
        guard let bytes = readBytes(fd, at: start, count: length + 16) else { return nil }
        var trailer = BinaryReader(bytes, offset: length)
        guard let digest = try? trailer.digest(),
              bytes.withUnsafeBytes({ ContentDigest(UnsafeRawBufferPointer(rebasing: $0[..<length])) }) == digest
        else { return nil }
        opened.start = start
        return (opened, BinaryReader(bytes, offset: 0, end: length))
    }

    /// `count` bytes at `offset`, read with POSIX calls straight into an array (going through
    /// `Data` and copying out of it was a third of loading the cache at 10k articles); nil when
    /// the file is shorter.
    static func readBytes(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            var done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            filled = done
            complete = done == count
        }
        return complete ? bytes : nil
    }

    /// Writes the sections under a temporary name and renames the file in, so a killed build
    /// leaves either the old file or the new one, never sections of two builds. Failing to write
    /// a cache is not an error: the next build is full.
    static func write(_ path: String, kind: String, fingerprint: ContentDigest, sections: [(inout BinaryWriter) -> Void]) {
        write(path, kind: kind, fingerprint: fingerprint, payloads: sections.map { section in
            var writer = BinaryWriter(capacity: 1 << 16)
            section(&writer)
            return writer.bytes
        })
    }

    /// `write` with each section's bytes made already; false when the file could not be written.
    @discardableResult
    static func write(_ path: String, kind: String, fingerprint: ContentDigest, payloads: [[UInt8]]) -> Bool {
        var header = BinaryWriter(capacity: 256)
        header.raw(magic)
        header.unsigned(formatVersion)
        header.string(kind)
        header.digest(fingerprint)
        header.array(payloads) { w, payload in w.fixed(UInt64(payload.count)) }
        // Each part followed by its digest, written one after another: no joined copy.
        let parts = ([header.bytes] + payloads).flatMap { part -> [[UInt8]] in
            var trailer = BinaryWriter(capacity: 16)
            trailer.digest(ContentDigest(part))
            return [part, trailer.bytes]
        }
        let temporary = path + ".tmp-\(getpid())"
        guard SitePublisher.writeFile(parts: parts, to: temporary) == nil, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    static func write(_ path: String, kind: String, fingerprint: ContentDigest, payload: (inout BinaryWriter) -> Void) {
        withoutActuallyEscaping(payload) { write(path, kind: kind, fingerprint: fingerprint, sections: [$0]) }
    }
}
