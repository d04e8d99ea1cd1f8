import Testing

@testable import SkillnadCore

@Suite("PhotoFormat")
struct PhotoFormatTests {
    @Test("JPEG, PNG and WebP are told by their first bytes; text, a PDF, a short file and a RIFF WAV are not")
    func sniffing() {
        #expect(PhotoFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]) == .jpeg)
        #expect(PhotoFormat.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) == .png)
        #expect(PhotoFormat.sniff(Array("RIFF\u{24}\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(PhotoFormat.sniff(Array("RIFF\u{24}\0\0\0WAVEfmt ".utf8)) == nil)
        #expect(PhotoFormat.sniff(Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8)) == nil)
        #expect(PhotoFormat.sniff(Array("%PDF-1.7".utf8)) == nil)
        #expect(PhotoFormat.sniff([0x89, 0x50]) == nil)
        #expect(PhotoFormat.sniff([UInt8]()) == nil)
        #expect(PhotoFormat.png.rawValue == "image/png")
    }
}
