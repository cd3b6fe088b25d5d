import Vapor

/// The routes every layout and the platform's middleware link to. The platform owns their paths; the
/// capability that serves each registers its handler through this type (Home the home page, Accounts sign-in).
enum PlatformRoute: AppRoute {
    case home
    case login
    case logout
    case account
    case language(Parameter<String>)
    case stylesheet
    case script
    case favicon
    case faviconICO
    case health
    case metrics
    case apiDocument

    static let patterns: [PlatformRoute] = [
        .home, .login, .logout, .account, .language(.key), .stylesheet, .script, .favicon, .faviconICO, .health,
        .metrics,
        .apiDocument,
    ]

    var components: [PathComponent] {
        switch self {
        case .home: []
        case .login: ["login"]
        case .logout: ["logout"]
        case .account: ["account"]
        case .language(let code): ["lang", code.component("code")]
        case .stylesheet: ["static", "app.css"]
        case .script: ["static", "app.js"]
        case .favicon: ["static", "favicon.svg"]
        case .faviconICO: ["favicon.ico"]
        case .health: ["healthz"]
        case .metrics: ["metrics"]
        case .apiDocument: ["api", "openapi.json"]
        }
    }
}
