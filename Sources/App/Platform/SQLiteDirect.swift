import Foundation
import NIOConcurrencyHelpers
import SQLiteNIO
import VaporCSQLite

/// Runs Swift code against SQLite's C interface on the very connection (and so inside the very
/// transaction) a Fluent `Database` is using, for work where a prepared statement reused a million
/// times matters: SQLiteNIO prepares every query anew and wraps every value, which for a bulk
/// import costs more than SQLite's own work.
///
/// SQLiteNIO does not expose its connection handle, so this asks SQLite for it: every connection
/// opened after `install()` gets an SQL function, `skillnad_direct(token)`, and a function's
/// context knows its connection (`sqlite3_context_db_handle`). `run` registers the work under a
/// token and calls the function through the connection, which runs the work there and then.
/// SQLite allows a function to prepare and step other statements on its own connection.
enum SQLiteDirect {
    /// A raw `sqlite3 *`, valid only during the work it is handed to.
    typealias Handle = OpaquePointer

    private final class Work: @unchecked Sendable {
        let body: (Handle) throws -> Void
        var error: (any Error)?
        init(_ body: @escaping (Handle) throws -> Void) { self.body = body }
    }

    private static let pending = NIOLockedValueBox<[Int64: Work]>([:])
    private static let nextToken = NIOLockedValueBox<Int64>(0)
    private static let installed = NIOLockedValueBox<Bool>(false)

    /// Registers the function for every SQLite connection opened from now on (SQLite's
    /// auto-extension mechanism). Call before the database is first used; calling again is harmless.
    static func install() {
        installed.withLockedValue { done in
            guard !done else { return }
            done = true
            _ = sqlite_nio_sqlite3_auto_extension(unsafeBitCast(entryPoint, to: (@convention(c) () -> Void).self))
        }
    }

    private static let entryPoint:
        @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeRawPointer?) -> Int32 =
            { db, _, _ in
                // Read pages through a memory map and keep more of them: with SQLite's 2 MB default
                // cache, index reads went through the kernel on every request. A failed pragma
                // leaves the default in place, which is slower but correct.
                _ = sqlite_nio_sqlite3_exec(db, connectionPragmas, nil, nil, nil)
                return sqlite_nio_sqlite3_create_function_v2(
                    db, "skillnad_direct", 1, SQLITE_UTF8, nil, function, nil, nil, nil)
            }

    /// Per connection, not per file: 256 MB of address space mapped, 16 MB of page cache.
    static let connectionPragmas = "PRAGMA mmap_size=268435456; PRAGMA cache_size=-16384;"

    private static let function: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void =
        { context, argc, argv in
            guard argc == 1, let argument = argv?[0] else {
                sqlite_nio_sqlite3_result_error(context, "skillnad_direct: expected one argument", -1)
                return
            }
            let token = sqlite_nio_sqlite3_value_int64(argument)
            guard let work = SQLiteDirect.pending.withLockedValue({ $0[token] }),
                let db = sqlite_nio_sqlite3_context_db_handle(context)
            else {
                sqlite_nio_sqlite3_result_error(context, "skillnad_direct: no work under token \(token)", -1)
                return
            }
            do {
                try work.body(db)
                sqlite_nio_sqlite3_result_int64(context, 1)
            } catch {
                work.error = error
                sqlite_nio_sqlite3_result_error(context, "\(error)", -1)
            }
        }

    /// Whether `run` can be used on this connection: false when the connection was opened before
    /// `install()`, so that callers can take their portable path instead.
    static func isAvailable(on db: any SQLiteDatabase) async -> Bool {
        guard installed.withLockedValue({ $0 }) else { return false }
        let rows = try? await db.query("SELECT 1 FROM pragma_function_list WHERE name = 'skillnad_direct'", [])
        return !(rows ?? []).isEmpty
    }

    /// Runs `body` with the connection's handle, on the thread SQLiteNIO runs that connection on.
    /// An error thrown by `body` is rethrown as it was.
    static func run(on db: any SQLiteDatabase, _ body: @escaping (Handle) throws -> Void) async throws {
        let work = Work(body)
        let token = nextToken.withLockedValue { n -> Int64 in
            n += 1
            return n
        }
        pending.withLockedValue { $0[token] = work }
        defer { _ = pending.withLockedValue { $0.removeValue(forKey: token) } }
        do {
            _ = try await db.query("SELECT skillnad_direct(?)", [.integer(Int(token))])
        } catch {
            throw work.error ?? error
        }
    }

    /// SQLite's error for a failed call, as a Swift error.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ db: Handle, _ what: String) {
            description = "\(what): " + String(cString: sqlite_nio_sqlite3_errmsg(db))
        }
    }
}
