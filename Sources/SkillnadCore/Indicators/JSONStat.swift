import Foundation

/// Reads JSON-stat (json-stat.org/format), the JSON the PxWeb API of Statistics Sweden and the
/// other Nordic statistics offices answers with (`format: json-stat2` in API v1, the default in
/// v2), into a `StatisticsCube` (kub).
///
/// What is read, and why:
/// - The root is a dataset (`"class": "dataset"`); a `"collection"` whose `link.item` embeds
///   exactly one dataset; or a JSON-stat 1.x bundle, an object of named datasets, with one. More
///   than one dataset is refused, because the import would have to guess which one was meant.
/// - `id` orders the dimensions and `size` must agree with it and with each dimension's
///   categories; a 1.x dataset keeps `id`, `size` and `role` inside `dimension`, which is read too.
/// - A category `index` is an array of codes or an object code → position (0 to n − 1, each once);
///   without an index, a `label` object with one code is that single category, as the format allows.
/// - `role` `time`, `geo` and `metric` become the cube's `.time`, `.geo` and `.content`.
/// - `value` is an array of numbers and nulls (its length the product of `size`) or a sparse
///   object position → number, where an absent cell has no value. A null is missing, never 0.
/// - `status` is a string for every cell, an array (one element: for every cell, as the
///   reference toolkit reads it), or an object position → string. A "no value" symbol marks the
///   cell missing or suppressed by `StatisticsSymbol`'s rule (`..` and `x` suppressed, `.` and
///   `-` missing) and wins over a number in `value`; other marks (`p` preliminary, `e` estimated)
///   and an empty status leave the value as it is. A text in `value` is such a symbol or a number.
/// - PxWeb API v2's `extension.eliminationValueCode` on a dimension names its total (`total`).
/// - `label` and `source` become the cube's title and source.
///
/// Every problem has the JSON path in `column` (`dimension.Region.category.index`) and no line;
/// text that is not JSON says the line and column where it stops being JSON.
public enum JSONStat {
    public static func read(_ data: Data) throws(ObservationProblems) -> StatisticsCube {
        let root = try JSONStatParser.parse(data)
        let (dataset, prefix) = try locateDataset(in: root)
        var reader = JSONStatDatasetReader(dataset: dataset, prefix: prefix)
        return try reader.cube()
    }

    /// The one dataset of a response and its JSON path (empty for a dataset at the root).
    static func locateDataset(in root: JSONStatNode) throws(ObservationProblems) -> (JSONStatNode, String) {
        guard let members = root.members else { throw notDataset(root.kind) }
        if let classNode = root.member("class") {
            guard let name = classNode.text else {
                throw ObservationProblems([
                    ObservationProblem(line: nil, column: "class", .expectedString(got: classNode.kind))
                ])
            }
            switch name {
            case "dataset": return (root, "")
            case "collection": return try embeddedDataset(in: root)
            case "bundle": break
            default: throw notDataset("\"class\": \"\(name)\"", column: "class")
            }
        } else if root.member("dimension") != nil && root.member("value") != nil {
            // A dataset that leaves out its class.
            return (root, "")
        }
        // A JSON-stat 1.x bundle: datasets by name.
        let datasets = members.filter { $0.value.member("dimension") != nil }
        guard datasets.count == 1, let only = datasets.first else {
            if datasets.isEmpty { throw notDataset("an object with no \"class\" and no dataset") }
            throw notDataset("\(datasets.count) datasets (\(datasets.map(\.key).joined(separator: ", ")))")
        }
        return (only.value, only.key)
    }

    /// The dataset a collection embeds in `link.item`.
    static func embeddedDataset(in collection: JSONStatNode) throws(ObservationProblems) -> (JSONStatNode, String) {
        let items = collection.member("link")?.member("item")?.elements ?? []
        let datasets = items.enumerated().filter { _, item in
            let itemClass = item.member("class")?.text
            return itemClass == "dataset" || (itemClass == nil && item.member("dimension") != nil)
        }
        guard datasets.count == 1, let (position, item) = datasets.first else {
            throw notDataset("\"class\": \"collection\" with \(datasets.count) datasets", column: "link.item")
        }
        let path = "link.item[\(position)]"
        guard item.member("dimension") != nil else {
            let address = item.member("href")?.text.map { " (\($0))" } ?? ""
            throw notDataset("a collection whose dataset is a link, not the data\(address)", column: path)
        }
        return (item, path)
    }

    static func notDataset(_ got: String, column: String? = nil) -> ObservationProblems {
        ObservationProblems([ObservationProblem(line: nil, column: column, .jsonStatNotDataset(got: got))])
    }

    /// What a cell's status says about its value, by `StatisticsSymbol`'s rule: nil for a blank
    /// status, which says nothing (a value with an empty status keeps its number), and for marks
    /// that are no symbol (`p` preliminary, `e` estimated).
    static func statusMark(_ status: String) -> StatisticsSymbol? {
        let word = status.trimmingCharacters(in: .whitespaces)
        if word.isEmpty { return nil }
        return StatisticsSymbol.classify(word)
    }
}
