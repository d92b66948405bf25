import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program on the terminal: reads keys and taps, signals and effect messages, ticks
/// once a second, and repaints when the frame changed. Returns when asked to stop (Ctrl-C,
/// SIGINT, SIGTERM, SIGHUP) or when the terminal goes away; the terminal is restored on
/// every way out, a thrown error included.
public struct TerminalLoop<Program: TerminalProgram, Runner: EffectRunner>
where Runner.Effect == Program.Effect, Runner.Message == Program.Message {
    public var program: Program
    public let runner: Runner
    public let terminal: Terminal

    public init(program: Program, runner: Runner, terminal: Terminal) {
        self.program = program
        self.runner = runner
        self.terminal = terminal
    }

    /// Why the loop ended.
    public enum Ending: Equatable, Sendable {
        case interrupted
        case signal(Int32)
        case endOfInput
    }

    public mutating func run() throws -> Ending {
        try terminal.start()
        defer { terminal.restore() }
        let mailbox = Mailbox<Program.Message>()
        var decoder = InputDecoder()
        var lastFrame: ScreenBuffer?
        var lastTick = Date()
        var clear = true
        perform(program.start(now: Date()), mailbox)
        while true {
            let size = terminal.size()
            program.resize(width: size.width, height: size.height)
            let frame = program.frame(width: size.width, height: size.height, now: Date())
            if clear || lastFrame?.cells != frame.cells || lastFrame?.width != frame.width {
                terminal.paint(frame, clear: clear)
                clear = false
            }
            lastFrame = frame
            var fds = [
                pollfd(fd: terminal.input, events: Int16(POLLIN), revents: 0),
                pollfd(fd: TerminalSignals.readEnd, events: Int16(POLLIN), revents: 0),
                pollfd(fd: mailbox.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), 250)
            if ready < 0, errno != EINTR {
                throw Terminal.Failure(description: "poll failed: \(String(cString: strerror(errno)))")
            }
            for number in TerminalSignals.drain() {
                if number == SIGWINCH {
                    clear = true
                } else {
                    return .signal(number)
                }
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP) != 0 {
                guard let bytes = terminal.read() else { return .endOfInput }
                for event in decoder.decode(bytes) {
                    if event == .interrupt { return .interrupted }
                    var input = event
                    if case .tap(let row, let column) = event {
                        // A tap on no choice still reaches the program: someone is there.
                        input = frame.input(forTapAt: row, column: column) ?? event
                    }
                    perform(program.handle(input, now: Date()), mailbox)
                }
            }
            for message in mailbox.drain() { perform(program.receive(message, now: Date()), mailbox) }
            if Date().timeIntervalSince(lastTick) >= 1 {
                lastTick = Date()
                perform(program.tick(now: lastTick), mailbox)
            }
        }
    }

    private func perform(_ effects: [Program.Effect], _ mailbox: Mailbox<Program.Message>) {
        for effect in effects { runner.run(effect) { mailbox.send($0) } }
    }
}
