import Foundation

/// A small JSON Schema checker for the subset the document uses: type (or a list of types),
/// properties, required, additionalProperties false, items, enum, $ref, minimum/maximum.
struct SchemaCheck {
    let schemas: [String: Any]

    func check(_ value: Any, against schema: [String: Any], at path: String, _ errors: inout [String]) {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = schemas[name] as? [String: Any] else {
                errors.append("\(path): unknown $ref \(ref)")
                return
            }
            check(value, against: target, at: path, &errors)
            return
        }
        var types: [String] = []
        if let t = schema["type"] as? String {
            types = [t]
        } else if let t = schema["type"] as? [String] {
            types = t
        }
        if !types.isEmpty, !types.contains(where: { matches(value, $0) }) {
            errors.append("\(path): expected \(types.joined(separator: "|")), got \(type(of: value))")
            return
        }
        if let options = schema["enum"] as? [String], let s = value as? String, !options.contains(s) {
            errors.append("\(path): \(s) is not one of \(options)")
        }
        if let n = value as? NSNumber, !(value is Bool) {
            if let min = schema["minimum"] as? Double, n.doubleValue < min {
                errors.append("\(path): below minimum")
            }
            if let max = schema["maximum"] as? Double, n.doubleValue > max {
                errors.append("\(path): above maximum")
            }
        }
        if let obj = value as? [String: Any] {
            let props = schema["properties"] as? [String: Any] ?? [:]
            for req in schema["required"] as? [String] ?? [] where obj[req] == nil {
                errors.append("\(path): missing required \(req)")
            }
            for (k, v) in obj {
                if let p = props[k] as? [String: Any] {
                    check(v, against: p, at: "\(path).\(k)", &errors)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    errors.append("\(path): undocumented field \(k)")
                }
            }
        }
        if let arr = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, v) in arr.enumerated() {
                check(v, against: items, at: "\(path)[\(i)]", &errors)
            }
        }
    }

    func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "boolean": return value is Bool
        case "integer":
            guard let n = value as? NSNumber, !(value is String) else { return false }
            return n.doubleValue.rounded() == n.doubleValue
        case "number": return value is NSNumber && !(value is String)
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return true
        }
    }
}
