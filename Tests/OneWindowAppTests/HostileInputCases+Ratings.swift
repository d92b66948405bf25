import Foundation

extension HostileCases {
    /// Ratings that only the applicant can give, and clerks that act only at their window:
    /// each refused before anything is written (the ticket is still waiting, the clerk's
    /// token belongs to window 1).
    static func ratings(kiosk: String, clerk: String, ticketId: String) -> [HostileCase] {
        let kioskHeaders = ["Authorization": "Bearer \(kiosk)", "Content-Type": "application/json"]
        let clerkHeaders = ["Authorization": "Bearer \(clerk)", "Content-Type": "application/json"]
        func rate(_ body: String) -> Data {
            request("POST", "/api/v1/tickets/\(ticketId)/evaluation", headers: kioskHeaders, body: json(body))
        }
        let form = ["Content-Type": "application/x-www-form-urlencoded"]
        let cases: [(String, Data, HostileCase.Outcome)] = [
            (
                "a kiosk rating without the receipt's code", rate(#"{"rating":5}"#),
                .error(403, "evaluation_code_invalid")
            ),
            (
                "a kiosk rating with a wrong code", rate(#"{"rating":5,"code":"000000"}"#),
                .error(403, "evaluation_code_invalid")
            ),
            ("a rating of 0", rate(#"{"rating":0,"code":"1234"}"#), .error(400, "malformed_body")),
            ("a rating of 9", rate(#"{"rating":9,"code":"1234"}"#), .error(400, "malformed_body")),
            ("a rating of 2.5", rate(#"{"rating":2.5,"code":"1234"}"#), .error(400, "malformed_body")),
            (
                "an unknown reason id", rate(#"{"rating":1,"reasons":["bribe"],"code":"1234"}"#),
                .error(422, "unknown_reason")
            ),
            ("a bad rating without a reason", rate(#"{"rating":2,"code":"1234"}"#), .error(422, "reasons_required")),
            (
                "reasons as a string", rate(#"{"rating":1,"reasons":"attitude","code":"1"}"#),
                .error(400, "malformed_body")
            ),
            (
                "a clerk pausing another window",
                request("POST", "/api/v1/windows/2/pause", headers: clerkHeaders), .error(403, "wrong_window")
            ),
            (
                "a clerk completing at another window",
                request(
                    "POST", "/api/v1/tickets/\(ticketId)/complete", headers: clerkHeaders,
                    body: json(#"{"window":"2","outcome":"rejected","note":"x"}"#)),
                .error(403, "wrong_window")
            ),
            (
                "a phone rating posted from another site",
                request(
                    "POST", "/t/\(ticketId)/evaluation",
                    headers: form.merging(["Origin": "https://evil.example"]) { $1 },
                    body: json("rating=1&reason-attitude=on")),
                .status(403)
            ),
            (
                "a phone rating by ticket number",
                request("POST", "/t/A001/evaluation", headers: form, body: json("rating=1&reason-attitude=on")),
                .status(404)
            ),
        ]
        return cases.map { HostileCase(name: $0.0, bytes: $0.1, outcome: $0.2) }
    }
}
