import Vapor

/// Every path of Accounts, pages and API: registered and linked from these values only. Sign-in, sign-out,
/// one's own account and the language switch are `PlatformRoute` cases, served by Accounts.
enum AccountsRoute: AppRoute {
    case accounts
    case new
    case account(Parameter<Int>)
    case unlock(Parameter<Int>)
    case password(Parameter<Int>)
    case shares(Parameter<Int>)
    case shareRemove(Parameter<Int>, node: Parameter<Int>)
    case ownPassword
    case signup
    case signupConfirm

    case apiToken
    case apiLogout
    case apiMe
    case apiMePassword
    case apiAccounts
    case apiAccount(Parameter<Int>)
    case apiUnlock(Parameter<Int>)
    case apiPassword(Parameter<Int>)
    case apiShares(Parameter<Int>)
    case apiShare(Parameter<Int>, node: Parameter<Int>)

    static let patterns: [AccountsRoute] = [
        .accounts, .new, .account(.key), .unlock(.key), .password(.key), .shares(.key),
        .shareRemove(.key, node: .key), .ownPassword, .signup, .signupConfirm, .apiToken, .apiLogout, .apiMe,
        .apiMePassword, .apiAccounts,
        .apiAccount(.key), .apiUnlock(.key), .apiPassword(.key), .apiShares(.key), .apiShare(.key, node: .key),
    ]

    var components: [PathComponent] {
        switch self {
        case .accounts: ["accounts"]
        case .new: ["accounts", "new"]
        case .account(let id): ["accounts", id.component("id")]
        case .unlock(let id): ["accounts", id.component("id"), "unlock"]
        case .password(let id): ["accounts", id.component("id"), "password"]
        case .shares(let id): ["accounts", id.component("id"), "shares"]
        case .shareRemove(let id, let node):
            ["accounts", id.component("id"), "shares", node.component("node"), "remove"]
        case .ownPassword: ["account", "password"]
        case .signup: ["signup"]
        case .signupConfirm: ["signup", "confirm"]
        case .apiToken: APIPath.v1 + ["auth", "token"]
        case .apiLogout: APIPath.v1 + ["auth", "logout"]
        case .apiMe: APIPath.v1 + ["me"]
        case .apiMePassword: APIPath.v1 + ["me", "password"]
        case .apiAccounts: APIPath.v1 + ["accounts"]
        case .apiAccount(let id): APIPath.v1 + ["accounts", id.component("id")]
        case .apiUnlock(let id): APIPath.v1 + ["accounts", id.component("id"), "unlock"]
        case .apiPassword(let id): APIPath.v1 + ["accounts", id.component("id"), "password"]
        case .apiShares(let id): APIPath.v1 + ["accounts", id.component("id"), "shares"]
        case .apiShare(let id, let node):
            APIPath.v1 + ["accounts", id.component("id"), "shares", node.component("node")]
        }
    }
}
