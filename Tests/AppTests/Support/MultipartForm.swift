import Foundation
import Vapor

/// A `multipart/form-data` body as a browser sends it: the fields, then any files.
struct MultipartForm {
    let boundary: String
    private var parts = Data()

    init(boundary: String = "skillnad-\(UUID().uuidString)") {
        self.boundary = boundary
    }

    mutating func add(_ name: String, _ value: String) {
        parts += Data("--\(boundary)\r\n".utf8)
        parts += Data("Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n".utf8)
        parts += Data("\(value)\r\n".utf8)
    }

    /// The file name goes into the header as given, so tests can send names a browser would not.
    mutating func addFile(_ name: String, filename: String, contentType: String, data: Data) {
        parts += Data("--\(boundary)\r\n".utf8)
        parts += Data("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n".utf8)
        parts += Data("Content-Type: \(contentType)\r\n\r\n".utf8)
        parts += data
        parts += Data("\r\n".utf8)
    }

    var body: ByteBuffer {
        ByteBuffer(data: parts + Data("--\(boundary)--\r\n".utf8))
    }

    var contentType: HTTPMediaType {
        HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
    }
}
