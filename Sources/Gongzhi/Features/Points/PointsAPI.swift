import Fluent
import GongzhiCore
import Vapor

/// Points' JSON handlers: decode, call the service or list with `req.caller`, answer.
enum PointsAPI {
    static func register(_ api: RoutesBuilder) {
        api.get(PointsRoute.apiMe, use: me)
        api.get(PointsRoute.apiPeople, use: people)
        api.get(PointsRoute.apiPerson(.key), use: person)
        api.get(PointsRoute.apiPersonMovements(.key), use: personMovements)
        api.post(PointsRoute.apiPersonMovements(.key), use: record)
        api.get(PointsRoute.apiMovements, use: movements)
        api.get(PointsRoute.apiMovementsExport, use: PointsExport.ledger)
        api.get(PointsRoute.apiFigures, use: figures)
        api.get(PointsRoute.apiSettings, use: settings)
        api.on(.PUT, PointsRoute.apiSettings.components, use: setSettings)
        api.get(PointsRoute.apiShops, use: shops)
        api.post(PointsRoute.apiShops, use: createShop)
        api.get(PointsRoute.apiShop(.key), use: shop)
        api.patch(PointsRoute.apiShop(.key), use: updateShop)
        api.post(PointsRoute.apiShopGoods(.key), use: createGood)
        api.get(PointsRoute.apiGood(.key), use: good)
        api.patch(PointsRoute.apiGood(.key), use: updateGood)
        api.post(PointsRoute.apiGoodRestock(.key), use: restock)
        api.post(PointsRoute.apiGoodRedeem(.key), use: redeem)
        api.get(PointsRoute.apiRedemptions, use: redemptions)
        api.get(PointsRoute.apiRedemptionsExport, use: PointsExport.redemptions)
        api.post(PointsRoute.apiRedemptionHandOver(.key), use: handOver)
        api.post(PointsRoute.apiRedemptionCancel(.key), use: cancel)
    }

    static func optionalBody<T: StrictInput>(_ req: Request, _ empty: T) throws -> T {
        guard let body = req.body.data, body.readableBytes > 0 else { return empty }
        return try req.decodeStrict(T.self)
    }

    static func filter(_ req: Request) throws -> PointsLists.LedgerFilter {
        func parse<E: RawRepresentable>(_ key: String, _: E.Type) throws -> E? where E.RawValue == String {
            guard let raw = req.query[String.self, at: key], !raw.isEmpty else { return nil }
            guard let e = E(rawValue: raw) else { throw AppError.badRequest(.errorEnum) }
            return e
        }
        return PointsLists.LedgerFilter(
            nodeID: try FormNumber.int(req.query[String.self, at: "nodeId"], field: "nodeId"),
            figure: try parse("figure", PointsFigure.self), source: try parse("source", PointsSource.self),
            from: try req.queryDate("from", endOfDay: false), to: try req.queryDate("to", endOfDay: true))
    }

    static func state(_ req: Request) throws -> RedemptionState? {
        guard let raw = req.query[String.self, at: "state"], !raw.isEmpty else { return nil }
        guard let s = RedemptionState(rawValue: raw) else { throw AppError.badRequest(.errorEnum) }
        return s
    }

    /// The period of the figures: from the first of the year (or `from`) to the end of today (or of `to`).
    static func period(_ req: Request) throws -> (Date, Date) {
        let today = req.clock.today
        let from =
            try req.queryDate("from", endOfDay: false)
            ?? Date(timeIntervalSince1970: LocalDate(year: today.year, month: 1, day: 1)!.startInstant)
        let to =
            try req.queryDate("to", endOfDay: true) ?? Date(timeIntervalSince1970: today.adding(days: 1).startInstant)
        guard from < to, to.timeIntervalSince(from) <= 3_700 * 86_400 else {
            throw AppError.badRequest(.errorPointsPeriod)
        }
        return (from, to)
    }

    @Sendable static func me(_ req: Request) async throws -> PointsLists.SummaryOut {
        try await PointsLists.summary(req.caller, personID: nil)
    }

    @Sendable static func people(_ req: Request) async throws -> [PointsLists.PersonOut] {
        try await PointsLists.people(req.caller, text: req.query[String.self, at: "q"] ?? "")
    }

    @Sendable static func person(_ req: Request) async throws -> PointsLists.SummaryOut {
        try await PointsLists.summary(req.caller, personID: try req.intParameter("id"))
    }

    @Sendable static func personMovements(_ req: Request) async throws -> [PointsLists.MovementOut] {
        let summary = try await PointsLists.summary(req.caller, personID: try req.intParameter("id"))
        return summary.movements
    }

    @Sendable static func record(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let a = try await PointsService.record(
            req.caller, personID: id, try req.decodeStrict(PointsService.EntryInput.self))
        return try await Approvals.out([a], req.caller)[0].encodeResponse(status: .accepted, for: req)
    }

    @Sendable static func movements(_ req: Request) async throws -> Paged<PointsLists.MovementOut> {
        try await PointsLists.ledger(req.caller, try filter(req), page: try req.pageRequest()).page
    }

    @Sendable static func figures(_ req: Request) async throws -> PointsLists.FiguresOut {
        let (from, to) = try period(req)
        let nodeID = try FormNumber.int(req.query[String.self, at: "nodeId"], field: "nodeId")
        return try await PointsLists.figures(req.caller, nodeID: nodeID, from: from, to: to)
    }

    @Sendable static func settings(_ req: Request) async throws -> PointsLists.SettingsOut {
        _ = try req.requireViewer()
        return PointsLists.SettingsOut(expiryMonths: try await PointsService.settings(on: req.db))
    }

    @Sendable static func setSettings(_ req: Request) async throws -> PointsLists.SettingsOut {
        let months = try await PointsService.setExpiry(
            req.caller, try req.decodeStrict(PointsService.SettingsInput.self))
        return PointsLists.SettingsOut(expiryMonths: months)
    }

    @Sendable static func shops(_ req: Request) async throws -> [PointsLists.ShopOut] {
        try await PointsLists.shops(req.caller)
    }

    @Sendable static func createShop(_ req: Request) async throws -> Response {
        let s = try await PointsService.createShop(req.caller, try req.decodeStrict(PointsService.ShopInput.self))
        return try await PointsLists.shopOut([s], goods: false, residentView: false, on: req.db)[0]
            .encodeResponse(status: .created, for: req)
    }

    @Sendable static func shop(_ req: Request) async throws -> PointsLists.ShopOut {
        try await PointsLists.shop(req.caller, id: try req.intParameter("id"))
    }

    @Sendable static func updateShop(_ req: Request) async throws -> PointsLists.ShopOut {
        let id = try req.intParameter("id")
        let s = try await PointsService.updateShop(
            req.caller, id: id, try req.decodeStrict(PointsService.ShopInput.self))
        return try await PointsLists.shopOut([s], goods: true, residentView: false, on: req.db)[0]
    }

    @Sendable static func createGood(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let g = try await PointsService.createGood(
            req.caller, shopID: id, try req.decodeStrict(PointsService.GoodInput.self))
        return try await PointsLists.goodOut(g).encodeResponse(status: .created, for: req)
    }

    @Sendable static func good(_ req: Request) async throws -> PointsLists.GoodOut {
        try await PointsLists.good(req.caller, id: try req.intParameter("id"))
    }

    @Sendable static func updateGood(_ req: Request) async throws -> PointsLists.GoodOut {
        let id = try req.intParameter("id")
        let g = try await PointsService.updateGood(
            req.caller, id: id, try req.decodeStrict(PointsService.GoodInput.self))
        return PointsLists.goodOut(g)
    }

    @Sendable static func restock(_ req: Request) async throws -> PointsLists.GoodOut {
        let id = try req.intParameter("id")
        let g = try await PointsService.restock(
            req.caller, id: id, try req.decodeStrict(PointsService.RestockInput.self))
        return PointsLists.goodOut(g)
    }

    @Sendable static func redeem(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let r = try await PointsService.redeem(
            req.caller, goodID: id, try optionalBody(req, PointsService.RedeemInput()))
        return try await PointsLists.redemptionOut([r], on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    @Sendable static func redemptions(_ req: Request) async throws -> Paged<PointsLists.RedemptionOut> {
        try await PointsLists.redemptions(req.caller, state: try state(req), page: try req.pageRequest())
    }

    @Sendable static func handOver(_ req: Request) async throws -> PointsLists.RedemptionOut {
        let id = try req.intParameter("id")
        let r = try await PointsService.handOver(
            req.caller, id: id, try optionalBody(req, PointsService.HandOverInput()))
        return try await PointsLists.redemptionOut([r], on: req.db)[0]
    }

    @Sendable static func cancel(_ req: Request) async throws -> PointsLists.RedemptionOut {
        let id = try req.intParameter("id")
        let r = try await PointsService.cancel(req.caller, id: id, try optionalBody(req, PointsService.CancelInput()))
        return try await PointsLists.redemptionOut([r], on: req.db)[0]
    }
}

/// The ledger and the redemptions as CSV that Excel opens: names only, no personal data beyond them.
enum PointsExport {
    @Sendable static func ledger(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        let rows = try await PointsLists.ledger(req.caller, try PointsAPI.filter(req))
        let lang = req.lang
        let header: [Text] = [
            .pointsAt, .columnName, .pointsAmount, .pointsSource, .pointsNote, .pointsRecordedBy, .pointsApprover,
            .pointsReference,
        ]
        let body = rows.map { m in
            [
                PointsFormat.time(m.at), m.personName, String(m.amount), lang.t(key: m.source.labelKey), m.note,
                m.recordedBy ?? "", m.approver ?? "", m.reference,
            ]
        }
        return CSVResponse.make(fileName: "points-ledger.csv", header: header.map { lang.t($0) }, rows: body)
    }

    @Sendable static func redemptions(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        let rows = try await PointsLists.redemptions(req.caller, state: try PointsAPI.state(req), page: nil).rows
        let lang = req.lang
        let header: [Text] = [
            .pointsRedeemedAt, .columnName, .pointsShop, .pointsGood, .pointsQuantity, .pointsCost, .pointsCode,
            .pointsState,
        ]
        let body = rows.map { r in
            [
                r.createdAt.map(PointsFormat.time) ?? "", r.personName, r.shopName, r.goodName, String(r.quantity),
                String(r.cost), r.code, lang.t(key: r.state.labelKey),
            ]
        }
        return CSVResponse.make(fileName: "points-redemptions.csv", header: header.map { lang.t($0) }, rows: body)
    }
}

enum PointsFormat {
    /// A time as people read it in Asia/Shanghai: 2026-05-17 14:05.
    static func time(_ d: Date) -> String {
        let s = Int(d.timeIntervalSince1970) + LocalDate.utcOffsetSeconds
        let day = LocalDate(instant: d.timeIntervalSince1970)
        let minutes = ((s % 86_400) + 86_400) % 86_400 / 60
        return day.description + " " + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
