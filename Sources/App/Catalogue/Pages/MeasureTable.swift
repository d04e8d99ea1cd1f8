import SkillnadCore

/// The public id of a measure, as in `/measures/{id}`.
func measureID(_ m: MeasureRecord) -> String { m.publicID }

/// A heading and the measures under it: a report's chapter, what a body leads, a strategy's
/// measures. Templates render every list of measures with the one partial `measure-table`.
struct MeasureTable: Encodable, Sendable {
    let heading: String
    let rows: [MeasureRow]
}

/// "2015-01-01 – 2019-12-31", "till 2019-12-31", "från 2020-01-01", or nil when open both ways.
func validityText(_ from: Day?, _ to: Day?, _ lang: Lang) -> String? {
    switch (from, to) {
    case let (f?, t?): return "\(f) – \(t)"
    case let (nil, t?): return "\(Texts(lang)[.until]) \(t)"
    case let (f?, nil): return "\(Texts(lang)[.from]) \(f)"
    case (nil, nil): return nil
    }
}
