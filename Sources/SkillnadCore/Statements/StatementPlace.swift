/// Where in a statement's text something was found: a paragraph of the body or a line of the
/// margins, and the characters from `start` (counted in the paragraph's characters) of `length`.
public struct StatementPlace: Sendable, Equatable, Hashable, Codable {
    public enum Part: Sendable, Equatable, Hashable, Codable {
        case body(Int)
        case margin(Int)
    }

    public var part: Part
    public var start: Int
    public var length: Int

    public init(_ part: Part, start: Int, length: Int) {
        self.part = part
        self.start = start
        self.length = length
    }
}

extension StatementText {
    /// Every paragraph of the margins and the body, with its part, margins first (where the
    /// diary number and the body's name usually stand).
    public var allParts: [(part: StatementPlace.Part, text: String)] {
        margins.enumerated().map { (StatementPlace.Part.margin($0.offset), $0.element) }
            + paragraphs.enumerated().map { (StatementPlace.Part.body($0.offset), $0.element.text) }
    }

    /// The text at a place, for showing what an extraction rests on.
    public func text(at place: StatementPlace) -> String {
        let whole: String
        switch place.part {
        case .body(let index): whole = paragraphs.indices.contains(index) ? paragraphs[index].text : ""
        case .margin(let index): whole = margins.indices.contains(index) ? margins[index] : ""
        }
        let start = whole.index(whole.startIndex, offsetBy: place.start, limitedBy: whole.endIndex) ?? whole.endIndex
        let end = whole.index(start, offsetBy: place.length, limitedBy: whole.endIndex) ?? whole.endIndex
        return String(whole[start..<end])
    }
}

extension String {
    /// A range of this string as a place in `part`, counted in characters.
    func place(_ range: Range<String.Index>, in part: StatementPlace.Part) -> StatementPlace {
        StatementPlace(
            part, start: distance(from: startIndex, to: range.lowerBound),
            length: distance(from: range.lowerBound, to: range.upperBound))
    }
}
