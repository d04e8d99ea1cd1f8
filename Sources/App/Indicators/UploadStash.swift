import Foundation
import NIOConcurrencyHelpers
import SkillnadCore
import Vapor

/// An uploaded statistics file kept between its preview and the editor's confirmation, so the
/// file is not sent twice: on disk, for the user who sent it, for an hour at most, and at most
/// `maxEntries` at once (the oldest go first).
final class UploadStash: Sendable {
    static let lifetime: TimeInterval = 3600
    static let maxEntries = 20

    struct Entry: Codable, Sendable {
        let user: UUID
        let owner: String?
        let filename: String
        let created: Date
    }

    let directory: URL
    private let lock = NIOLock()

    init(directory: URL? = nil) {
        let base =
            directory
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "skillnad-uploads-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        self.directory = base
    }

    /// Keeps the file and its specification; returns the token the confirmation sends back.
    func put(_ data: Data, spec: IndicatorImportSpec, entry: Entry) throws -> String {
        let token = Secrets.random(bytes: 24)
        try lock.withLock {
            prune()
            try data.write(to: url(token, "data"), options: .atomic)
            try spec.encoded().write(to: url(token, "spec"), options: .atomic)
            try JSONEncoder().encode(entry).write(to: url(token, "meta"), options: .atomic)
        }
        return token
    }

    /// The file for `token` if `user` sent it and it has not expired; it is removed either way.
    func take(_ token: String, user: UUID) -> (data: Data, spec: IndicatorImportSpec, entry: Entry)? {
        guard token.utf8.count <= 64,
            token.utf8.allSatisfy({ byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_")
            })
        else { return nil }
        return lock.withLock {
            defer { remove(token) }
            guard let meta = try? Data(contentsOf: url(token, "meta")),
                let entry = try? JSONDecoder().decode(Entry.self, from: meta),
                entry.user == user, Date().timeIntervalSince(entry.created) < Self.lifetime,
                let data = try? Data(contentsOf: url(token, "data")),
                let specData = try? Data(contentsOf: url(token, "spec")),
                let spec = try? IndicatorImportSpec.read(specData)
            else { return nil }
            return (data, spec, entry)
        }
    }

    private func url(_ token: String, _ kind: String) -> URL {
        directory.appendingPathComponent("\(token).\(kind)")
    }

    private func remove(_ token: String) {
        for kind in ["data", "spec", "meta"] { try? FileManager.default.removeItem(at: url(token, kind)) }
    }

    /// Drops expired entries, and the oldest when there are too many.
    private func prune() {
        let metas =
            ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "meta" }
        let entries = metas.compactMap { url -> (String, Date)? in
            guard let data = try? Data(contentsOf: url), let entry = try? JSONDecoder().decode(Entry.self, from: data)
            else { return nil }
            return (url.deletingPathExtension().lastPathComponent, entry.created)
        }.sorted { $0.1 < $1.1 }
        for (index, (token, created)) in entries.enumerated()
        where Date().timeIntervalSince(created) >= Self.lifetime || entries.count - index >= Self.maxEntries {
            remove(token)
        }
    }

    func removeAll() {
        try? FileManager.default.removeItem(at: directory)
    }

    struct Cleanup: LifecycleHandler {
        func shutdown(_ application: Application) {
            application.uploadStash.removeAll()
        }
    }
}

extension Application {
    private struct UploadStashKey: StorageKey { typealias Value = UploadStash }

    var uploadStash: UploadStash {
        get {
            if let stash = storage[UploadStashKey.self] { return stash }
            let stash = UploadStash()
            storage[UploadStashKey.self] = stash
            return stash
        }
        set { storage[UploadStashKey.self] = newValue }
    }
}
