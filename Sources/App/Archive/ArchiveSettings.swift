import Foundation
import SkillnadCore
import Vapor

/// The organisation the archive packages come from and what made them, from the environment:
/// `SKILLNAD_ARCHIVE_ORGANISATION` (the municipality's name) and
/// `SKILLNAD_ARCHIVE_ORGANISATION_NUMBER`, Stockholms stad's unless set.
struct ArchiveSettings: Sendable {
    let organisation: ArchiveOrganisation

    static let software = ArchiveSoftware(name: "Skillnad", version: "1.0.0")
    /// The content information type every package declares, as `OTHER`: no E-ARK content
    /// information type specification covers referral answers.
    static let contentType = "Skillnad remissvar 1.0"
    static let defaultOrganisation = ArchiveOrganisation(
        name: "Stockholms stad", organisationNumber: "212000-0142")

    static func fromEnvironment() throws -> ArchiveSettings {
        try read(ProcessInfo.processInfo.environment)
    }

    /// The settings from `environment`: both variables or neither.
    static func read(_ environment: [String: String]) throws -> ArchiveSettings {
        let name = environment["SKILLNAD_ARCHIVE_ORGANISATION"]?.trimmingCharacters(in: .whitespaces)
        let number = environment["SKILLNAD_ARCHIVE_ORGANISATION_NUMBER"]?.trimmingCharacters(in: .whitespaces)
        guard let number, !number.isEmpty else {
            // Another municipality's name with Stockholm's number would file its records under Stockholm.
            if let name, !name.isEmpty {
                throw ArchiveFailure(
                    "SKILLNAD_ARCHIVE_ORGANISATION_NUMBER: give the organisation number of \(name) "
                        + "(SKILLNAD_ARCHIVE_ORGANISATION)")
            }
            return ArchiveSettings(organisation: defaultOrganisation)
        }
        let parsed: OrganisationNumber
        do {
            parsed = try OrganisationNumber(parsing: number)
        } catch {
            throw ArchiveFailure(
                "SKILLNAD_ARCHIVE_ORGANISATION_NUMBER: \(number) is not an organisation number "
                    + "(ten digits as NNNNNN-NNNN, ending with a check digit)")
        }
        guard let name, !name.isEmpty else {
            throw ArchiveFailure(
                "SKILLNAD_ARCHIVE_ORGANISATION: name the organisation whose number "
                    + "SKILLNAD_ARCHIVE_ORGANISATION_NUMBER gives"
            )
        }
        return ArchiveSettings(organisation: ArchiveOrganisation(name: name, organisationNumber: parsed.description))
    }

    /// The schemas every package includes, from the application's resources.
    static func schemas() throws -> [(name: String, data: Data)] {
        let folder = StaticFiles.resources.appendingPathComponent("Archive/schemas")
        let names = [
            "mets.xsd", "xlink.xsd", "DILCISExtensionMETS.xsd", "DILCISExtensionSIPMETS.xsd", "premis.xsd", "ead3.xsd",
        ]
        return try names.map { name in
            do {
                return (name, try Data(contentsOf: folder.appendingPathComponent(name)))
            } catch {
                throw ArchiveFailure("the schema \(name) is missing from \(folder.path): reinstall Skillnad")
            }
        }
    }
}
