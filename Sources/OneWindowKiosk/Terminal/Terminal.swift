#if canImport(Glibc)
    import Glibc
#endif

/// The one owner of the terminal: raw mode, the alternate screen, mouse reporting and the
/// cursor. `restore()` undoes all of it and is called on every way out: normal return, Ctrl-C,
/// SIGINT, SIGTERM, SIGHUP, a thrown error, and (from the crash signal handler) a trap.
///
/// `@unchecked Sendable`: used from the loop's thread only; the crash path reads a copy of
/// the saved settings that `TerminalSignals` keeps for it.
public final class Terminal: @unchecked Sendable {
    public let input: Int32
    public let output: Int32
    private var saved: termios?

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) throws {
        guard isatty(input) == 1, isatty(output) == 1 else {
            throw Failure(description: "standard input and output must be a terminal (run it in foot, xterm or tmux)")
        }
        self.input = input
        self.output = output
    }

    /// Enters raw mode and the full-screen session; installs the signal handlers first, so
    /// that nothing can leave the terminal raw.
    public func start() throws {
        var settings = termios()
        guard tcgetattr(input, &settings) == 0 else {
            throw Failure(description: "cannot read the terminal settings: \(String(cString: strerror(errno)))")
        }
        saved = settings
        try TerminalSignals.install(terminal: input, saved: settings, restoreBytes: Array(TerminalCodes.restore.utf8))
        var raw = settings
        cfmakeraw(&raw)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(input, TCSAFLUSH, &raw) == 0 else {
            throw Failure(description: "cannot switch the terminal to raw mode: \(String(cString: strerror(errno)))")
        }
        write(Array(TerminalCodes.start.utf8))
    }

    /// Puts the terminal back as it was. Safe to call more than once.
    public func restore() {
        guard var settings = saved else { return }
        write(Array(TerminalCodes.restore.utf8))
        tcsetattr(input, TCSAFLUSH, &settings)
        saved = nil
        TerminalSignals.disarm()
    }

    /// Columns and rows, from the kernel's idea of the window (updated on SIGWINCH).
    public func size() -> (width: Int, height: Int) {
        var size = winsize()
        guard ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Paints a whole frame; `clear` first after a resize, when old text may lie outside it.
    public func paint(_ buffer: ScreenBuffer, clear: Bool = false) {
        var bytes = clear ? Array(TerminalCodes.clearScreen.utf8) : []
        bytes += FramePainter.bytes(of: buffer)
        write(bytes)
    }

    /// Reads what is there (after `poll` said so); nil at end of input.
    public func read() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR || errno == EAGAIN { return [] }
        return count > 0 ? Array(buffer[0..<count]) : nil
    }

    public func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
