import Fluent
import GongzhiCore
import Vapor

/// Points' pages: the resident's and member's phone, staff's desk. Handlers read the request, call a query or a
/// service with `req.caller`, and render; a refusal the user can fix comes back as the same page with the message.
enum PointsPages {
    static func register(_ p: RoutesBuilder) {
        p.get(PointsRoute.page, use: page)
        p.get(PointsRoute.shop, use: shop)
        p.form(PointsRoute.redeem(.key), use: redeem)
        p.get(PointsRoute.redemptions, use: redemptions)
        p.form(PointsRoute.handOver(.key), use: handOver)
        p.form(PointsRoute.cancel(.key), use: cancel)
        p.get(PointsRoute.redemptionsExport, use: PointsExport.redemptions)
        p.get(PointsRoute.person(.key), use: person)
        p.form(PointsRoute.person(.key), use: record)
        p.get(PointsRoute.ledger, use: ledger)
        p.get(PointsRoute.ledgerExport, use: PointsExport.ledger)
        p.get(PointsRoute.shops, use: shops)
        p.form(PointsRoute.shops, use: createShop)
        p.get(PointsRoute.deskShop(.key), use: deskShop)
        p.form(PointsRoute.deskShop(.key), use: updateShop)
        p.form(PointsRoute.goods(.key), use: createGood)
        p.form(PointsRoute.good(.key), use: updateGood)
        p.form(PointsRoute.restock(.key), use: restock)
        p.get(PointsRoute.settings, use: settings)
        p.form(PointsRoute.settings, use: setSettings)
    }

    private static func render(_ req: Request, _ title: String, _ body: HTML) -> HTML {
        Layout.page(req, title: title, body: body, active: PointsRoute.page.path)
    }

    private static func isResident(_ req: Request) -> Bool { req.viewer?.scope.isSelfOnly ?? false }

    // MARK: Home

    @Sendable static func page(_ req: Request) async throws -> HTML {
        if isResident(req) {
            let s = try await PointsLists.summary(req.caller, personID: nil)
            return render(req, req.t(.navPointsPhone), PointsPhone.mine(s, req.lang))
        }
        let v = try await req.require(PointsService.view)
        let (from, to) = try PointsAPI.period(req)
        let figures = try await PointsLists.figures(req.caller, nodeID: nil, from: from, to: to)
        let q = String((req.query[String.self, at: "q"] ?? "").prefix(PointsService.maxShort))
        let people = q.trimmingWhitespace().isEmpty ? nil : try await PointsLists.people(req.caller, text: q)
        return render(
            req, req.t(.navPoints),
            PointsDesk.home(figures, people: people, q: q, canSet: v.maySetDistrictSettings, req.lang))
    }

    // MARK: Phone

    static func shopPage(_ req: Request, error: AppError?) async throws -> HTML {
        if !isResident(req) { return try await shopsPage(req, nil, error: error) }
        let s = try await PointsLists.summary(req.caller, personID: nil)
        let shops = try await PointsLists.shops(req.caller)
        return render(
            req, req.t(.pointsShopTitle),
            PointsPhone.shop(shops, balance: s.balance, error: error, csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func shop(_ req: Request) async throws -> HTML { try await shopPage(req, error: nil) }

    struct RedeemForm: Content { var quantity: String? }

    @Sendable static func redeem(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(RedeemForm.self)
        return try await FormChange.run(
            req,
            to: {
                let q = try FormNumber.int(f.quantity, field: "quantity", in: 1...PointsShopRules.maxQuantity)
                _ = try await PointsService.redeem(req.caller, goodID: id, .init(quantity: q ?? 1))
                return PointsRoute.redemptions.link
            }, page: { e in try await shopPage(req, error: e) })
    }

    static func redemptionsPage(_ req: Request, error: AppError?) async throws -> HTML {
        let state = try PointsAPI.state(req)
        let page = try await PointsLists.redemptions(
            req.caller, state: isResident(req) ? nil : state, page: try req.pageRequest())
        let rs = page.rows
        let pager = Widgets.pager(req, page)
        if isResident(req) {
            return render(
                req, req.t(.pointsMyRedemptions),
                "\(PointsPhone.redemptions(rs, error: error, csrf: CSRF.hiddenField(req), req.lang))\(pager)")
        }
        let v = try await req.require(PointsService.view)
        let myShops = v.can(PointsService.manage) ? try await PointsLists.shopIDsInScope(v, on: req.db) : []
        let desk = PointsDesk.redemptions(
            rs, state: state, handedOverAt: myShops, canExport: v.can(.exportData), error: error,
            csrf: CSRF.hiddenField(req), req.lang)
        return render(req, req.t(.pointsRedemptions), "\(desk)\(pager)")
    }

    @Sendable static func redemptions(_ req: Request) async throws -> HTML {
        try await redemptionsPage(req, error: nil)
    }

    struct CodeForm: Content {
        var code: String?
        var reason: String?
    }

    @Sendable static func handOver(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(CodeForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await PointsService.handOver(req.caller, id: id, .init(code: f.code))
                return PointsRoute.redemptions.query([("state", "pending")])
            }, page: { e in try await redemptionsPage(req, error: e) })
    }

    @Sendable static func cancel(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(CodeForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await PointsService.cancel(req.caller, id: id, .init(reason: f.reason))
                return PointsRoute.redemptions.link
            }, page: { e in try await redemptionsPage(req, error: e) })
    }

    // MARK: A person's ledger

    static func personPage(_ req: Request, _ f: PointsDesk.EntryForm?, error: AppError?) async throws -> HTML {
        let v = try await req.require(PointsService.view)
        let s = try await PointsLists.summary(req.caller, personID: try req.intParameter("id"))
        let canRecord = v.can(PointsService.manage)
        let approvers = canRecord ? try await PointsService.approvers(req.caller) : []
        return render(
            req, s.name,
            PointsDesk.person(
                s, approvers: approvers, canRecord: canRecord, form: f, error: error, csrf: CSRF.hiddenField(req),
                req.lang))
    }

    @Sendable static func person(_ req: Request) async throws -> HTML { try await personPage(req, nil, error: nil) }

    @Sendable static func record(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(PointsDesk.EntryForm.self)
        return try await FormChange.run(
            req,
            to: {
                guard let kind = PointsService.EntryKind(rawValue: f.kind ?? "manual") else {
                    throw AppError.badRequest(.errorEnum)
                }
                let raw = (f.amount ?? "").trimmingWhitespace()
                guard let amount = Int(raw) else { throw AppError.invalid(.errorPointsAmountZero, field: "amount") }
                let approver = try FormNumber.int(f.approverUserId, field: "approverUserId")
                _ = try await PointsService.record(
                    req.caller, personID: id,
                    .init(kind: kind, amount: amount, note: f.note, approverUserID: approver))
                return PointsRoute.person(.value(id)).link
            }, page: { e in try await personPage(req, f, error: e) }, flash: .flashApprovalRequested)
    }

    @Sendable static func ledger(_ req: Request) async throws -> HTML {
        let v = try await req.require(PointsService.view)
        let f = try PointsAPI.filter(req)
        let (ms, sum) = try await PointsLists.ledger(req.caller, f, page: try req.pageRequest())
        return render(
            req, req.t(.pointsLedger),
            PointsDesk.ledger(
                ms.rows, f, count: ms.total, sum: sum, pager: Widgets.pager(req, ms), canExport: v.can(.exportData),
                req.lang))
    }

    // MARK: Shops

    static func shopsPage(_ req: Request, _ f: PointsDesk.ShopForm?, error: AppError?) async throws -> HTML {
        let v = try await req.require(PointsService.view)
        let shops = try await PointsLists.shops(req.caller)
        let nodes = try await OrgQueries.nodesInScope(v.scope, on: req.db).filter {
            [.communityCommittee, .streetCommittee].contains($0.kind)
        }.sorted { $0.path < $1.path }
        return render(
            req, req.t(.pointsShops),
            PointsDesk.shops(
                shops, nodes: Array(nodes.prefix(500)), canEdit: v.can(PointsService.manage), form: f, error: error,
                csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func shops(_ req: Request) async throws -> HTML { try await shopsPage(req, nil, error: nil) }

    @Sendable static func createShop(_ req: Request) async throws -> Response {
        let f = try req.content.decode(PointsDesk.ShopForm.self)
        return try await FormChange.run(
            req,
            to: {
                let node = try FormNumber.int(f.nodeId, field: "nodeId")
                let s = try await PointsService.createShop(
                    req.caller, .init(nodeID: node, name: f.name, place: f.place, active: true))
                return PointsRoute.deskShop(.value(s.id!)).link
            }, page: { e in try await shopsPage(req, f, error: e) })
    }

    static func shopPage(_ req: Request, _ f: PointsDesk.GoodForm?, error: AppError?) async throws -> HTML {
        let v = try await req.require(PointsService.view)
        let s = try await PointsLists.shop(req.caller, id: try req.intParameter("id"))
        return render(
            req, s.name,
            PointsDesk.shop(
                s, canEdit: v.can(PointsService.manage), form: f, error: error, csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func deskShop(_ req: Request) async throws -> HTML { try await shopPage(req, nil, error: nil) }

    @Sendable static func updateShop(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(PointsDesk.ShopForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await PointsService.updateShop(
                    req.caller, id: id,
                    .init(nodeID: nil, name: f.name, place: f.place ?? "", active: f.active == "true"))
                return PointsRoute.deskShop(.value(id)).link
            }, page: { e in try await shopPage(req, nil, error: e) })
    }

    @Sendable static func createGood(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(PointsDesk.GoodForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await PointsService.createGood(req.caller, shopID: id, try f.input(isNew: true))
                return PointsRoute.deskShop(.value(id)).link
            }, page: { e in try await shopPage(req, f, error: e) })
    }

    /// A good's change or restock comes back to its shop's page.
    static func goodShop(_ req: Request, _ id: Int) async throws -> Link {
        let (_, g) = try await PointsService.forChange(PointsGood.self, id, req.caller)
        return PointsRoute.deskShop(.value(g.shopID)).link
    }

    static func goodShopPage(_ req: Request, _ id: Int, error: AppError) async throws -> HTML {
        guard let g = try await PointsGood.find(id, on: req.db) else { throw AppError.notFound() }
        let v = try await req.require(PointsService.view)
        let s = try await PointsLists.shop(req.caller, id: g.shopID)
        return render(
            req, s.name,
            PointsDesk.shop(
                s, canEdit: v.can(PointsService.manage), form: nil, error: error, csrf: CSRF.hiddenField(req), req.lang
            ))
    }

    @Sendable static func updateGood(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(PointsDesk.GoodForm.self)
        return try await FormChange.run(
            req,
            to: {
                let link = try await goodShop(req, id)
                _ = try await PointsService.updateGood(req.caller, id: id, try f.input(isNew: false))
                return link
            }, page: { e in try await goodShopPage(req, id, error: e) })
    }

    struct RestockForm: Content {
        var quantity: String?
        var note: String?
    }

    @Sendable static func restock(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(RestockForm.self)
        return try await FormChange.run(
            req,
            to: {
                let link = try await goodShop(req, id)
                let raw = (f.quantity ?? "").trimmingWhitespace()
                guard let q = Int(raw) else {
                    throw AppError.invalid(
                        .errorPointsRestock, args: [String(PointsShopRules.maxStock)], field: "quantity")
                }
                _ = try await PointsService.restock(req.caller, id: id, .init(quantity: q, note: f.note))
                return link
            }, page: { e in try await goodShopPage(req, id, error: e) })
    }

    // MARK: Settings

    static func settingsPage(_ req: Request, error: AppError?) async throws -> HTML {
        let v = try await req.require(PointsService.view)
        let months = try await PointsService.settings(on: req.db)
        return render(
            req, req.t(.pointsSettings),
            PointsDesk.settings(
                months, canSet: v.maySetDistrictSettings, error: error, csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func settings(_ req: Request) async throws -> HTML { try await settingsPage(req, error: nil) }

    struct SettingsForm: Content { var expiryMonths: String? }

    @Sendable static func setSettings(_ req: Request) async throws -> Response {
        let f = try req.content.decode(SettingsForm.self)
        return try await FormChange.run(
            req,
            to: {
                let r = PointsLedger.expiryMonthsRange
                guard let months = try FormNumber.int(f.expiryMonths, field: "expiryMonths", in: r) else {
                    throw AppError.invalid(
                        .errorPointsExpiryRange, args: [String(r.lowerBound), String(r.upperBound)],
                        field: "expiryMonths")
                }
                _ = try await PointsService.setExpiry(req.caller, .init(expiryMonths: months))
                return PointsRoute.settings.link
            }, page: { e in try await settingsPage(req, error: e) })
    }
}
