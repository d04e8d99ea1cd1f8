import Foundation
import SkillnadCore

/// Numbers as a reader expects them in each language: `37,5 %` in Swedish, `37.5%` in English,
/// thin groups of thousands, a real minus sign. Not computable is said, never written as 0.
enum NumberText {
    /// Written by hand rather than with `NumberFormatter`, which is slow to make and not
    /// `Sendable` to share, and a page of 600 areas writes thousands of numbers.
    static func plain(_ x: Double, decimals: Int, _ lang: Lang) -> String {
        let scale = pow(10.0, Double(decimals))
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 1e15 else { return String(x) }
        let units = Int(scaled)
        let whole = units / Int(scale)
        let fraction = units % Int(scale)
        var digits = String(whole)
        if whole >= 10_000 {
            var grouped = ""
            for (i, c) in digits.reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped.append(lang == .sv ? "\u{00A0}" : ",") }
                grouped.append(c)
            }
            digits = String(grouped.reversed())
        }
        if decimals > 0 {
            let f = String(fraction)
            digits += (lang == .sv ? "," : ".") + String(repeating: "0", count: decimals - f.count) + f
        }
        return (x < 0 && units > 0 ? "−" : "") + digits
    }

    static func decimals(_ unit: String) -> Int {
        switch unit {
        case "count", "sek": return 0
        default: return 1
        }
    }

    /// A value in the indicator's unit.
    static func value(_ x: Double?, unit: String, _ lang: Lang) -> String {
        guard let x, x.isFinite else { return Texts(lang)[.notComputable] }
        let n = plain(x, decimals: decimals(unit), lang)
        switch unit {
        // A no-break space keeps the unit on the number's line.
        case "percent": return lang == .sv ? "\(n)\u{a0}%" : "\(n)%"
        case "perMille": return "\(n)\u{a0}‰"
        case "sek": return "\(n)\u{a0}kr"
        case "years": return lang == .sv ? "\(n)\u{a0}år" : "\(n)\u{a0}years"
        case "percentagePoints": return n + (lang == .sv ? "\u{a0}procentenheter" : "\u{a0}percentage points")
        default: return n
        }
    }

    /// A gap between two values: percentage points for percentages, else the unit.
    static func gap(_ x: Double?, unit: String, _ lang: Lang) -> String {
        guard let x, x.isFinite else { return "–" }
        if unit == "percent" {
            return plain(x, decimals: 1, lang) + (lang == .sv ? "\u{a0}procentenheter" : "\u{a0}percentage points")
        }
        return value(x, unit: unit, lang)
    }

    /// A number with a unit written as free text (a milestone's "%"), whole numbers without decimals.
    static func free(_ x: Double, unit: String?, _ lang: Lang) -> String {
        let n = plain(x, decimals: x.rounded() == x ? 0 : 1, lang)
        guard let unit, !unit.isEmpty else { return n }
        return "\(n)\u{a0}\(unit)"
    }

    static func ratio(_ x: Double?, _ lang: Lang) -> String {
        guard let x, x.isFinite else { return "–" }
        return plain(x, decimals: 2, lang)
    }

    /// A tick label from a chart scale, in the page's language.
    static func tick(_ label: String, _ lang: Lang) -> String {
        lang == .sv
            ? label : label.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "\u{00A0}", with: ",")
    }
}
