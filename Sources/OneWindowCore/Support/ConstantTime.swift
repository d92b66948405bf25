/// Whether two texts are equal, compared in time that depends only on their lengths: a reply's
/// timing says nothing about how much of a guessed token, code or CSRF value was right.
public func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
