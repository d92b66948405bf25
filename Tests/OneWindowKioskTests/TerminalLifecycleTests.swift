import Foundation
import OneWindowKiosk
import OneWindowTesting
import Testing

/// The terminal is always given back as it was, however the program ends, and the program
/// follows the window's size and taps.
@Suite("Terminal restore, resize and taps", .serialized, .timeLimit(.minutes(2)))
struct TerminalLifecycleTests {
    /// A board whose daemon is not there: it starts full-screen and says it is reconnecting.
    func offlineBoard() async throws -> KioskTerminal {
        let board = try KioskTerminal(["board", "--daemon-url", "http://127.0.0.1:9"])
        #expect(await board.waitFor("连接中断，正在重新连接…"), "\(board.screen)")
        return board
    }

    func endsRestored(_ terminal: KioskTerminal) -> Bool {
        let bytes = terminal.process.bytes
        let start = Array(TerminalCodes.start.utf8)
        let restore = Array(TerminalCodes.restore.utf8)
        return bytes.starts(with: start) && bytes.suffix(restore.count).elementsEqual(restore)
    }

    @Test("SIGTERM ends the program with the terminal restored and status 0")
    func sigterm() async throws {
        let board = try await offlineBoard()
        #expect(board.stop() == 0)
        #expect(endsRestored(board))
    }

    @Test("Ctrl-C ends the program with the terminal restored")
    func controlC() async throws {
        let board = try await offlineBoard()
        board.type("\u{03}")
        #expect(board.process.waitForExit() == 0)
        #expect(endsRestored(board))
    }

    @Test("even a crash restores the terminal before the process dies")
    func crash() async throws {
        let board = try await offlineBoard()
        board.process.signal(SIGSEGV)
        _ = board.process.waitForExit()
        #expect(endsRestored(board))
    }

    @Test("a resize redraws the screen at the new size")
    func resize() async throws {
        let hall = try HallUnderTest()
        defer { hall.stop() }
        let kiosk = try hall.applicant()
        #expect(await kiosk.waitFor("1  个人办事"))
        kiosk.resize(width: 120, height: 40)
        #expect(
            await Polling.eventually {
                kiosk.screen.split(separator: "\n", omittingEmptySubsequences: false).count == 40
                    && kiosk.screen.split(separator: "\n", omittingEmptySubsequences: false)[39].hasPrefix(" 数字键选择")
            }, "\(kiosk.screen)")
        let title = kiosk.screen.split(separator: "\n").first.map(String.init) ?? ""
        #expect(DisplayWidth.of(title) == 119, "the clock sits at the right edge of 120 columns: \(title)")
        #expect(kiosk.stop() == 0)
    }

    @Test("a tap reported by the terminal (xterm SGR mouse) chooses what is under it")
    func tap() async throws {
        let hall = try HallUnderTest()
        defer { hall.stop() }
        let kiosk = try hall.applicant()
        #expect(await kiosk.waitFor("2  单位办事"))
        #expect(String(decoding: kiosk.process.bytes, as: UTF8.self).contains("\u{1B}[?1000h\u{1B}[?1006h"))
        // Row 6 (1-based) is "2  单位办事"; press and release there.
        kiosk.type("\u{1B}[<0;8;6M\u{1B}[<0;8;6m")
        #expect(await kiosk.waitFor("单位办事：请选择类别"), "\(kiosk.screen)")
        #expect(kiosk.stop() == 0)
    }

    @Test("a token file others can read is refused before the screen is taken, with the fix")
    func tokenRefused() async throws {
        let hall = try HallUnderTest()
        defer { hall.stop() }
        chmod(hall.kioskTokenFile, 0o644)
        let kiosk = try hall.applicant()
        #expect(kiosk.process.waitForExit() == 2)
        let output = String(decoding: kiosk.process.bytes, as: UTF8.self)
        #expect(output.contains("can be read by others (mode 644)"))
        #expect(output.contains("chmod 600 \(hall.kioskTokenFile)"))
        #expect(!output.contains(TerminalCodes.enterAlternateScreen))
    }

    @Test("the help names the four modes and their options")
    func help() async throws {
        let binary = try PseudoTerminalProcess.builtBinary("onewindow-kiosk")
        let top = try run(binary, ["--help"])
        for mode in ["applicant", "clerk", "board", "pad"] { #expect(top.contains(mode)) }
        #expect(try run(binary, ["clerk", "--help"]).contains("--window"))
        let pad = try run(binary, ["pad", "--help"])
        #expect(pad.contains("--window") && pad.contains("token create --role pad"), "\(pad)")
        let applicant = try run(binary, ["applicant", "--help"])
        #expect(
            applicant.contains("--printer") && applicant.contains("--public-url") && applicant.contains("--token-file"))
    }

    func run(_ binary: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
