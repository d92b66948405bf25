import ArgumentParser

@main
struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onewindow-kiosk",
        abstract:
            "The hall's terminals: the applicant kiosk, the clerk console, the text display board and the rating pad.",
        discussion: """
            Talks to onewindowd over HTTP. Settings come from a config file (--config, else
            /etc/onewindow/kiosk.conf when it exists); flags override it. See kiosk/kiosk.conf.
            """,
        subcommands: [Applicant.self, Clerk.self, Board.self, Pad.self]
    )
}
