/// One STUB or HEADING variable's keywords (`VALUES`, `CODES`, `TIMEVAL`, `ELIMINATION`, `MAP`) in
/// the chosen language. A translation (`VALUES[en]("region")`) names the variable in its own
/// language; codes, time lists and maps are often written once, for the default language's name,
/// so those are looked up there when the language has none.
struct PCAxisVariableLookup {
    let header: PCAxisHeader
    /// nil: the default language.
    let language: String?
    /// The variable's name in the chosen language.
    let name: String
    /// Its name in the default language (the same place in STUB or HEADING).
    let defaultName: String
    /// The file names this variable in the chosen language (`STUB[en]`), so its `VALUES` must
    /// be there too: the default language's texts are not taken for a translation.
    let translated: Bool

    /// The keyword for the variable in the chosen language, else (when `fallback`) in the
    /// default one; `own` says which.
    func keyword(_ keywordName: String, fallback: Bool) -> (keyword: PCAxisKeyword, own: Bool)? {
        guard let language else { return header.keyword(keywordName, name).map { ($0, true) } }
        if let own = header.keyword(keywordName, language: language, name) { return (own, true) }
        guard fallback else { return nil }
        return header.keyword(keywordName, defaultName).map { ($0, false) }
    }

    /// The variable; nil when the file has no values for it.
    func variable(line: Int) throws(ObservationProblem) -> PCAxis.Variable? {
        let time = keyword("TIMEVAL", fallback: true)
        var defaultLabels: [String]?
        if let defaultValues = header.keyword("VALUES", defaultName) { defaultLabels = try header.list(defaultValues) }
        let labels: [String]
        if let values = keyword("VALUES", fallback: !translated) {
            labels = try header.list(values.keyword)
        } else if let time, let periods = header.timeValues(time.keyword) {
            labels = periods
        } else {
            return nil
        }
        var codes = labels
        if let found = keyword("CODES", fallback: true) {
            codes = try header.list(found.keyword)
            if codes.count != labels.count {
                throw ObservationProblem(
                    line: found.keyword.line, column: header.display(found.keyword),
                    .pxCodesCount(variable: name, values: labels.count, codes: codes.count))
            }
        }
        var role = StatisticsCube.Role.other
        if time != nil {
            role = .time
        } else if keyword("MAP", fallback: true) != nil {
            role = .geo
        }
        let dimension = StatisticsCube.Dimension(
            id: name, codes: codes, labels: labels, role: role,
            total: total(codes: codes, labels: labels, defaultLabels: defaultLabels))
        return PCAxis.Variable(
            dimension: dimension, defaultName: defaultName, defaultLabels: defaultLabels ?? labels, inStub: true)
    }

    /// The value `ELIMINATION` names as standing for all (`ELIMINATION("kön")="totalt"`); nil for
    /// `YES` (the variable may be left out, with no value for it) and `NO`. A name that is not
    /// one of the values gives no total rather than refusing the file: it is a presentation hint.
    func total(codes: [String], labels: [String], defaultLabels: [String]?) -> Int? {
        guard let found = keyword("ELIMINATION", fallback: true), let text = header.single(found.keyword) else {
            return nil
        }
        let texts = found.own ? labels : defaultLabels ?? labels
        return texts.firstIndex(of: text) ?? codes.firstIndex(of: text)
    }
}
