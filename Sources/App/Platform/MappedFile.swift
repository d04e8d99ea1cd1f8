import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

/// A file mapped read-only into memory, whose pages a reader can give back as it goes: a
/// reading pass of a big file then holds a few megabytes of it at a time instead of the whole
/// file. The pages are only dropped from memory, never lost: read again, they come back from
/// the file. `data` owns the mapping (it unmaps it when the last copy is gone), and `releaser`
/// does nothing after that: take both, and pass the data on with `consume` so it goes when read.
struct MappedFile: Sendable {
    let data: Data
    private let mapping: Mapping

    /// The mapping's address and whether it is still there, behind one lock, so that pages are
    /// never released after the unmapping (the addresses may by then belong to something else).
    private final class Mapping: Sendable {
        let base: UInt
        let length: Int
        let mapped = NIOLockedValueBox(true)

        init(base: UInt, length: Int) {
            self.base = base
            self.length = length
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "Cannot read \(path): \(reason)" }
    }

    /// Maps the file; an empty file is read as empty data.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw Failure(path: path, reason: "not a regular file") }
        let length = Int(status.st_size)
        guard length > 0 else {
            data = Data()
            mapping = Mapping(base: 0, length: 0)
            return
        }
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        let mapping = Mapping(base: UInt(bitPattern: address), length: length)
        self.mapping = mapping
        data = Data(
            bytesNoCopy: address, count: length,
            deallocator: .custom { pointer, count in
                mapping.mapped.withLockedValue { mapped in
                    mapped = false
                    munmap(pointer, count)
                }
            })
    }

    /// A function that gives back the whole pages before an offset (read again, they come back
    /// from the file). It holds the mapping's address, not the data, so it keeps nothing alive.
    var releaser: @Sendable (Int) -> Void {
        let mapping = self.mapping
        return { offset in
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let length = min(offset, mapping.length) / page * page
            guard length > 0, let address = UnsafeMutableRawPointer(bitPattern: mapping.base) else { return }
            mapping.mapped.withLockedValue { mapped in
                guard mapped else { return }
                _ = madvise(address, length, Int32(MADV_DONTNEED))
            }
        }
    }
}
