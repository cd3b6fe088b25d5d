import Vapor

enum AccountsRoute: AppRoute {
    case accounts

    static let patterns: [AccountsRoute] = [.accounts]

    var components: [PathComponent] {
        switch self {
        case .accounts: ["accounts"]
        }
    }
}
