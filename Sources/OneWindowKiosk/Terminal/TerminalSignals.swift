#if canImport(Glibc)
    import Glibc
#endif

/// Signals as bytes on a pipe that the loop polls (the self-pipe trick: a handler may only
/// call async-signal-safe functions, and `write` is one), plus a last-resort terminal restore
/// when the process traps.
public enum TerminalSignals {
    /// Signals the loop handles: resize, and the ways to be asked to stop.
    public static let handled: [Int32] = [SIGWINCH, SIGINT, SIGTERM, SIGHUP]
    /// Signals after which the process dies; the handler restores the terminal first.
    static let fatal: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// The pipe's read end; each byte read is a signal number.
    public static var readEnd: Int32 { signalPipe.0 }

    /// Creates the pipe and installs the handlers; the crash handler gets its own copy of what
    /// it needs, since it may not allocate.
    static func install(terminal: Int32, saved: termios, restoreBytes: [UInt8]) throws {
        if signalPipe.0 < 0 {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw Terminal.Failure(description: "cannot create the signal pipe") }
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
            signalPipe = (fds[0], fds[1])
        }
        crashTerminal = terminal
        crashSettings = saved
        crashBytes?.deallocate()
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: restoreBytes.count)
        bytes.initialize(from: restoreBytes, count: restoreBytes.count)
        crashBytes = bytes
        crashByteCount = restoreBytes.count
        for number in handled { setHandler(number, forwardSignal) }
        // A parent may have started us with these blocked (a test runner, a service manager's
        // helper): a blocked SIGTERM would never reach the handler.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in handled + fatal { sigaddset(&unblock, number) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for number in fatal { setHandler(number, restoreAndDie) }
        armed = 1
    }

    /// After a normal restore: nothing left to undo on a crash; stop signals go to default.
    static func disarm() {
        armed = 0
        for number in fatal + [SIGINT, SIGTERM, SIGHUP] { signal(number, SIG_DFL) }
    }

    /// Reads the signals that arrived since the last call.
    public static func drain() -> [Int32] {
        var result: [Int32] = []
        var byte: UInt8 = 0
        while Glibc.read(signalPipe.0, &byte, 1) == 1 { result.append(Int32(byte)) }
        return result
    }

    private static func setHandler(_ number: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = number == SIGWINCH ? SA_RESTART : 0
        sigaction(number, &action, nil)
    }
}

// Read by the signal handlers, which cannot take locks; written only before the handlers
// are installed or while they are disarmed.
nonisolated(unsafe) private var signalPipe: (Int32, Int32) = (-1, -1)
nonisolated(unsafe) private var crashTerminal: Int32 = -1
nonisolated(unsafe) private var crashSettings = termios()
nonisolated(unsafe) private var crashBytes: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var crashByteCount = 0
nonisolated(unsafe) private var armed: Int32 = 0

private func forwardSignal(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    let saved = errno
    _ = write(signalPipe.1, &byte, 1)
    errno = saved
}

private func restoreAndDie(_ number: Int32) {
    if armed == 1, let bytes = crashBytes {
        _ = write(STDOUT_FILENO, bytes, crashByteCount)
        _ = tcsetattr(crashTerminal, TCSAFLUSH, &crashSettings)
        armed = 0
    }
    signal(number, SIG_DFL)
    raise(number)
}
