/// The standard's penalty of a masked symbol (ISO/IEC 18004 §7.8.3): runs of one colour, 2×2
/// blocks, finder-like patterns and the balance of dark and light. The mask with the lowest
/// penalty is the easiest to scan.
extension QRCode {
    func penaltyScore() -> Int {
        var score = 0
        let rows = modules
        let columns = (0..<size).map { x in (0..<size).map { y in modules[y][x] } }
        for line in rows + columns {
            score += Self.runPenalty(line) + Self.finderPenalty(line)
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let colour = modules[y][x]
                if colour == modules[y][x + 1] && colour == modules[y + 1][x] && colour == modules[y + 1][x + 1] {
                    score += 3
                }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        // The smallest k with (45 − 5k)% ≤ dark share ≤ (55 + 5k)%.
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        score += max(0, k) * 10
        return score
    }

    /// 3 for a run of five of one colour, and 1 for each module beyond.
    static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var run = 1
        for i in 1...line.count {
            if i < line.count && line[i] == line[i - 1] {
                run += 1
            } else {
                if run >= 5 { score += 3 + run - 5 }
                run = 1
            }
        }
        return score
    }

    /// 40 for each 1:1:3:1:1 dark pattern with four light modules on either side (the edge
    /// counts as light).
    static func finderPenalty(_ line: [Bool]) -> Int {
        let padded = [Bool](repeating: false, count: 4) + line + [Bool](repeating: false, count: 4)
        let pattern = [true, false, true, true, true, false, true]
        var score = 0
        for start in 0...(padded.count - 7) where Array(padded[start..<start + 7]) == pattern {
            let before = padded[max(0, start - 4)..<start]
            let after = padded[(start + 7)..<min(padded.count, start + 11)]
            if before.count == 4 && before.allSatisfy({ !$0 }) || after.count == 4 && after.allSatisfy({ !$0 }) {
                score += 40
            }
        }
        return score
    }
}
