import Foundation
import OneWindowKiosk
import Testing

@Suite("Receipt printing", .timeLimit(.minutes(2)))
struct ReceiptTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/ticket-receipt.escpos")

    var receipt: TicketReceipt {
        TicketReceipt(
            hallName: "测试政务服务大厅", ticket: KioskSamples.ticket, serviceName: "内地居民结婚登记",
            materials: ["居民身份证", "户口簿"], issuedAt: "2026-11-29 09:00", publicURL: URL(string: "https://hall.example.cn")
        )
    }

    @Test("Chinese text goes to the printer in GB18030, converted by iconv")
    func gb18030() throws {
        #expect(try GB18030.encode("中") == [0xD6, 0xD0])
        #expect(try GB18030.encode("号A") == [0xBA, 0xC5, 0x41])
        // Outside GB2312 and the BMP: GB18030 has a four-byte form.
        #expect(try GB18030.encode("€") == [0xA2, 0xE3])
        #expect(try GB18030.encode("𠀀") == [0x95, 0x32, 0x82, 0x36])  // a rare name character: four bytes
    }

    @Test("the QR code is sent with GS ( k: model 2, size, error correction, the URL stored, then printed")
    func qrCode() {
        var printer = EscPos()
        printer.qrCode("https://x.cn/t/1")
        let bytes = printer.bytes
        let store: [UInt8] = [0x1D, 0x28, 0x6B, 19, 0x00, 0x31, 0x50, 0x30] + Array("https://x.cn/t/1".utf8)
        #expect(bytes.count == 9 + 8 + 8 + store.count + 8)
        #expect(Array(bytes[25..<(25 + store.count)]) == store)
        #expect(Array(bytes.suffix(8)) == [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30])
    }

    @Test("a ticket prints exactly the bytes of the golden file")
    func goldenFile() throws {
        let bytes = try receipt.escPos()
        if ProcessInfo.processInfo.environment["ONEWINDOW_UPDATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: Self.golden)
        }
        let expected = try [UInt8](Data(contentsOf: Self.golden))
        let first = zip(bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(
            bytes == expected, "differs from byte \(first ?? min(bytes.count, expected.count)) of \(Self.golden.path)")
    }

    @Test("the print has the number in double size, the case number, the materials, the status page and the code")
    func content() throws {
        let bytes = try receipt.escPos()
        let doubleSized: [UInt8] = [0x1D, 0x21, 0x11, 0x1B, 0x45, 0x01] + Array("A012\n".utf8)
        #expect(bytes.firstRange(of: doubleSized) != nil)
        #expect(bytes.firstRange(of: try GB18030.encode("办件号：C20261129-0007")) != nil)
        #expect(bytes.firstRange(of: try GB18030.encode("2. 户口簿")) != nil)
        #expect(bytes.firstRange(of: try GB18030.encode("评价码：402817")) != nil)
        #expect(bytes.firstRange(of: Array("https://hall.example.cn/t/\(KioskSamples.ticket.id)".utf8)) != nil)
        #expect(Array(bytes.prefix(4)) == [0x1B, 0x40, 0x1C, 0x26])
        #expect(Array(bytes.suffix(4)) == [0x1D, 0x56, 0x42, 0x03])
    }

    @Test("printing writes to the device file, and a missing device is reported, not ignored")
    func device() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lp-\(UUID().uuidString)").path
        #expect(throws: ReceiptPrinter.Failure.self) { try ReceiptPrinter(path: path).print([1, 2]) }
        try TestFiles.write(path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ReceiptPrinter(path: path).print([0x1B, 0x40])
        #expect(FileManager.default.contents(atPath: path) == Data([0x1B, 0x40]))
    }
}
