import ArgumentParser
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `onewindowd close-day`: ends the hall's day now through the running daemon, so the queue
/// it holds and the database stay one. Needs an admin token.
struct CloseDay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close-day",
        abstract: "Expire every ticket still waiting or called, now (the daemon does this at its closing time too).",
        discussion: """
            Calls POST /api/v1/hall/close-day on the running daemon with an admin device token, read from
            the environment variable ONEWINDOW_TOKEN or from --token-file: never from the command line,
            where every user of the machine could read it in the process list.
            """
    )

    @Option(help: "The daemon's address (env ONEWINDOW_URL; default http://127.0.0.1:8080).")
    var url: String?

    @Option(help: "A file holding an admin device token, readable by its owner only (or env ONEWINDOW_TOKEN).")
    var tokenFile: String?

    func run() throws {
        let base = url ?? Environment.value("ONEWINDOW_URL") ?? "http://127.0.0.1:8080"
        let token: String
        if let tokenFile {
            token = try TokenFile.read(tokenFile)
        } else if let fromEnvironment = Environment.value("ONEWINDOW_TOKEN") {
            token = fromEnvironment
        } else {
            throw ValidationError(
                "an admin token is needed: ONEWINDOW_TOKEN or --token-file (onewindowd token create --role admin)")
        }
        guard let endpoint = URL(string: base + "/api/v1/hall/close-day") else {
            throw ValidationError("“\(base)” is not a URL")
        }
        var request = URLRequest(url: endpoint, timeoutInterval: 30)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (status, body) = try Self.send(request)
        let text = String(decoding: body, as: UTF8.self)
        guard status == 200 else {
            FileHandle.standardError.write(Data("onewindowd close-day: \(base) answered \(status): \(text)\n".utf8))
            throw ExitCode.failure
        }
        print(text)
    }

    /// Sends one request and waits for the answer, at most the request's timeout and a little.
    ///
    /// A semaphore, not `await`: the daemon's root command is a synchronous `ParsableCommand`
    /// because `serve` must block its signals before any other thread exists, and an async
    /// `main` starts the concurrency runtime first. The answer is handed over in a `Mutex`.
    private static func send(_ request: URLRequest) throws -> (Int, Data) {
        let done = DispatchSemaphore(value: 0)
        let answer = Mutex<Result<(Int, Data), any Error>>(.failure(URLError(.timedOut)))
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            answer.withLock { answer in
                if let error {
                    answer = .failure(error)
                } else {
                    answer = .success(((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()))
                }
            }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + request.timeoutInterval + 5) == .timedOut { task.cancel() }
        let outcome = answer.withLock { $0 }
        do {
            return try outcome.get()
        } catch {
            FileHandle.standardError.write(
                Data(
                    "onewindowd close-day: cannot reach \(request.url!.absoluteString): \(error.localizedDescription)\n"
                        .utf8))
            throw ExitCode.failure
        }
    }
}
