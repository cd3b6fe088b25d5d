import Fluent
import GongzhiCore
import Vapor

/// The lists' pages: read the form, call the service with `req.caller`, go on to what changed; a refused form comes
/// back as the page with the message.
enum ListsPages {
    typealias S = ListsService
    typealias P = ProjectsService
    typealias Q = ListsQueryModels

    static func register(_ p: RoutesBuilder) {
        p.get(ListsRoute.page, use: list)
        p.form(ListsRoute.page, use: createItem)
        p.get(ListsRoute.export, use: export)
        p.get(ListsRoute.mine, use: mine)
        p.form(ListsRoute.mine, use: postNeed)
        p.get(ListsRoute.item(.key), use: item)
        p.form(ListsRoute.claims(.key), use: claim)
        p.form(ListsRoute.withdrawClaim(.key, .key), use: withdrawClaim)
        p.form(ListsRoute.close(.key), use: close)
        p.get(ListsRoute.resources, use: resources)
        p.form(ListsRoute.resources, use: createResource)
        p.get(ListsRoute.resourcesExport, use: exportResources)
        p.get(ListsRoute.resource(.key), use: resource)
        p.post(ListsRoute.withdrawResource(.key), use: withdrawResource)
        p.get(ListsRoute.projects, use: projects)
        p.form(ListsRoute.projects, use: createProject)
        p.get(ListsRoute.projectsExport, use: exportProjects)
        p.get(ListsRoute.project(.key), use: project)
        p.form(ListsRoute.milestones(.key), use: addMilestone)
        p.form(ListsRoute.milestoneDone(.key, .key), use: milestoneDone)
        p.form(ListsRoute.notes(.key), body: .collect(maxSize: "16mb"), use: addNote)
        p.form(ListsRoute.projectState(.key), use: move)
        p.form(ListsRoute.projectRate(.key), use: rate)
        p.get(ListsRoute.photo(.key, .key), use: photo)
    }

    static func page(_ req: Request, _ title: String, _ body: HTML, active: some AppRoute = ListsRoute.page) -> HTML {
        Layout.page(req, title: title, body: body, active: active.path)
    }

    // MARK: Items

    static func listBody(_ req: Request, draft: ListsViews.ItemDraft? = nil, error: AppError?) async throws -> HTML {
        let a = try await ListsAccess.of(req.caller)
        if a.isResident { return try await mineBody(req, prefill: .init(), error: error) }
        let f = try Q.filter(req)
        let items = try await Q.items(f, limit: ListFilter.pageSize, req.caller)
        let communities =
            a.keeps || a.isGridStaff
            ? try await OrgQueries.nodesInScope(a.viewer.scope, on: req.db).filter {
                $0.kind == .communityCommittee
            }.map { (id: $0.id!, name: $0.name) } : []
        var m = ListsViews.ListModel(
            items: items, filter: f, url: req.url.string, communities: communities,
            mayExport: a.viewer.can(.exportData), isResident: false, mayRaise: a.keeps || a.isGridStaff)
        if let draft {
            m.draft = draft
        } else if a.keeps, let id = try req.queryInt("fromRequest", in: 1...Int(Int32.max)) {
            m.draft = try await Q.draft(fromRequest: id, req.caller)
        }
        return page(req, req.t(.navLists), ListsViews.list(m, csrf: CSRF.hiddenField(req), error: error, req.lang))
    }

    @Sendable static func list(_ req: Request) async throws -> HTML {
        _ = try req.requireViewer()
        return try await listBody(req, error: nil)
    }

    struct ItemForm: Content {
        var kind: String?
        var title: String?
        var text: String?
        var category: String?
        var quantity: String?
        var communityNodeId: String?
        var gridId: String?
        var neededFrom: String?
        var neededUntil: String?
        var isPublic: String?
        var origin: String?
        var originId: String?

        var draft: ListsViews.ItemDraft {
            ListsViews.ItemDraft(
                kind: kind ?? "", title: title ?? "", text: text ?? "", category: category ?? "",
                quantity: quantity ?? "1", communityID: communityNodeId ?? "", origin: origin ?? "",
                originID: originId ?? "")
        }

        func input() throws -> S.ItemInput {
            guard let c = category.flatMap(ServiceCategory.init(rawValue:)) else {
                throw AppError.invalid(.errorListsCategory, field: "category")
            }
            return S.ItemInput(
                kind: kind.flatMap(ListItemKind.init(rawValue:)), title: title, text: text, category: c,
                quantity: try FormNumber.int(quantity, field: "quantity", in: FormNumber.count),
                communityNodeID: try FormNumber.int(communityNodeId, field: "communityNodeId"),
                gridID: try FormNumber.int(gridId, field: "gridId"), neededFrom: neededFrom, neededUntil: neededUntil,
                isPublic: isPublic.map { $0 == "true" || $0 == "on" },
                origin: origin.flatMap { $0.isEmpty ? nil : ListOrigin(rawValue: $0) },
                originID: try FormNumber.int(originId, field: "originId"))
        }
    }

    @Sendable static func createItem(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ItemForm.self)
        return try await FormChange.run(
            req, to: { ListsRoute.item(.value(try await S.createItem(req.caller, try f.input()).id!)).link },
            page: { try await listBody(req, draft: f.draft, error: $0) })
    }

    static func mineBody(_ req: Request, prefill: ListsViews.Prefill, error: AppError?) async throws -> HTML {
        let a = try await ListsAccess.of(req.caller)
        let all = try await a.items(on: req.db).sort(\.$id, .descending).limit(200).all()
        let outs = try await Q.outs(all, a, on: req.db)
        let offers =
            a.viewer.role == .partyMember
            ? try await Q.resources(category: nil, q: nil, includeWithdrawn: false, limit: 50, req.caller) : []
        let m = ListsViews.MineModel(
            mine: outs.filter(\.mine), publicItems: outs.filter { !$0.mine && $0.status != .closed },
            resources: offers, mayOffer: a.viewer.role == .partyMember, prefill: prefill)
        return page(
            req, req.t(.navListsPhone), ListsViews.mine(m, csrf: CSRF.hiddenField(req), error: error, req.lang),
            active: ListsRoute.mine)
    }

    @Sendable static func mine(_ req: Request) async throws -> HTML {
        _ = try req.requireViewer()
        return try await mineBody(req, prefill: .init(), error: nil)
    }

    @Sendable static func postNeed(_ req: Request) async throws -> Response {
        var f = try req.content.decode(ItemForm.self)
        f.origin = ListOrigin.phone.rawValue
        f.kind = ListItemKind.need.rawValue
        let prefill = ListsViews.Prefill(title: f.title ?? "", text: f.text ?? "")
        return try await FormChange.run(
            req, to: { ListsRoute.item(.value(try await S.createItem(req.caller, try f.input()).id!)).link },
            page: { try await mineBody(req, prefill: prefill, error: $0) })
    }

    static func itemBody(_ req: Request, id: Int, error: AppError?) async throws -> HTML {
        let d = try await Q.detail(id, req.caller)
        let (i, a) = try await S.item(id, req.caller)
        let suggestions =
            d.mayClaim
            ? try await ListsMatching.suggestions(
                for: i, units: a.isLiaison ? a.unitIDs : nil, now: req.clock.now, on: req.db) : []
        let units = a.isLiaison ? try await UnitsQueries.names(a.unitIDs, on: req.db) : [:]
        let origin: Link? =
            switch (i.origin, i.originID) {
            case (.request, let id?): RequestsRoute.request(.value(id)).link
            case (.meeting, let id?): MeetingsRoute.meeting(.value(id)).link
            default: nil
            }
        let m = ListsViews.ItemModel(
            detail: d, suggestions: suggestions,
            units: units.sorted { $0.key < $1.key }.map { (id: $0.key, name: $0.value) },
            mayOpenProject: a.keeps && a.inScope(i.path), originLink: origin)
        return page(req, d.item.title, ListsViews.item(m, csrf: CSRF.hiddenField(req), error: error, req.lang))
    }

    @Sendable static func item(_ req: Request) async throws -> HTML {
        try await itemBody(req, id: try req.intParameter("id"), error: nil)
    }

    struct ClaimForm: Content {
        var resourceId: String?
        var teamId: String?
        var unitId: String?
        var quantity: String?
        var note: String?
        var text: String?
    }

    @Sendable static func claim(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(ClaimForm.self)
        return try await FormChange.run(
            req,
            to: {
                let input = S.ClaimInput(
                    resourceID: try FormNumber.int(f.resourceId, field: "resourceId"),
                    teamID: try FormNumber.int(f.teamId, field: "teamId"),
                    unitID: try FormNumber.int(f.unitId, field: "unitId"),
                    quantity: try FormNumber.int(f.quantity, field: "quantity", in: FormNumber.count), note: f.note)
                _ = try await S.claim(req.caller, itemID: id, input)
                return ListsRoute.item(.value(id)).link
            }, page: { try await itemBody(req, id: id, error: $0) })
    }

    @Sendable static func withdrawClaim(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let claim = try req.intParameter("claimId")
        return try await FormChange.run(
            req,
            to: {
                try await S.withdrawClaim(req.caller, itemID: id, claimID: claim)
                return ListsRoute.item(.value(id)).link
            }, page: { try await itemBody(req, id: id, error: $0) })
    }

    @Sendable static func close(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(ClaimForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await S.closeItem(req.caller, id: id, .init(note: f.note))
                return ListsRoute.item(.value(id)).link
            }, page: { try await itemBody(req, id: id, error: $0) })
    }

    @Sendable static func export(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        var f = try Q.filter(req)
        f.page = 1
        let items = try await Q.items(f, limit: ListFilter.exportLimit, req.caller)
        let lang = req.lang
        let rows = items.rows.map { i in
            [
                String(i.id), lang.t(i.kind.label), i.title, lang.t(.serviceCategory(i.category)), i.communityName,
                String(i.quantity), String(i.claimed), lang.t(i.status.label), lang.t(i.origin.label),
                i.originID.map(String.init) ?? "", i.raisedOn, i.closedOn ?? "",
            ]
        }
        let header = [
            "ID", lang.t(.listsKind), lang.t(.listsTitle), lang.t(.listsCategory), lang.t(.listsCommunity),
            lang.t(.listsQuantity), lang.t(.listsClaimed), lang.t(.listsStatus), lang.t(.listsOrigin),
            lang.t(.listsOriginID), lang.t(.listsRaisedOn), lang.t(.listsClosedOn),
        ]
        return CSVResponse.make(fileName: "needs-and-problems.csv", header: header, rows: rows)
    }

    // MARK: Resources

    static func resourcesBody(_ req: Request, error: AppError?) async throws -> HTML {
        let a = try await ListsAccess.of(req.caller)
        let category = try ListsAPI.category(req)
        let q = try ListsAPI.search(req)
        let list = try await Q.resources(category: category, q: q, includeWithdrawn: false, limit: 200, req.caller)
        let nodes =
            a.keeps
            ? try await OrgQueries.nodesInScope(a.viewer.scope, on: req.db).filter {
                [.communityCommittee, .streetCommittee].contains($0.kind)
            }.map { (id: $0.id!, name: $0.name) } : []
        let units: [(id: Int, name: String)]
        if a.isLiaison {
            units = try await UnitsQueries.names(a.unitIDs, on: req.db).sorted { $0.key < $1.key }.map {
                (id: $0.key, name: $0.value)
            }
        } else if a.keeps {
            units = try await UnitsQueries.reportingUnits(in: a.viewer.scope, on: req.db).prefix(500).map {
                (id: $0.id, name: $0.name)
            }
        } else {
            units = []
        }
        let m = ListsViews.ResourcesModel(
            resources: list, category: category, q: q, mayExport: a.viewer.can(.exportData), nodes: nodes,
            units: units, mayOffer: a.keeps || (a.isLiaison && !a.unitIDs.isEmpty), isResident: a.isResident)
        return page(
            req, req.t(.listsResources),
            ListsViews.resources(m, csrf: CSRF.hiddenField(req), error: error, req.lang), active: ListsRoute.resources)
    }

    @Sendable static func resources(_ req: Request) async throws -> HTML {
        _ = try req.requireViewer()
        return try await resourcesBody(req, error: nil)
    }

    struct ResourceForm: Content {
        var title: String?
        var text: String?
        var category: String?
        var unitId: String?
        var communityNodeId: String?
        var capacity: String?
        var address: String?
        var hours: String?
        var availableFrom: String?
        var availableUntil: String?
        var conditions: String?
        var contactPhone: String?
    }

    @Sendable static func createResource(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ResourceForm.self)
        let resident = try req.requireViewer().scope.isSelfOnly
        return try await FormChange.run(
            req,
            to: {
                guard let c = f.category.flatMap(ServiceCategory.init(rawValue:)) else {
                    throw AppError.invalid(.errorListsCategory, field: "category")
                }
                let input = S.ResourceInput(
                    title: f.title, text: f.text, category: c, unitID: try FormNumber.int(f.unitId, field: "unitId"),
                    communityNodeID: try FormNumber.int(f.communityNodeId, field: "communityNodeId"),
                    address: f.address,
                    capacity: try FormNumber.int(f.capacity, field: "capacity", in: FormNumber.count),
                    availableFrom: f.availableFrom, availableUntil: f.availableUntil,
                    hours: f.hours, conditions: f.conditions, contactPhone: f.contactPhone)
                let r = try await S.createResource(req.caller, input)
                return resident ? ListsRoute.mine.link : ListsRoute.resource(.value(r.id!)).link
            },
            page: {
                resident
                    ? try await mineBody(req, prefill: .init(), error: $0) : try await resourcesBody(req, error: $0)
            })
    }

    @Sendable static func resource(_ req: Request) async throws -> HTML {
        let (r, a) = try await S.resource(try req.intParameter("id"), req.caller)
        let out = try await Q.resourceOuts([r], a, on: req.db)[0]
        return page(
            req, r.title, ListsViews.resource(out, csrf: CSRF.hiddenField(req), req.lang),
            active: ListsRoute.resources)
    }

    @Sendable static func withdrawResource(_ req: Request) async throws -> Response {
        let r = try await S.withdrawResource(req.caller, id: try req.intParameter("id"))
        Layout.flash(req, .flashSaved)
        return req.redirect(to: ListsRoute.resource(.value(r.id!)))
    }

    @Sendable static func exportResources(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        let lang = req.lang
        let list = try await Q.resources(
            category: try ListsAPI.category(req), q: try ListsAPI.search(req), includeWithdrawn: true,
            limit: ListFilter.exportLimit, req.caller)
        let rows = list.map { r in
            [
                String(r.id), r.title, lang.t(.serviceCategory(r.category)), lang.t(r.offerer.label), r.offeredBy,
                r.nodeName, String(r.capacity), String(r.free), r.availableFrom ?? "", r.availableUntil ?? "",
                r.hours, r.conditions, r.contact, r.withdrawnOn ?? "",
            ]
        }
        let header = [
            "ID", lang.t(.listsTitle), lang.t(.listsCategory), lang.t(.listsOfferer), lang.t(.listsOfferedBy),
            lang.t(.listsOfferedTo), lang.t(.listsCapacity), lang.t(.listsFree), lang.t(.listsAvailableFrom),
            lang.t(.listsAvailableUntil), lang.t(.listsHours), lang.t(.listsConditions), lang.t(.listsContact),
            lang.t(.listsWithdrawn),
        ]
        return CSVResponse.make(fileName: "resources.csv", header: header, rows: rows)
    }

    // MARK: Projects

    static func projectsBody(_ req: Request, error: AppError?) async throws -> HTML {
        let a = try await ListsAccess.of(req.caller)
        guard !a.isResident else { throw await req.caller.forbidden("projects page") }
        let state = try ListsAPI.projectState(req)
        let paged = try await ProjectModels.list(state: state, page: try req.pageRequest(), req.caller)
        let list = paged.rows
        var item: ListItemOut?
        var resources: [(id: Int, name: String)] = []
        if a.keeps, let raw = req.query[String.self, at: "itemId"], let id = Int(raw), id > 0 {
            let d = try await Q.detail(id, req.caller)
            item = d.item
            resources = d.claims.filter { !$0.withdrawn }.compactMap { c in
                c.resourceID.map { (id: $0, name: c.resourceTitle ?? "") }
            }
        }
        let nodes =
            a.keeps
            ? try await OrgQueries.nodesInScope(a.viewer.scope, on: req.db).filter {
                [.communityCommittee, .streetCommittee].contains($0.kind)
            }.map { (id: $0.id!, name: $0.name) } : []
        let units =
            a.keeps
            ? try await UnitsQueries.reportingUnits(in: a.viewer.scope, on: req.db).prefix(500).map {
                (id: $0.id, name: $0.name)
            } : []
        let m = ProjectViews.ListModel(
            projects: list, state: state, mayExport: a.viewer.can(.exportData), nodes: nodes, units: Array(units),
            item: item, resources: resources)
        return page(
            req, req.t(.listsProjects),
            "\(ProjectViews.list(m, csrf: CSRF.hiddenField(req), error: error, req.lang))\(Widgets.pager(req, paged))",
            active: ListsRoute.projects)
    }

    @Sendable static func projects(_ req: Request) async throws -> HTML {
        _ = try req.requireViewer()
        return try await projectsBody(req, error: nil)
    }

    struct ProjectForm: Content {
        var title: String?
        var summary: String?
        var category: String?
        var nodeId: String?
        var ownerUnitId: String?
        var budget: String?
        var beneficiaries: String?
        var groups: [String]?
        var itemIds: [String]?
        var resourceIds: [String]?
        var partnerUnitIds: [String]?
    }

    @Sendable static func createProject(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ProjectForm.self)
        return try await FormChange.run(
            req,
            to: {
                let input = P.ProjectInput(
                    title: f.title, summary: f.summary, category: f.category.flatMap(ServiceCategory.init(rawValue:)),
                    nodeID: try FormNumber.int(f.nodeId, field: "nodeId"),
                    ownerUnitID: try FormNumber.int(f.ownerUnitId, field: "ownerUnitId"),
                    budget: try FormNumber.int(f.budget, field: "budget", in: FormNumber.yuan),
                    beneficiaries: try FormNumber.int(f.beneficiaries, field: "beneficiaries", in: FormNumber.count),
                    groups: (f.groups ?? []).compactMap(BeneficiaryGroup.init(rawValue:)),
                    itemIDs: try FormNumber.ints(f.itemIds, field: "itemIds"),
                    resourceIDs: try FormNumber.ints(f.resourceIds, field: "resourceIds"),
                    partnerUnitIDs: try FormNumber.ints(f.partnerUnitIds, field: "partnerUnitIds"))
                return ListsRoute.project(.value(try await P.create(req.caller, input).id!)).link
            }, page: { try await projectsBody(req, error: $0) })
    }

    static func projectBody(_ req: Request, id: Int, error: AppError?) async throws -> HTML {
        let d = try await ProjectModels.detail(id, req.caller)
        return page(
            req, d.project.title, ProjectViews.detail(d, csrf: CSRF.hiddenField(req), error: error, req.lang),
            active: ListsRoute.projects)
    }

    @Sendable static func project(_ req: Request) async throws -> HTML {
        try await projectBody(req, id: try req.intParameter("id"), error: nil)
    }

    struct ProjectChangeForm: Content {
        var title: String?
        var due: String?
        var on: String?
        var text: String?
        var photos: [File]?
        var state: String?
        var evidence: String?
        var served: String?
        var rating: String?
        var ratingNote: String?
        var note: String?
    }

    private static func change(_ req: Request, _ work: @escaping (Int, ProjectChangeForm) async throws -> Void)
        async throws -> Response
    {
        let id = try req.intParameter("id")
        let f = try req.content.decode(ProjectChangeForm.self)
        return try await FormChange.run(
            req,
            to: {
                try await work(id, f)
                return ListsRoute.project(.value(id)).link
            }, page: { try await projectBody(req, id: id, error: $0) })
    }

    @Sendable static func addMilestone(_ req: Request) async throws -> Response {
        try await change(req) { id, f in
            try await P.addMilestone(req.caller, projectID: id, .init(title: f.title, due: f.due))
        }
    }

    @Sendable static func milestoneDone(_ req: Request) async throws -> Response {
        let milestone = try req.intParameter("milestoneId")
        return try await change(req) { id, f in
            try await P.completeMilestone(req.caller, projectID: id, milestoneID: milestone, on: f.on)
        }
    }

    @Sendable static func addNote(_ req: Request) async throws -> Response {
        try await change(req) { id, f in
            let files = (f.photos ?? []).filter { $0.data.readableBytes > 0 }.map { Array($0.data.readableBytesView) }
            _ = try await P.addNote(req.caller, projectID: id, text: f.text, photos: files)
        }
    }

    @Sendable static func move(_ req: Request) async throws -> Response {
        try await change(req) { id, f in
            guard let state = f.state.flatMap(ProjectState.init(rawValue:)) else {
                throw AppError.invalid(.errorListsState, field: "state")
            }
            let input = P.StateInput(
                state: state, evidence: f.evidence,
                served: try FormNumber.int(f.served, field: "served", in: FormNumber.count),
                rating: try FormNumber.int(f.rating, field: "rating", in: 1...5),
                ratingNote: f.ratingNote,
                on: f.on)
            _ = try await P.move(req.caller, projectID: id, input)
        }
    }

    @Sendable static func rate(_ req: Request) async throws -> Response {
        try await change(req) { id, f in
            let rating = try FormNumber.int(f.rating, field: "rating", in: 1...5)
            try await P.rate(req.caller, projectID: id, .init(rating: rating, note: f.note))
        }
    }

    @Sendable static func photo(_ req: Request) async throws -> Response {
        try await ProjectModels.photo(
            projectID: try req.intParameter("id"), photoID: try req.intParameter("photoId"), req.caller)
    }

    @Sendable static func exportProjects(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        let lang = req.lang
        let list = try await ProjectModels.list(
            state: try ListsAPI.projectState(req), limit: ListFilter.exportLimit, req.caller)
        let rows = list.map { p in
            [
                String(p.id), p.title, lang.t(.serviceCategory(p.category)), p.nodeName, p.ownerName,
                lang.t(p.state.label), String(p.budget), String(p.beneficiaries),
                p.groups.map { lang.t($0.label) }.joined(separator: "、"), "\(p.milestonesDone)/\(p.milestones)",
                p.startedOn ?? "", p.closedOn ?? "", p.rating.map(String.init) ?? "",
            ]
        }
        let header = [
            "ID", lang.t(.listsTitle), lang.t(.listsCategory), lang.t(.listsCommunity), lang.t(.listsOwner),
            lang.t(.listsState), lang.t(.listsBudget), lang.t(.listsBeneficiaries), lang.t(.listsGroups),
            lang.t(.listsMilestones), lang.t(.listsStartedOn), lang.t(.listsClosedOn), lang.t(.listsRating),
        ]
        return CSVResponse.make(fileName: "action-projects.csv", header: header, rows: rows)
    }
}
