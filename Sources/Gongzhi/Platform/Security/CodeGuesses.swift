import Fluent
import Vapor

/// Short codes a person types (an activity's check-in code, an hour code, a meeting's check-in code, a pick-up
/// code) can be guessed: a six-digit code falls to a few thousand tries. Every code that matched nothing is kept
/// in the access log (`codeGuess`, with the account and the address), and past `perAccount` of them from one
/// account, or `perAddress` from one address, within `window`, every code is refused with 429 until the window
/// has moved on, right or wrong. The counts live in the database, so they hold across server processes.
enum CodeGuesses {
    static let perAccount = 10
    static let perAddress = 30
    static let window: TimeInterval = 15 * 60

    /// Before a code is looked up: 429 when this account or address has guessed wrong too often of late.
    static func check(_ caller: Caller) async throws {
        let since = caller.now.addingTimeInterval(-window)
        let recent = AccessLogEntry.query(on: caller.db).filter(\.$kind == .codeGuess).filter(\.$at >= since)
        var byAccount = 0
        if let v = caller.viewer { byAccount = try await recent.copy().filter(\.$userID == v.user.id).count() }
        let byAddress = caller.address == "-" ? 0 : try await recent.copy().filter(\.$detail == caller.address).count()
        if byAccount >= perAccount || byAddress >= perAddress {
            throw AppError(status: .tooManyRequests, code: "too_many_requests", messageKey: Text.errorCodeGuesses.key)
        }
    }

    /// A code that matched nothing the caller may use: counted, and the refusal to throw. Every such code
    /// (unknown, used, another community's, a meeting one is not invited to) gets this same answer.
    static func wrong(_ caller: Caller, _ refusal: AppError) async -> AppError {
        await AccessLog.write(caller, .codeGuess, detail: caller.address)
        return refusal
    }
}
