import ArgumentParser

/// `onewindowd`: the hall's daemon. Subcommands run it and check its catalogue.
@main
struct OneWindowDaemon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onewindowd",
        abstract: "OneWindow (一窗通): the service hall's daemon.",
        subcommands: [
            Serve.self, Check.self, Token.self, CloseDay.self, Backup.self, Report.self, Privacy.self,
            CatalogueTool.self,
        ],
        defaultSubcommand: Serve.self
    )
}
