import Vapor

/// Every path of Points (积分, 党爱超市), pages and API: registered and linked from these values only.
enum PointsRoute: AppRoute {
    /// The phone's "my points" (balance, soon to expire, movements); the desk's figures and person search.
    case page
    /// The phone's shop: the shops where one lives, their goods; a post redeems one.
    case shop
    case redeem(Parameter<Int>)
    /// Redemptions: one's own on the phone (with the pick-up codes); the shops' to hand over at the desk.
    case redemptions
    case handOver(Parameter<Int>)
    case cancel(Parameter<Int>)
    case redemptionsExport
    /// A person's ledger at the desk, and the form for a manual award or a correction.
    case person(Parameter<Int>)
    /// The ledger in scope, by node, figure, source and period (every figure opens it).
    case ledger
    case ledgerExport
    /// The desk's shops: the list and a new shop; one shop with its goods, a new good, restock.
    case shops
    case deskShop(Parameter<Int>)
    case goods(Parameter<Int>)
    case good(Parameter<Int>)
    case restock(Parameter<Int>)
    /// The expiry period (district administrators change it).
    case settings

    case apiMe
    case apiPeople
    case apiPerson(Parameter<Int>)
    case apiPersonMovements(Parameter<Int>)
    case apiMovements
    case apiMovementsExport
    case apiFigures
    case apiSettings
    case apiShops
    case apiShop(Parameter<Int>)
    case apiShopGoods(Parameter<Int>)
    case apiGood(Parameter<Int>)
    case apiGoodRestock(Parameter<Int>)
    case apiGoodRedeem(Parameter<Int>)
    case apiRedemptions
    case apiRedemptionsExport
    case apiRedemptionHandOver(Parameter<Int>)
    case apiRedemptionCancel(Parameter<Int>)

    static let patterns: [PointsRoute] = [
        .page, .shop, .redeem(.key), .redemptions, .handOver(.key), .cancel(.key), .redemptionsExport, .person(.key),
        .ledger, .ledgerExport, .shops, .deskShop(.key), .goods(.key), .good(.key), .restock(.key), .settings,
        .apiMe, .apiPeople, .apiPerson(.key), .apiPersonMovements(.key), .apiMovements, .apiMovementsExport,
        .apiFigures, .apiSettings, .apiShops, .apiShop(.key), .apiShopGoods(.key), .apiGood(.key),
        .apiGoodRestock(.key), .apiGoodRedeem(.key), .apiRedemptions, .apiRedemptionsExport,
        .apiRedemptionHandOver(.key), .apiRedemptionCancel(.key),
    ]

    var components: [PathComponent] {
        switch self {
        case .page: ["points"]
        case .shop: ["points", "shop"]
        case .redeem(let id): ["points", "shop", "goods", id.component("id"), "redeem"]
        case .redemptions: ["points", "redemptions"]
        case .handOver(let id): ["points", "redemptions", id.component("id"), "hand-over"]
        case .cancel(let id): ["points", "redemptions", id.component("id"), "cancel"]
        case .redemptionsExport: ["points", "redemptions", "export.csv"]
        case .person(let id): ["points", "people", id.component("id")]
        case .ledger: ["points", "ledger"]
        case .ledgerExport: ["points", "ledger", "export.csv"]
        case .shops: ["points", "shops"]
        case .deskShop(let id): ["points", "shops", id.component("id")]
        case .goods(let id): ["points", "shops", id.component("id"), "goods"]
        case .good(let id): ["points", "goods", id.component("id")]
        case .restock(let id): ["points", "goods", id.component("id"), "restock"]
        case .settings: ["points", "settings"]
        case .apiMe: APIPath.v1 + ["points", "me"]
        case .apiPeople: APIPath.v1 + ["points", "people"]
        case .apiPerson(let id): APIPath.v1 + ["points", "people", id.component("id")]
        case .apiPersonMovements(let id): APIPath.v1 + ["points", "people", id.component("id"), "movements"]
        case .apiMovements: APIPath.v1 + ["points", "movements"]
        case .apiMovementsExport: APIPath.v1 + ["points", "movements", "export.csv"]
        case .apiFigures: APIPath.v1 + ["points", "figures"]
        case .apiSettings: APIPath.v1 + ["points", "settings"]
        case .apiShops: APIPath.v1 + ["points", "shops"]
        case .apiShop(let id): APIPath.v1 + ["points", "shops", id.component("id")]
        case .apiShopGoods(let id): APIPath.v1 + ["points", "shops", id.component("id"), "goods"]
        case .apiGood(let id): APIPath.v1 + ["points", "goods", id.component("id")]
        case .apiGoodRestock(let id): APIPath.v1 + ["points", "goods", id.component("id"), "restock"]
        case .apiGoodRedeem(let id): APIPath.v1 + ["points", "goods", id.component("id"), "redeem"]
        case .apiRedemptions: APIPath.v1 + ["points", "redemptions"]
        case .apiRedemptionsExport: APIPath.v1 + ["points", "redemptions", "export.csv"]
        case .apiRedemptionHandOver(let id): APIPath.v1 + ["points", "redemptions", id.component("id"), "hand-over"]
        case .apiRedemptionCancel(let id): APIPath.v1 + ["points", "redemptions", id.component("id"), "cancel"]
        }
    }
}
