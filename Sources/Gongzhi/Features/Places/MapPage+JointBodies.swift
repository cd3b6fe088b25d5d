import Fluent
import GongzhiCore
import Vapor

/// The party-building map's layer of joint-body member units and the agreements they signed.
extension MapModel {
    static func memberPins(_ v: Viewer, under path: String, today: LocalDate, on db: any Database) async throws
        -> [Pin]
    {
        let bodies = try await JointBodiesQueries.memberUnits(visibleTo: v, under: path, today: today, db: db)
        let agreements = try await AgreementsQueries.signedParties(visibleTo: v, under: path, db: db)
        let ids = Array(Set(bodies.keys).union(agreements.keys))
        let units = try await UnitsQueries.bodyUnits(ids, on: db)
        return ids.sorted().compactMap { id in
            guard let u = units[id], let at = u.at else { return nil }
            let mine = bodies[id] ?? []
            var tip: [MapModel.Text] = [.plain(u.name)]
            if !mine.isEmpty { tip.append(.plain(mine.map(\.name).joined(separator: "、"))) }
            if let n = agreements[id] { tip += [.key(Gongzhi.Text.markerAgreements.key), .plain(String(n))] }
            return Pin(
                at: at, kind: "member", tooltip: tip,
                link: mine.first.map { JointBodiesRoute.body(.value($0.id)).link })
        }
    }
}
