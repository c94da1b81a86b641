import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bump allocator for cmark, one per thread, emptied after each document. cmark allocates every
/// node, buffer and delimiter with `calloc`, which glibc serves without its per-thread cache: half
/// of cmark's time went to `malloc` and `free`. Here an allocation is a pointer bump and `free`
/// does nothing; the whole document's memory goes at once in `reset`.
///
/// Each block is preceded by its size (16 bytes, keeping 16-byte alignment), for `realloc`.
/// Memory comes in chunks: the first is kept between documents, any more are freed.
struct CmarkArena {
    /// A chunk starts with its header; blocks follow.
    private struct ChunkHeader {
        var next: UnsafeMutableRawPointer?
        var capacity: Int
    }

    private static let header = 16
    private static let chunkSize = 256 * 1024

    private var first: UnsafeMutableRawPointer
    private var current: UnsafeMutableRawPointer
    /// Bytes of `current` in use, its header included.
    private var used = header

    private init() {
        first = Self.newChunk(capacity: Self.chunkSize)
        current = first
    }

    private static func newChunk(capacity: Int) -> UnsafeMutableRawPointer {
        let chunk = malloc(capacity)!
        chunk.storeBytes(of: ChunkHeader(next: nil, capacity: capacity), as: ChunkHeader.self)
        return chunk
    }

    private static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }

    private mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let total = Self.header + Self.rounded(max(size, 1))
        var capacity = current.load(as: ChunkHeader.self).capacity
        if used + total > capacity {
            capacity = max(Self.chunkSize, total + Self.header)
            let chunk = Self.newChunk(capacity: capacity)
            current.storeBytes(of: ChunkHeader(next: chunk, capacity: current.load(as: ChunkHeader.self).capacity), as: ChunkHeader.self)
            current = chunk
            used = Self.header
        }
        let block = current + used + Self.header
        (block - Self.header).storeBytes(of: size, as: Int.self)
        used += total
        return block
    }

    private mutating func reallocate(_ block: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer {
        guard let block else { return allocate(size) }
        let old = (block - Self.header).load(as: Int.self)
        if size <= old { return block }
        // The newest block of the chunk grows in place when the chunk has room.
        if block + Self.rounded(max(old, 1)) == current + used {
            let grown = used + Self.rounded(size) - Self.rounded(max(old, 1))
            if grown <= current.load(as: ChunkHeader.self).capacity {
                used = grown
                (block - Self.header).storeBytes(of: size, as: Int.self)
                return block
            }
        }
        let moved = allocate(size)
        moved.copyMemory(from: block, byteCount: old)
        return moved
    }

    /// Frees every chunk but the first and starts over in it.
    private mutating func reset() {
        var next = first.load(as: ChunkHeader.self).next
        while let chunk = next {
            next = chunk.load(as: ChunkHeader.self).next
            free(chunk)
        }
        first.storeBytes(of: ChunkHeader(next: nil, capacity: Self.chunkSize), as: ChunkHeader.self)
        current = first
        used = Self.header
    }

    // MARK: The thread's arena

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { state in
            guard let state else { return }
            let arena = state.assumingMemoryBound(to: CmarkArena.self)
            arena.pointee.reset()
            free(arena.pointee.first)
            arena.deinitialize(count: 1)
            arena.deallocate()
        }
        return key
    }()

    /// The calling thread's arena, made on first use.
    private static var threadArena: UnsafeMutablePointer<CmarkArena> {
        if let state = pthread_getspecific(key) { return state.assumingMemoryBound(to: CmarkArena.self) }
        let arena = UnsafeMutablePointer<CmarkArena>.allocate(capacity: 1)
        arena.initialize(to: CmarkArena())
        pthread_setspecific(key, arena)
        return arena
    }

    /// cmark's allocator over the calling thread's arena; what it hands out lives until `withDocument` returns.
    nonisolated(unsafe) private static let memory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(
            calloc: { count, size in
                let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
                guard !overflow else { return nil }
                let block = CmarkArena.threadArena.pointee.allocate(bytes)
                memset(block, 0, bytes)
                return block
            },
            realloc: { block, size in CmarkArena.threadArena.pointee.reallocate(block, size) },
            free: { _ in }))
        return memory
    }()

    /// Runs `body` with an allocator for cmark whose memory is all released when `body` returns:
    /// nothing cmark makes with it may outlive the call.
    static func withDocument<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) -> Result) -> Result {
        let arena = threadArena
        defer { arena.pointee.reset() }
        return body(memory)
    }
}
