import Fluent
import Vapor

/// Visits' pages: the phone's 走访 list and record form, the desk's plans, new plan form and rates. Handlers read
/// the request, call a query or a service with `req.caller`, and render; a refusal the user can fix comes back as
/// the same page with the message (422).
enum VisitPages {
    static func register(_ p: RoutesBuilder) {
        p.get(VisitsRoute.page, use: page)
        p.get(VisitsRoute.plans, use: plans)
        p.post(VisitsRoute.plans, use: createPlan)
        p.get(VisitsRoute.newPlan, use: newPlan)
        p.get(VisitsRoute.plan(.key), use: plan)
        p.get(VisitsRoute.grid(.key), use: grid)
        p.get(VisitsRoute.household(.key), use: recordForm)
        p.post(VisitsRoute.household(.key), use: record)
        p.get(VisitsRoute.photo(.key), use: photo)
    }

    @Sendable static func photo(_ req: Request) async throws -> Response {
        try await VisitPhotos.serve(req.caller, id: try req.intParameter("id"))
    }

    private static func render(_ req: Request, _ title: String, _ body: HTML) -> HTML {
        Layout.page(req, title: title, body: body, active: VisitsRoute.page.path)
    }

    @Sendable static func page(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewPeople)
        let m = try await VisitsPageModel.query(
            v, period: try VisitFacts.Period.from(req), today: req.clock.today, on: req.db)
        return render(req, req.t(.navVisits), VisitsPageModel.body(m, req.lang))
    }

    @Sendable static func plans(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewPeople)
        let page = try await VisitPlan.query(on: req.db).inScope(v.scope, \.$path).sort(\.$due, .descending)
            .sort(\.$id, .descending).paged(try req.pageRequest())
        let rows = try await VisitPlanRow.rows(page.rows, today: req.caller.today, on: req.db)
        let lang = req.lang
        let newPlan: HTML =
            v.can(.editPeople)
            ? "<a class=\"button\" href=\"\(VisitsRoute.newPlan)\">\(lang.t(.visitPlanNew))</a>" : ""
        let body: HTML = """
            <h1>\(lang.t(.visitPlans))</h1><p>\(newPlan) <a href="\(VisitsRoute.page)">\(lang.t(.visitRates))</a></p>
            <p class="muted">\(lang.t(.visitPlanVisitedDefinition))</p>
            \(VisitPlanRow.table(rows.filter(\.open) + rows.filter { !$0.open }, lang, id: "plan-list"))\
            \(Widgets.pager(req, page))
            """
        return render(req, lang.t(.visitPlans), body)
    }

    @Sendable static func newPlan(_ req: Request) async throws -> HTML {
        let v = try await req.require(.editPeople)
        let gridID = try FormNumber.int(req.query[String.self, at: "gridId"], field: "gridId")
        let m = try await NewPlanModel.query(v, gridID: gridID, req.caller)
        var s = NewPlanModel.State(due: req.clock.today.adding(days: 14).description)
        if req.query[String.self, at: "pick"] == "unvisited" { s.chosen = Set(m.unvisited) }
        return render(req, req.t(.visitPlanNew), NewPlanModel.body(m, s, csrf: CSRF.hiddenField(req), req.lang))
    }

    struct PlanForm: Content {
        var gridId: String?
        var visitorUserId: String?
        var due: String?
        var householdIds: [String]?
    }

    @Sendable static func createPlan(_ req: Request) async throws -> Response {
        let v = try await req.require(.editPeople)
        let f = try req.content.decode(PlanForm.self)
        var s = NewPlanModel.State(due: f.due ?? "")
        var gridID: Int?
        do {
            gridID = try FormNumber.int(f.gridId, field: "gridId")
            s.visitorUserID = try FormNumber.int(f.visitorUserId, field: "visitorUserId")
            s.chosen = Set(try FormNumber.ints(f.householdIds, field: "householdIds") ?? [])
            var problems = FieldProblems()
            if gridID == nil { problems.add("gridId", .errorVisitGrid) }
            if s.visitorUserID == nil { problems.add("visitorUserId", .errorVisitVisitor) }
            if s.chosen.isEmpty { problems.add("householdIds", .errorVisitHouseholds) }
            _ = try problems.check("due") {
                try FormDate.requiredDay(s.due, field: "due", within: .ahead(days: 366), today: req.caller.today)
            }
            try problems.throwIfAny()
            let plan = try await VisitsAPI.createPlan(
                req.caller,
                .init(
                    gridID: gridID!, visitorUserID: s.visitorUserID!, due: s.due,
                    householdIDs: s.chosen.sorted()))
            Layout.flash(req, .flashVisitPlanned)
            return req.redirect(to: VisitsRoute.plan(.value(plan.id)))
        } catch let e as AppError where e.status == .unprocessableEntity {
            s.error = e
            // The grid again if it is the viewer's; a grid outside the scope is not shown (the refusal is logged).
            let m: NewPlanModel
            if let gridID, let again = try? await NewPlanModel.query(v, gridID: gridID, req.caller) {
                m = again
            } else {
                m = try await NewPlanModel.query(v, gridID: nil, req.caller)
            }
            return try await render(
                req, req.t(.visitPlanNew), NewPlanModel.body(m, s, csrf: CSRF.hiddenField(req), req.lang)
            ).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable static func plan(_ req: Request) async throws -> HTML {
        let m = try await PlanDetailModel.query(try req.intParameter("id"), req.caller)
        return render(req, req.t(.visitPlan), PlanDetailModel.body(m, req.lang))
    }

    @Sendable static func grid(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewPeople)
        let period = try VisitFacts.Period.from(req)
        let m = try await GridVisitsModel.query(v, gridID: try req.intParameter("id"), period: period, req.caller)
        return render(req, m.grid.name, GridVisitsModel.body(m, req.lang))
    }

    @Sendable static func recordForm(_ req: Request) async throws -> HTML {
        try await req.require(.viewPeople)
        let h = try await PlacesQueries.scopedHousehold(try req.intParameter("id"), req.caller)
        let m = try await RecordVisitModel.query(h, req.caller)
        return render(
            req, req.t(.visitRecord),
            RecordVisitModel.body(m, nil, error: nil, csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func record(_ req: Request) async throws -> Response {
        let v = try await req.require(.viewPeople)
        let h = try await PlacesQueries.scopedHousehold(try req.intParameter("id"), for: .change, req.caller)
        let f = try req.content.decode(RecordVisitModel.Form.self)
        do {
            let files = (f.photos ?? []).filter { $0.data.readableBytes > 0 }.map { Array($0.data.readableBytesView) }
            let photos = try await VisitPhotos.clean(files, req.caller)
            let visit = try await VisitsAPI.record(
                .init(req.caller), by: v, at: h, try f.input(householdID: h.id), photos: photos)
            Layout.flash(req, visit.requestID == nil ? .flashVisited : .flashVisitedWithRequest)
            return req.redirect(to: VisitsRoute.page)
        } catch let e as AppError where e.status == .unprocessableEntity {
            let m = try await RecordVisitModel.query(h, req.caller)
            return try await render(
                req, req.t(.visitRecord),
                RecordVisitModel.body(m, f, error: e, csrf: CSRF.hiddenField(req), req.lang)
            ).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }
}
