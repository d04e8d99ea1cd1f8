import SkillnadCore

/// The words for the indicators' enums, and for the units and dimensions that statistics files
/// name (an open set: a unit the interface has no word for is shown as it is).
extension Texts {
    func label(_ status: MilestoneStatus) -> String {
        switch status {
        case .achieved: self[.statusAchieved]
        case .onTrack: self[.statusOnTrack]
        case .offTrack: self[.statusOffTrack]
        case .deteriorating: self[.statusDeteriorating]
        case .notEnoughData: self[.statusNotEnoughData]
        }
    }

    func label(_ trend: Disparity.Trend.Classification) -> String {
        switch trend {
        case .widening: self[.trendWidening]
        case .stable: self[.trendStable]
        case .narrowing: self[.trendNarrowing]
        case .notEnoughData: self[.trendNotEnoughData]
        }
    }

    func label(_ direction: Direction) -> String {
        switch direction {
        case .higherIsBetter: self[.higherIsBetter]
        case .lowerIsBetter: self[.lowerIsBetter]
        }
    }

    func label(_ format: IndicatorImportSpec.Format) -> String {
        switch format {
        case .csv: self[.formatCsv]
        case .kolada: self[.formatKolada]
        case .opensdg: self[.formatOpensdg]
        case .px: self[.formatPx]
        case .jsonstat: self[.formatJsonstat]
        }
    }

    /// A unit's name (`percent`, `count`, …), or the unit as written.
    func unit(_ unit: String) -> String {
        optional(raw: "unit_" + unit) ?? unit
    }

    /// A dimension of grouped values (`kon`, `alder`, …) and one of its values, as words.
    func dimension(_ dimension: String, value: String) -> String {
        let name = optional(raw: "dim_" + dimension) ?? dimension
        let word = optional(raw: "dimValue_\(dimension)_\(value)") ?? value
        return "\(name): \(word)"
    }

    /// A field of the import form: its label, and its hint when it has one.
    func importField(_ name: String) -> (label: String, hint: String?) {
        (optional(raw: "f_" + name) ?? name, optional(raw: "h_" + name))
    }
}
