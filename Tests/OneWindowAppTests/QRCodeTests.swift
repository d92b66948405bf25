import Foundation
import OneWindowCore
import OneWindowTesting
import Testing

@testable import OneWindowApp

/// The QR encoder, checked the way a scanner reads it: its SVG drawn by Chromium and decoded by
/// zbarimg (both Debian's, installed by scripts/test.sh), programs apart from the encoder.
@Suite("The booking code's QR code", .timeLimit(.minutes(3)))
struct QRCodeTests {
    static let chromium = "/usr/bin/chromium"
    static let zbarimg = "/usr/bin/zbarimg"

    /// Renders `svg` in headless Chromium and decodes the screenshot; nil if nothing was read.
    static func decode(_ svg: String, side: Int, in directory: TemporaryDirectory) throws -> String? {
        let file = directory.path("qr.svg")
        let png = directory.path("qr.png")
        try Data(svg.utf8).write(to: URL(fileURLWithPath: file))
        _ = try run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png)",
                "--window-size=\(side + 40),\(side + 40)", "file://\(file)",
            ])
        let output = try run(zbarimg, ["--raw", "-q", png])
        return output.trimmingCharacters(in: .newlines)
    }

    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(
        "codes of every size the encoder takes decode to their text",
        arguments: [
            "K7M2QX9A", "https://hall.example.org/book?service=T-HY-001",
            String(repeating: "一窗通预约", count: 8),  // 120 bytes of UTF-8: version 7, with version bits
            String(repeating: "0123456789ABCDEF", count: 13),  // 208 bytes: version 10
        ])
    func decodes(text: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.chromium), "scripts/test.sh installs chromium")
        try #require(FileManager.default.isExecutableFile(atPath: Self.zbarimg), "scripts/test.sh installs zbar-tools")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let code = try #require(QRCode(text: text))
        let side = (code.size + 8) * 4
        let svg = code.svg(label: "test", modulePixels: 4).html
        #expect(try Self.decode(svg, side: side, in: directory) == text, "version \(code.version), mask \(code.mask)")
    }

    @Test("the smallest version that holds the bytes, and nil beyond version 10")
    func versions() {
        #expect(QRCode(text: "K7M2QX9A")?.version == 1)
        #expect(QRCode(text: String(repeating: "a", count: 14))?.version == 1)
        #expect(QRCode(text: String(repeating: "a", count: 15))?.version == 2)
        #expect(QRCode(text: String(repeating: "a", count: 213))?.version == 10)
        #expect(QRCode(text: String(repeating: "a", count: 214)) == nil)
        let code = QRCode(text: "K7M2QX9A")!
        #expect(code.modules.count == 21 && code.modules.allSatisfy { $0.count == 21 })
        // The finder pattern's corners and the dark module are where the standard puts them.
        #expect(code.modules[0][0] && code.modules[0][6] && code.modules[6][0] && code.modules[21 - 8][8])
    }
}
