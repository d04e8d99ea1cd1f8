@testable import App
import Foundation
import Testing

/// The packages against the E-ARK validator (`eark-validator` from PyPI, run offline by
/// `.ci/archive/eark_ci_check.py`) and against the checks it does not make
/// (`.ci/archive/check_package.py`: every METS of the package, sizes, checksums, every XML file
/// against the schemas the package ships). `.ci/run` installs both and names their Python in
/// `SKILLNAD_EARK_PYTHON`.
@Suite("E-archive packages against eark-validator", .enabled(if: EARKValidator.python != nil))
struct ArchiveValidatorTests {
    static var python: String? { EARKValidator.python }
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.ci/archive").standardizedFileURL

    /// Runs one of the scripts; its exit status and what it printed.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "python3")
        process.arguments = [scripts.appendingPathComponent(script).path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test("Every package of the demo, a correction with a PDF among them, passes the validator and the checks it lacks")
    func demoPackagesValid() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await ArchiveExportTests.withFolder { folder in
                let first = try await ArchiveExportTests.export(app, to: folder.appendingPathComponent("first"))
                try await ArchiveExportTests.correct(app, summary: "Rättad.")
                let second = try await ArchiveExportTests.export(app, to: folder.appendingPathComponent("second"))
                #expect(second.packages.count == 1)
                let packages =
                    try ArchivedPackage.all(in: folder.appendingPathComponent("first"))
                    + ArchivedPackage.all(in: folder.appendingPathComponent("second"))
                #expect(packages.count == first.packages.count + 1)
                let validated = try Self.run("eark_ci_check.py", packages.map(\.folder.path))
                #expect(validated.status == 0, "\(validated.output)")
                let passed = validated.output.split(separator: "\n").filter { $0.hasPrefix("OK ") }
                #expect(passed.count == packages.count, "every package was validated: \(validated.output)")
                for package in packages {
                    let checked = try Self.run("check_package.py", [package.folder.path])
                    #expect(checked.status == 0, "\(package.id): \(checked.output)")
                }
            }
        }
    }

    @Test("The gate fails a package the validator finds wrong, and the check fails a changed file")
    func gatesCanFail() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            try await ArchiveExportTests.withFolder { folder in
                let out = folder.appendingPathComponent("export")
                _ = try await ArchiveExportTests.export(app, to: out, round: ArchiveExportTests.round)
                let packages = try ArchivedPackage.all(in: out)
                let wrong = try #require(packages.first)
                let mets = wrong.folder.appendingPathComponent("METS.xml")
                let text = try String(contentsOf: mets, encoding: .utf8)
                try text.replacingOccurrences(of: " csip:OAISPACKAGETYPE=\"SIP\"", with: "")
                    .write(to: mets, atomically: true, encoding: .utf8)
                let validated = try Self.run("eark_ci_check.py", [wrong.folder.path])
                #expect(validated.status == 1 && validated.output.contains("CSIP9"), "\(validated.output)")

                let changed = try #require(packages.dropFirst().first)
                let data = changed.folder.appendingPathComponent("representations/rep1/data/remissvar.txt")
                try (try Data(contentsOf: data) + Data("!".utf8)).write(to: data)
                let checked = try Self.run("check_package.py", [changed.folder.path])
                #expect(checked.status == 1 && checked.output.contains("mismatch"), "\(checked.output)")
            }
        }
    }
}

@Suite("E-archive validator presence")
struct ArchiveValidatorPresenceTests {
    @Test("Where CI requires the validator, it is there: the package tests must not skip silently")
    func presentWhenRequired() {
        if ProcessInfo.processInfo.environment["SKILLNAD_REQUIRE_PROVIDERS"] == "1" {
            #expect(EARKValidator.python != nil, "SKILLNAD_EARK_PYTHON must name eark-validator's Python")
        }
    }
}

/// The Python that has eark-validator and lxml, when the environment names it.
enum EARKValidator {
    static let python = ProcessInfo.processInfo.environment["SKILLNAD_EARK_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
}
