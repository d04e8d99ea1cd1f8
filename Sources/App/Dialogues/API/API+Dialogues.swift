import Foundation
import SkillnadCore
import Vapor

extension API {
    /// A dialogue in the API's list: what the portal shows of it, with its status as residents
    /// see it.
    struct DialogueSummary: Content {
        /// The public id in addresses.
        let id: String
        let title: String
        let titleEn: String?
        /// The dialogue's page on the portal.
        let url: String
        /// The organising body's id.
        let organiser: String
        let method: String
        let level: String
        /// As shown (`DialogueQueries.shownStatus`): the dates decide, not only what was recorded.
        let status: String
        let digital: Bool
        let areas: [String]
        /// The first and last day of its sessions, and the day feedback was first given.
        let startsOn: String?
        let endsOn: String?
        let feedbackOn: String?
        let participants: Int?
        let example: Bool

        init(_ row: DialogueQueries.Row, areas: [String], today: Day) {
            id = row.slug
            title = row.title
            titleEn = row.title_en
            url = SiteURL.Dialogues.dialogue(.value(row.slug)).path
            organiser = row.organiser
            method = row.method
            level = row.level
            status = DialogueQueries.shownStatus(row, today: today).rawValue
            digital = row.digital
            self.areas = areas
            startsOn = row.starts_on
            endsOn = row.ends_on
            feedbackOn = row.feedback_on
            participants = row.participants
            example = row.example
        }
    }

    /// A dialogue's whole record: the `DialogueValues` as stored, their fields at the top level,
    /// beside the status as shown, the version an edit must start from, and when it was last saved.
    /// Flat, so the record reads as it is stored (and as the demo file writes it).
    struct DialogueRecord: Content {
        let values: DialogueValues
        let shownStatus: DialogueStatus
        let version: Int
        let updatedAt: String
        let url: String

        enum ExtraKeys: String, CodingKey {
            case shownStatus, version, updatedAt, url
        }

        init(values: DialogueValues, shownStatus: DialogueStatus, version: Int, updatedAt: String) {
            self.values = values
            self.shownStatus = shownStatus
            self.version = version
            self.updatedAt = updatedAt
            url = SiteURL.Dialogues.dialogue(.value(values.id)).path
        }

        init(from decoder: any Decoder) throws {
            values = try DialogueValues(from: decoder)
            let container = try decoder.container(keyedBy: ExtraKeys.self)
            shownStatus = try container.decode(DialogueStatus.self, forKey: .shownStatus)
            version = try container.decode(Int.self, forKey: .version)
            updatedAt = try container.decode(String.self, forKey: .updatedAt)
            url = try container.decode(String.self, forKey: .url)
        }

        /// The record's own keys, then the extra ones in the same object.
        func encode(to encoder: any Encoder) throws {
            try values.encode(to: encoder)
            var container = encoder.container(keyedBy: ExtraKeys.self)
            try container.encode(shownStatus, forKey: .shownStatus)
            try container.encode(version, forKey: .version)
            try container.encode(updatedAt, forKey: .updatedAt)
            try container.encode(url, forKey: .url)
        }
    }
}
