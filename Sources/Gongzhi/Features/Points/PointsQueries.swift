import Fluent
import GongzhiCore
import Vapor

/// Points' published queries, for service records (网上纪实), rankings and anyone else: plain values, no model.
enum PointsQueries {
    struct Movement: Sendable {
        let id: Int
        let personID: Int
        let amount: Int
        let source: PointsSource
        let reference: String
        let note: String
        let at: Date
        let approverUserID: Int?
    }

    struct Redemption: Sendable {
        let id: Int
        let personID: Int
        let shopID: Int
        let goodName: String
        let quantity: Int
        let cost: Int
        let state: String
        let createdAt: Date?
        let handedOverAt: Date?
    }

    /// A person's balance: the sum of their movements (credits not yet accrued are not in it).
    static func balance(personID: Int, db: any Database) async throws -> Int {
        try await PointsBook.balance(personID: personID, on: db)
    }

    /// Balances of many people at once (absent: none).
    static func balances(personIDs: [Int], db: any Database) async throws -> [Int: Int] {
        try await PointsBook.balances(personIDs, on: db)
    }

    /// Movements of these people that count from `from` (inclusive) to `to` (exclusive), oldest first.
    static func movements(personIDs: [Int], from: Date, to: Date, db: any Database) async throws -> [Movement] {
        var out: [Movement] = []
        for chunk in Array(Set(personIDs)).chunked(500) {
            let ms = try await PointsMovement.query(on: db).filter(\.$personID ~~ chunk).filter(\.$at >= from)
                .filter(\.$at < to).all()
            out += ms.map {
                Movement(
                    id: $0.id!, personID: $0.personID, amount: $0.amount, source: $0.pointsSource,
                    reference: $0.reference, note: $0.note, at: $0.at, approverUserID: $0.approverUserID)
            }
        }
        return out.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
    }

    /// Redemptions of these people, newest first.
    static func redemptions(personIDs: [Int], db: any Database) async throws -> [Redemption] {
        var out: [Redemption] = []
        for chunk in Array(Set(personIDs)).chunked(500) {
            out += try await PointsRedemption.query(on: db).filter(\.$personID ~~ chunk).all().map {
                Redemption(
                    id: $0.id!, personID: $0.personID, shopID: $0.shopID, goodName: $0.goodName, quantity: $0.quantity,
                    cost: $0.cost, state: $0.state.rawValue, createdAt: $0.createdAt, handedOverAt: $0.handedOverAt)
            }
        }
        return out.sorted { ($0.createdAt ?? .distantPast, $0.id) > ($1.createdAt ?? .distantPast, $1.id) }
    }
}
