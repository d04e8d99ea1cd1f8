import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Vapor

/// Large downloads (an indicator's observations, every position of every round) written once
/// per catalogue generation to a file, in chunks, and then streamed from that file to every
/// client that asks: memory stays flat however large the file or however many the downloads.
///
/// At most `maxWriters` files are written at once; a request for another file while they are
/// busy gets 503 with `Retry-After`. Requests for a file already being written wait for it.
/// The files together are kept under `maxBytes`, the least recently used removed first.
final class ExportFiles: Sendable {
    let directory: URL
    let maxWriters: Int
    let maxBytes: Int

    private struct Entry {
        let path: String
        let size: Int
        var lastUsed: UInt64
    }

    private struct State {
        var files: [String: Entry] = [:]
        var writing: [String: Task<String, any Error>] = [:]
        var clock: UInt64 = 0
        /// Files no longer handed out, removed only after `retirement`: a response may have been
        /// given the path and not yet opened it.
        var retired: [(path: String, since: Date)] = []
    }

    static let retirement: TimeInterval = 600

    private let state = NIOLockedValueBox(State())

    init(directory: URL? = nil, maxWriters: Int = 2, maxBytes: Int = 2 << 30) {
        let base =
            directory
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "skillnad-exports-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        self.directory = base
        self.maxWriters = maxWriters
        self.maxBytes = maxBytes
    }

    /// Thrown when every writer is busy: the client is told to come back.
    struct Busy: AbortError {
        var status: HTTPResponseStatus { .serviceUnavailable }
        var reason: String { "Other large downloads are being prepared. Try again in a few seconds." }
        var headers: HTTPHeaders { ["Retry-After": "5"] }
    }

    /// The chunks of one file, handed to `write` as they are made.
    struct Sink: Sendable {
        let handle: NIOFileHandle
        let io: NonBlockingFileIO
        let allocator = ByteBufferAllocator()

        func write(_ bytes: [UInt8]) async throws {
            guard !bytes.isEmpty else { return }
            var buffer = allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            try await io.write(fileHandle: handle, buffer: buffer)
        }

        func write(_ data: Data) async throws {
            guard !data.isEmpty else { return }
            try await io.write(fileHandle: handle, buffer: allocator.buffer(data: data))
        }
    }

    /// The path of the file for `key` in `generation`, written by `produce` when there is none.
    func file(
        _ key: String, generation: Int, io: NonBlockingFileIO,
        produce: @escaping @Sendable (Sink) async throws -> Void
    ) async throws -> String {
        let full = "\(generation) \(key)"
        enum Step {
            case ready(String)
            case wait(Task<String, any Error>)
            case busy
            case write(Task<String, any Error>)
        }
        let step: Step = state.withLockedValue { s in
            s.clock += 1
            if var entry = s.files[full], FileManager.default.fileExists(atPath: entry.path) {
                entry.lastUsed = s.clock
                s.files[full] = entry
                return .ready(entry.path)
            }
            if let task = s.writing[full] { return .wait(task) }
            guard s.writing.count < maxWriters else { return .busy }
            let path = directory.appendingPathComponent(UUID().uuidString).path
            let task = Task { try await Self.write(path, io: io, produce: produce) }
            s.writing[full] = task
            return .write(task)
        }
        switch step {
        case .ready(let path): return path
        case .busy: throw Busy()
        case .wait(let task): return try await task.value
        case .write(let task):
            do {
                let path = try await task.value
                finish(full, path: path, generation: generation)
                return path
            } catch {
                _ = state.withLockedValue { $0.writing.removeValue(forKey: full) }
                throw error
            }
        }
    }

    private static func write(
        _ path: String, io: NonBlockingFileIO,
        produce: @escaping @Sendable (Sink) async throws -> Void
    ) async throws -> String {
        let partial = path + ".part"
        let handle = try await io.openFile(
            _deprecatedPath: partial, mode: .write, flags: .allowFileCreation(posixMode: 0o600),
            eventLoop: MultiThreadedEventLoopGroup.singleton.any()
        ).get()
        do {
            try await produce(Sink(handle: handle, io: io))
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        return path
    }

    /// Records a written file, drops files of older generations and keeps the total under the bound.
    private func finish(_ key: String, path: String, generation: Int) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let removed: [String] = state.withLockedValue { s in
            s.writing.removeValue(forKey: key)
            s.clock += 1
            s.files[key] = Entry(path: path, size: size, lastUsed: s.clock)
            var gone: [String] = []
            for (other, entry) in s.files where Self.generation(of: other) < generation {
                gone.append(entry.path)
                s.files.removeValue(forKey: other)
            }
            var total = s.files.values.reduce(0) { $0 + $1.size }
            while total > maxBytes, s.files.count > 1,
                let oldest = s.files.filter({ $0.key != key }).min(by: { $0.value.lastUsed < $1.value.lastUsed })
            {
                total -= oldest.value.size
                gone.append(oldest.value.path)
                s.files.removeValue(forKey: oldest.key)
            }
            let now = Date()
            s.retired += gone.map { ($0, now) }
            let due = s.retired.filter { now.timeIntervalSince($0.since) >= Self.retirement }.map(\.path)
            s.retired.removeAll { now.timeIntervalSince($0.since) >= Self.retirement }
            return due
        }
        // Once open, a file stays readable after it is unlinked; retired ones have had time to be opened.
        for path in removed { try? FileManager.default.removeItem(atPath: path) }
    }

    private static func generation(of key: String) -> Int {
        Int(key.prefix { $0 != " " }) ?? 0
    }

    /// Removes every file, when the server stops.
    func removeAll() {
        try? FileManager.default.removeItem(at: directory)
    }

    struct Cleanup: LifecycleHandler {
        func shutdown(_ application: Application) {
            application.exportFiles.removeAll()
        }
    }
}

extension Application {
    private struct ExportFilesKey: StorageKey { typealias Value = ExportFiles }

    var exportFiles: ExportFiles {
        get {
            if let files = storage[ExportFilesKey.self] { return files }
            let files = ExportFiles()
            storage[ExportFilesKey.self] = files
            return files
        }
        set { storage[ExportFilesKey.self] = newValue }
    }
}

extension Request {
    /// A download served from an export file, with its type and file name.
    func exportResponse(
        _ key: String, contentType: HTTPMediaType, filename: String,
        produce: @escaping @Sendable (ExportFiles.Sink) async throws -> Void
    ) async throws -> Response {
        let generation = try await catalogue().generation
        let kind = route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "other"
        let path = try await application.exportFiles.file(key, generation: generation, io: application.fileio) { sink in
            try await TimedWork.export.run(kind) { try await produce(sink) }
        }
        let res = try await fileio.asyncStreamFile(at: path, mediaType: contentType)
        res.headers.contentType = contentType
        res.headers.replaceOrAdd(name: .contentDisposition, value: HeaderValue.attachment(filename: filename))
        return res
    }
}
