@testable import App
import Fluent
import SQLKit
import Testing
import Vapor

@Suite("Storage")
struct StorageTests {
    @Test(
        "The allocator setting the executable applies at start takes on Linux: glibc's mallopt is found and accepts it")
    func allocator() {
        #if os(Linux)
            #expect(Allocator.tune())
        #endif
    }

    @Test("SQLite runs in WAL mode with foreign keys enforced; PostgreSQL enforces them too")
    func pragmas() async throws {
        try await withTestApp { app in
            _ = try await app.get("/healthz")  // boots the application
            let sql = try #require(app.db as? any SQLDatabase)
            if sql.dialect.name == "sqlite" {
                struct Mode: Decodable { let journal_mode: String }
                let mode = try await sql.raw("PRAGMA journal_mode").first(decoding: Mode.self)
                #expect(mode?.journal_mode == "wal")
                // Each connection reads through a memory map with a larger page cache.
                struct Map: Decodable { let mmap_size: Int }
                struct Cache: Decodable { let cache_size: Int }
                let map = try await sql.raw("PRAGMA mmap_size").first(decoding: Map.self)
                let cache = try await sql.raw("PRAGMA cache_size").first(decoding: Cache.self)
                #expect(map?.mmap_size == 268_435_456)
                #expect(cache?.cache_size == -16_384)
            }
            // A measure pointing at a report that does not exist is refused by the database itself.
            let orphan = Measure()
            orphan.slug = "orphan"
            orphan.$report.id = UUID()
            orphan.code = "1.1"
            orphan.sortKey = "001.001"
            orphan.chapter = 1
            orphan.title = "Orphan"
            orphan.search = " orphan "
            orphan.version = 1
            await #expect(throws: (any Error).self) { try await orphan.create(on: app.db) }
        }
    }
}
