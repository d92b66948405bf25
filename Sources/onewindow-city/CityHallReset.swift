import ArgumentParser
import OneWindowCity

/// `onewindow-city hall-reset ID --yes`: the city forgets what it holds of a hall, and the hall
/// sends its whole log again. For a hall whose database was restored from an older backup or
/// reinstalled under the same id (its `/healthz` then shows `sequence_conflict`, or that the
/// city holds more than its log): without the reset the hall sends nothing more. Without
/// `--yes` it only says what it would remove.
struct CityHallReset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hall-reset",
        abstract: "Forget a hall's events and figures at the city; the hall then sends its whole log again.",
        discussion: """
            For a hall restored from an older backup or reinstalled under the same id. The events the city \
            held that the hall's database no longer has are removed with the rest: the city's figures become \
            the hall's own. The hall keeps its token.
            """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The hall's id, as its daemon's --hall-id.") var hallId: String
    @Flag(help: "Remove them; without it, only say what would be removed.") var yes = false

    func run() throws {
        let (id, dryRun) = (hallId, !yes)
        // A busy hall's year is millions of rows to delete: the reset may take minutes, not the
        // minute the token commands are given.
        let reset = try database.withStore(timeout: 3_600) { store in
            try await store.resetHall(id: id, dryRun: dryRun)
        }
        if dryRun {
            print(
                "hall “\(id)”: the city holds \(reset.events) events (1 to \(reset.heldSeq)) and their figures; "
                    + "run again with --yes to remove them, and the hall sends its whole log again")
            throw ExitCode(1)
        }
        print(
            "hall “\(id)”: removed \(reset.events) events (1 to \(reset.heldSeq)) and their figures; the hall sends "
                + "its whole log again at its next attempt (within a minute)")
    }
}
