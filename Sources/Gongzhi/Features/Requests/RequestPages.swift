import Fluent
import Vapor

/// 我有需要 on the phone, and the desk pages of the loop: list, request with timeline and actions, to-dos,
/// joint meetings and the working calendar.
enum RequestPages {
    static func register(_ p: RoutesBuilder) {
        p.get("requests", use: list)
        p.get("requests", "new", use: newForm)
        p.get("requests", "figures", use: figures)
        p.post("requests", use: raise)
        p.get("requests", ":id", use: detail)
        p.get("requests", ":id", "photos", ":photo", use: RequestPhotos.serve)
        p.post("requests", ":id", "act", use: act)
        p.get("todos", use: todos)
        p.get("meetings", use: meetings)
        p.post("meetings", use: createMeeting)
        p.get("meetings", ":id", use: meeting)
        p.get("calendar", use: calendarCurrent)
        p.get("calendar", ":year", use: calendar)
        p.post("calendar", ":year", use: saveCalendar)
    }

    static let timeFormat: DateFormatter = {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f
    }()
    static func time(_ d: Date?) -> String { d.map(timeFormat.string(from:)) ?? "–" }

    static func row(_ req: Request, _ r: RequestsAPI.RequestOut) -> HTML {
        """
        <tr class="\(r.overdue ? "bad" : "")"><td><a \
        href="/requests/\(r.id)">\(r.number)</a></td><td>\(r.categoryLabel) · \(r.kindLabel)</td>
        <td>\(String(r.text.prefix(40)))</td><td>\(r.gridName ?? "")</td><td><span \
        class="tag">\(r.stateLabel)</span>\(r.supervised ? " <span class=\"tag\">" + req.t("requestAction.supervise") + "</span>" : "")</td>
        <td>\(time(r.stepDeadline))\(r.overdue ? " · " + req.t("request.overdue") : "")</td></tr>
        """
    }

    static func table(_ req: Request, _ rows: [HTML], id: String) -> HTML {
        """
        <table \
        id="\(id)"><thead><tr><th>\(req.t("request.number"))</th><th>\(req.t("request.category"))</th><th>\(req.t("request.text"))</th>
        <th>\(req.t("entity.grid"))</th><th>\(req.t("request.state"))</th><th>\(req.t("request.deadline"))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    @Sendable static func list(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        let rs = try await RequestsAPI.list(req)
        let phone = v.role.usesPhoneLayout
        let publicList: HTML
        if v.scope.isSelfOnly {
            let pub = try await RequestsAPI.publicList(req)
            publicList = """
                <section class="card"><h2>\(req.t("request.public"))</h2><p><a \
                href="/requests/map">\(req.t("request.publicMap"))</a></p><ul \
                id="public-requests">\(pub.map { "<li>\($0.categoryLabel) · \($0.gridName ?? "") · <span class=\"tag\">\($0.stateLabel)</span> \(String($0.text.prefix(40)))</li>" as HTML })</ul></section>
                """
        } else {
            publicList = ""
        }
        return Layout.page(
            req, title: req.t(phone ? "nav.myRequests" : "nav.requests"),
            body: """
                <h1>\(req.t(phone ? "nav.myRequests" : "nav.requests")) <span class="muted">(\(rs.count))</span></h1>
                <p><a class="button" href="/requests/new">\(req.t("request.new"))</a></p>
                \(phone ? "<ul id=\"my-requests\">\(rs.map { "<li><a href=\"/requests/\($0.id)\">\($0.number) \($0.categoryLabel)</a> <span class=\"tag\">\($0.stateLabel)</span></li>" as HTML })</ul>" as HTML : table(req, rs.map { row(req, $0) }, id: "requests"))
                \(req.query[String.self, at: "metric"] == nil ? AuditLogPages.pager(req, hasNext: rs.count == RequestsAPI.pageSize, page: (try? RequestsAPI.optionalInt(req, "page")) .flatMap { $0 } ?? 1) : HTML.empty)
                \(publicList)
                """, active: "/requests")
    }

    static func newPage(
        _ req: Request, input: RequestService.RaiseInput?, error: AppError?, similar: [RequestsAPI.RequestOut] = [],
        hadPhotos: Bool = false
    ) async throws -> HTML {
        let v = try req.requireViewer()
        let categories = try await RequestCategory.query(on: req.db).filter(\.$active == true).sort(\.$id).all()
        let staff = !(v.role == .resident || v.role == .partyMember)
        let grids = staff ? try await PlacesQueries.gridsInScope(v.scope, on: req.db) : []
        func field(_ f: String) -> HTML {
            error?.fields[f].map { "<span class=\"field-error\">\(req.t($0))</span>" } ?? ""
        }
        let summary: HTML =
            error.map { "<p class=\"flash error\" role=\"alert\">\(req.lang.format($0.messageKey, $0.args))</p>" } ?? ""
        let staffFields: HTML =
            staff
            ? """
            <label for="channel">\(req.t("request.channel"))</label><select id="channel" \
            name="channel">\([RequestChannel.visit, .hotline, .patrol, .walkIn].map { "<option value=\"\($0.rawValue)\"\(HTML(raw: input?.channel == $0 ? " selected" : ""))>\(req.t($0.labelKey))</option>" as HTML })</select>
            <label for="gridId">\(req.t("entity.grid"))</label><select id="gridId" name="gridId"><option \
            value="">—</option>\(grids.map { "<option value=\"\($0.id!)\"\(HTML(raw: input?.gridID == $0.id ? " selected" : ""))>\($0.name)</option>" as HTML })</select>
            """ : ""
        return Layout.page(
            req, title: req.t("request.new"),
            body: """
                <h1>\(req.t("request.new"))</h1>\(summary)
                \(similar.isEmpty ? HTML.empty : """
                <section class="card" id="similar"><h2>\(req.t("request.similarTitle"))</h2><p>\(req.t("request.similarHint"))</p>
                <ul>\(similar.map { "<li>\($0.number) · \($0.categoryLabel) · \($0.gridName ?? "") · <span class=\"tag\">\($0.stateLabel)</span> \($0.isPublic || $0.mine ? String($0.text.prefix(40)) : "")</li>" as HTML })</ul>
                \(hadPhotos ? "<p class=\"flash error\">\(req.t("request.photosAgain"))</p>" as HTML : HTML.empty)</section>
                """ as HTML)
                <form method="post" action="/requests" class="card" id="raise-form" \
                enctype="multipart/form-data">\(CSRF.hiddenField(req))
                \(similar.isEmpty ? HTML.empty : "<input type=\"hidden\" name=\"confirmNew\" value=\"true\">" as HTML)
                <label for="kind">\(req.t("request.kind"))</label><select id="kind" \
                name="kind">\(RequestKind.allCases.map { "<option value=\"\($0.rawValue)\"\(HTML(raw: input?.kind == $0 ? " selected" : ""))>\(req.t($0.labelKey))</option>" as HTML })</select>
                <label for="category">\(req.t("request.category"))</label><select id="category" \
                name="category">\(categories.map { "<option value=\"\($0.code)\"\(HTML(raw: input?.category == $0.code ? " selected" : ""))>\($0.name(req.lang))</option>" as HTML })</select>\(field("category"))
                <label for="text">\(req.t("request.text"))</label><textarea id="text" name="text" rows="5" \
                maxlength="2000" required>\(input?.text ?? "")</textarea>\(field("text"))
                \(staffFields)
                <fieldset><legend>\(req.t("request.where"))</legend>
                <p class="muted">\(req.t(staff ? "request.whereStaff" : "request.whereHint"))</p>
                <div class="row"><div><label for="lat">\(req.t("request.lat"))</label><input id="lat" name="lat" \
                inputmode="decimal" value="\(input?.lat.map { String($0) } ?? "")"></div>
                <div><label for="lng">\(req.t("request.lng"))</label><input id="lng" name="lng" inputmode="decimal" \
                value="\(input?.lng.map { String($0) } ?? "")"></div></div>
                <p><a class="button secondary" href="/requests/pick" id="pick-on-map">\(req.t("request.pick"))</a>
                <button type="button" id="use-location" class="secondary" hidden \
                data-done="\(req.t("request.locationDone"))" \
                data-failed="\(req.t("request.locationFailed"))">\(req.t("request.useLocation"))</button> <span \
                id="location-status" class="muted"></span></p>
                \(field("lat"))</fieldset>
                <label for="photos">\(req.t("request.photos"))</label><input id="photos" name="photos[]" type="file" \
                accept="image/jpeg,image/png" multiple>\(field("photos"))
                <label><input type="checkbox" name="keepLocation" value="true"> \(req.t("request.keepLocation"))</label>
                <label><input type="checkbox" name="isPublic" \
                value="true"\(HTML(raw: input?.isPublic == true ? " checked" : ""))> \
                \(req.t("request.isPublic"))</label>
                <p><button type="submit" id="raise-submit">\(req.t("request.submit"))</button></p></form>
                """, active: "/requests")
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        var input = RequestService.RaiseInput()
        if let p = try await RequestMaps.picked(req) {
            input.lat = (p.lat * 1e6).rounded() / 1e6
            input.lng = (p.lng * 1e6).rounded() / 1e6
        }
        return try await newPage(req, input: input.lat == nil ? nil : input, error: nil)
    }

    struct RaiseForm: Content {
        var kind: String?
        var category: String?
        var text: String?
        var lat: String?
        var lng: String?
        var isPublic: String?
        var channel: String?
        var gridId: String?
        var photos: [File]?
        var keepLocation: String?
        var confirmNew: String?
    }

    @Sendable static func raise(_ req: Request) async throws -> Response {
        let f = try req.content.decode(RaiseForm.self)
        var input = RequestService.RaiseInput()
        input.kind = f.kind.flatMap(RequestKind.init(rawValue:))
        input.category = f.category
        input.text = f.text
        input.isPublic = f.isPublic == "true"
        input.channel = f.channel.flatMap(RequestChannel.init(rawValue:))
        input.gridID = f.gridId.flatMap { Int($0) }
        do {
            if let la = f.lat, !la.isEmpty || !(f.lng ?? "").isEmpty {
                guard let lat = Double(la), let lng = Double(f.lng ?? "") else {
                    throw AppError.invalid("error.geo.latlng", field: "lat")
                }
                input.lat = lat
                input.lng = lng
            }
            let files = (f.photos ?? []).filter { $0.data.readableBytes > 0 }.map { Array($0.data.readableBytesView) }
            // Check the photos before anything is stored: a bad photo leaves nothing half-done.
            let photos = try await RequestPhotos.clean(
                files, keepLocation: f.keepLocation == "true",
                limit: RequestPhotos.perRequest, req)
            // A likely duplicate is offered before the resident submits; they may still go on.
            let v = try req.requireViewer()
            if v.scope.isSelfOnly, f.confirmNew != "true", let category = input.category, let text = input.text {
                let point = input.lat.flatMap { la in input.lng.map { Coordinate(lat: la, lng: $0) } }
                let household =
                    try await v.user.personID.asyncMap { try await Person.find($0, on: req.db)?.householdID } ?? nil
                let found = try await RequestService.similar(
                    req, category: category, text: text, point: point, householdID: household, gridID: nil)
                if !found.isEmpty {
                    return try await newPage(
                        req, input: input, error: nil, similar: try await RequestsAPI.out(found, req),
                        hadPhotos: !files.isEmpty
                    )
                    .encodeResponse(for: req)
                }
            }
            let r = try await RequestService.raise(req, input)
            _ = try await RequestPhotos.add(req, to: r, photos: photos, asEvidence: false)
            Layout.flash(req, "flash.raised")
            return req.redirect(to: "/requests/\(r.id!)")
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await newPage(req, input: input, error: e).encodeResponse(status: e.status, for: req)
        }
    }

    static func detailPage(_ req: Request, id: Int, error: AppError? = nil) async throws -> HTML {
        let d = try await RequestsAPI.detail(try await RequestAccess.find(id, req), req)
        let r = d.request
        let csrf = CSRF.hiddenField(req)
        let units =
            d.allowedActions.contains(where: { [.dispatch, .decide].contains($0) })
            ? try await ResidentUnit.query(on: req.db).filter(\.$archived == false).sort(\.$kind).sort(\.$name).all()
            : []
        let meetings =
            d.allowedActions.contains(.decide)
            ? try await JointMeeting.query(on: req.db).filter(
                \.$communityNodeID == (try await ServiceRequest.find(id, on: req.db))!.communityNodeID
            ).sort(\.$date, .descending).limit(10).all() : []
        let forms: [HTML] = d.allowedActions.map { a in
            var extra: HTML = ""
            switch a {
            case .dispatch, .decide:
                extra = """
                    <select name="unitIds[]" multiple size="5" \
                    aria-label="\(req.t("request.handlers"))">\(units.map { "<option value=\"\($0.id!)\">\($0.name) · \(req.t($0.kind.labelKey))</option>" as HTML })</select>
                    <input name="workingDays" inputmode="numeric" size="3" \
                    placeholder="\(req.t("request.workingDays"))" aria-label="\(req.t("request.workingDays"))">
                    """
                if a == .decide {
                    extra =
                        "<select name=\"meetingId\" aria-label=\"\(req.t("entity.joint_meeting"))\">\(meetings.map { "<option value=\"\($0.id!)\">\($0.date) · \($0.host)</option>" as HTML })</select>\(extra)"
                }
            case .requestExtension:
                extra =
                    "<input name=\"workingDays\" inputmode=\"numeric\" size=\"3\" placeholder=\"\(req.t("request.workingDays"))\" aria-label=\"\(req.t("request.workingDays"))\">"
            case .rate:
                extra =
                    "<select name=\"rating\" aria-label=\"\(req.t("requestAction.rate"))\">\(Rating.allCases.map { "<option value=\"\($0.rawValue)\">\(req.t($0.labelKey))</option>" as HTML })</select>"
            case .merge:
                extra =
                    "<input name=\"mergeInto\" inputmode=\"numeric\" size=\"6\" placeholder=\"\(req.t("request.mergeInto"))\" aria-label=\"\(req.t("request.mergeInto"))\">"
            default: break
            }
            return """
                <form method="post" action="/requests/\(id)/act" class="action-form" data-action="\(a.rawValue)" \
                enctype="multipart/form-data">\(csrf)<input type="hidden" name="action" value="\(a.rawValue)">
                <div class="row">\(extra)<input name="note" placeholder="\(req.t("request.note"))" \
                aria-label="\(req.t("request.note"))" maxlength="2000">
                \([RequestAction.settle, .complete, .progress].contains(a) ? "<input type=\"file\" name=\"photos[]\" accept=\"image/jpeg,image/png\" multiple aria-label=\"\(req.t("request.photos"))\">" as HTML : HTML.empty)
                <button type="submit" \
                id="act-\(a.rawValue)"\(HTML(raw: [.take, .settle, .complete, .rate, .decide, .dispatch, .accept].contains(a) ? "" : " class=\"secondary\""))>\(req.t(a.labelKey))</button></div></form>
                """
        }
        func pics(_ eventID: Int?) -> HTML {
            let ps = d.photos.filter { $0.eventID == eventID }
            return ps.isEmpty
                ? ""
                : "<div class=\"photos\">\(ps.map { "<a href=\"/requests/\(id)/photos/\($0.id)\"><img src=\"/requests/\(id)/photos/\($0.id)\" alt=\"\(req.t("request.photo"))\" width=\"96\"></a>" as HTML })</div>"
        }
        let timeline: [HTML] = d.events.map { e in
            "<li><strong>\(e.actionLabel)</strong> · \(e.actorName) · \(time(e.at))\(e.workingDays.map { " · " + req.t("request.tookDays", String($0)) } ?? "")\(e.deadline.map { " · " + req.t("request.deadline") + " " + time($0) } ?? "")<br><span class=\"muted\">\(req.t(e.toState.labelKey))</span>\(e.note.isEmpty ? "" : " — \(e.note)")\(pics(e.id))</li>"
        }
        let summary: HTML =
            error.map { "<p class=\"flash error\" role=\"alert\">\(req.lang.format($0.messageKey, $0.args))</p>" } ?? ""
        var duplicates: HTML = ""
        if d.allowedActions.contains(.merge), let stored = try await ServiceRequest.find(id, on: req.db) {
            let found = try await RequestService.similar(
                req, category: stored.category, text: stored.text,
                point: stored.lat.flatMap { la in stored.lng.map { Coordinate(lat: la, lng: $0) } },
                householdID: stored.householdID, gridID: stored.gridID, excluding: id)
            let outs = try await RequestsAPI.out(found, req)
            if !outs.isEmpty {
                duplicates =
                    "<section class=\"card\" id=\"duplicates\"><h2>\(req.t("request.similarTitle"))</h2><ul>\(outs.map { "<li><a href=\"/requests/\($0.id)\">\($0.number)</a> (ID \($0.id)) · <span class=\"tag\">\($0.stateLabel)</span> \(String($0.text.prefix(40)))</li>" as HTML })</ul><p class=\"muted\">\(req.t("request.mergeHint"))</p></section>"
            }
        }
        if let target = r.mergedIntoID {
            duplicates =
                "<p class=\"flash\" id=\"merged-into\">\(req.t("request.mergedInto")) <a href=\"/requests/\(target)\">\(ServiceRequest.number(for: target))</a></p>"
        }
        return Layout.page(
            req, title: r.number,
            body: """
                <h1>\(r.number) <span class="tag" id="request-state">\(r.stateLabel)</span></h1>\(summary)
                <section class="card"><p>\(r.categoryLabel) · \(r.kindLabel) · \(req.t(r.channel.labelKey)) · \
                \(r.gridName ?? "") · \(req.t("request.levelNow", r.levelLabel))</p>
                <p id="request-text">\(r.text)</p>\(pics(nil))
                <p class="muted">\(req.t("request.deadline")): \
                \(time(r.stepDeadline))\(r.overdue ? " · " + req.t("request.overdue") : "")\(r.rating.map { " · " + req.t($0.labelKey) } ?? "")</p></section>
                \(d.assignments.isEmpty ? HTML.empty : "<section class=\"card\"><h2>\(req.t("request.handlers"))</h2><ul>\(d.assignments.map { "<li>\($0.unitName) · \(req.t("assignment.\($0.status.rawValue)")) · \(time($0.deadline))</li>" as HTML })</ul></section>" as HTML)
                \(duplicates)
                \(forms.isEmpty ? HTML.empty : "<section class=\"card\" id=\"actions\"><h2>\(req.t("request.actions"))</h2>\(forms)</section>" as HTML)
                <section class="card"><h2>\(req.t("request.timeline"))</h2><ol id="timeline">\(timeline)</ol></section>
                """, active: "/requests")
    }

    @Sendable static func detail(_ req: Request) async throws -> HTML {
        try await detailPage(req, id: try req.intParameter("id"))
    }

    struct ActForm: Content {
        var action: String?
        var note: String?
        var unitIds: [String]?
        var workingDays: String?
        var rating: String?
        var meetingId: String?
        var mergeInto: String?
        var photos: [File]?
    }

    @Sendable static func act(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(ActForm.self)
        guard let action = RequestAction(rawValue: f.action ?? ""), action != .raise, action != .closeUnrated else {
            throw AppError.badRequest("error.enum", args: ["action", f.action ?? ""])
        }
        var input = RequestService.ActionInput()
        input.note = f.note
        input.unitIDs = f.unitIds?.compactMap { Int($0) }
        input.workingDays = f.workingDays.flatMap { Int($0) }
        input.rating = f.rating.flatMap(Rating.init(rawValue:))
        input.meetingID = f.meetingId.flatMap { Int($0) }
        input.mergeInto = f.mergeInto.flatMap { Int($0) }
        do {
            let files = (f.photos ?? []).filter { $0.data.readableBytes > 0 }.map { Array($0.data.readableBytesView) }
            let photos = try await RequestPhotos.clean(files, keepLocation: false, limit: RequestPhotos.perStep, req)
            let r = try await RequestService.perform(req, id: id, action: action, input)
            _ = try await RequestPhotos.add(req, to: r, photos: photos, asEvidence: true)
            Layout.flash(req, "flash.saved")
            return req.redirect(to: "/requests/\(id)")
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            return try await detailPage(req, id: id, error: e).encodeResponse(status: e.status, for: req)
        }
    }

    /// The figures of an area and its children; every number opens the requests it counts.
    @Sendable static func figures(_ req: Request) async throws -> HTML {
        let f = try await RequestsAPI.figures(req)
        func link(_ a: RequestFiguresService.AreaFigures, _ m: RequestMetric) -> String {
            "/requests?metric=\(m.rawValue)" + (a.nodeID.map { "&nodeId=\($0)" } ?? "")
                + (a.gridID.map { "&gridId=\($0)" } ?? "")
        }
        func pct(_ v: Double?) -> String { v.map { MapSVGFormat.number($0) + "%" } ?? "–" }
        func row(_ a: RequestFiguresService.AreaFigures, drill: Bool) -> HTML {
            let c = a.figures.counts
            let name: HTML =
                drill && a.nodeID != nil
                ? "<a href=\"/requests/figures?nodeId=\(a.nodeID!)\">\(a.name)</a>"
                : a.gridID.map { "<a href=\"/grids/\($0)\">\(a.name)</a>" as HTML } ?? "\(a.name)"
            let steps = a.figures.averageStepDays.map { $0.map(MapSVGFormat.number) ?? "–" }.joined(separator: " / ")
            return """
                <tr><td>\(name)</td>
                <td class="num"><a href="\(link(a, .raised))">\(c["raised"] ?? 0)</a></td>
                <td class="num"><a href="\(link(a, .responded))">\(pct(a.figures.responseRate))</a></td>
                <td class="num"><a href="\(link(a, .resolved))">\(pct(a.figures.resolutionRate))</a></td>
                <td class="num"><a href="\(link(a, .onTime))">\(pct(a.figures.onTimeRate))</a></td>
                <td class="num"><a href="\(link(a, .satisfied))">\(pct(a.figures.satisfactionRate))</a></td>
                <td class="num"><a href="\(link(a, .unrated))">\(c["unrated"] ?? 0)</a></td>
                <td class="num"><a href="\(link(a, .open))">\(c["open"] ?? 0)</a></td><td class="num">\(steps)</td></tr>
                """
        }
        return Layout.page(
            req, title: req.t("nav.figures"),
            body: """
                <h1>\(req.t("nav.figures")) · \(f.area.name)</h1>
                <table id="request-figures"><thead><tr><th>\(req.t("figures.area"))</th><th \
                class="num">\(req.t("metric.raised"))</th>
                <th class="num">\(req.t("figures.responseRate"))</th><th \
                class="num">\(req.t("figures.resolutionRate"))</th><th class="num">\(req.t("figures.onTimeRate"))</th>
                <th class="num">\(req.t("figures.satisfactionRate"))</th><th \
                class="num">\(req.t("metric.unrated"))</th><th class="num">\(req.t("metric.open"))</th>
                <th class="num">\(req.t("figures.stepDays"))</th></tr></thead>
                <tbody>\(row(f.area, drill: false))\(f.children.map { row($0, drill: true) })</tbody></table>
                <p class="muted">\(req.t("figures.hint"))</p>
                """, active: "/requests/figures")
    }

    @Sendable static func todos(_ req: Request) async throws -> HTML {
        let list = try await RequestsAPI.todoList(req)
        let rows: [HTML] = list.map { t in
            "<tr class=\"\(t.request.overdue ? "bad" : "")\"><td><a href=\"/requests/\(t.request.id)\">\(t.request.number)</a></td><td>\(t.waitingFor)</td><td>\(t.request.categoryLabel)</td><td>\(t.request.gridName ?? "")</td><td>\(time(t.request.stepDeadline))\(t.request.overdue ? " · " + req.t("request.overdue") : "")</td></tr>"
        }
        return Layout.page(
            req, title: req.t("nav.todos"),
            body: """
                <h1>\(req.t("nav.todos")) <span class="muted">(\(list.count))</span></h1>
                <table \
                id="todos"><thead><tr><th>\(req.t("request.number"))</th><th>\(req.t("todo.next"))</th><th>\(req.t("request.category"))</th><th>\(req.t("entity.grid"))</th><th>\(req.t("request.deadline"))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """, active: "/todos")
    }

    @Sendable static func meetings(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let list = try await JointMeeting.query(on: req.db).inScope(v.scope, \.$path).sort(\.$date, .descending).limit(
            100
        ).all()
        let communities = try await OrgQueries.nodesInScope(v.scope, on: req.db).filter {
            $0.kind == .communityCommittee
        }
        return Layout.page(
            req, title: req.t("nav.meetings"),
            body: """
                <h1>\(req.t("nav.meetings"))</h1>
                <ul \
                id="meetings">\(list.map { "<li><a href=\"/meetings/\($0.id!)\">\($0.date) · \($0.host)</a></li>" as HTML })</ul>
                \(communities.isEmpty ? HTML.empty : """
                <form method="post" action="/meetings" class="card">\(CSRF.hiddenField(req))<h2>\(req.t("meeting.new"))</h2>
                <label for="communityNodeId">\(req.t("field.community"))</label><select id="communityNodeId" name="communityNodeId">\(communities.map { "<option value=\"\($0.id!)\">\($0.name)</option>" as HTML })</select>
                <label for="date">\(req.t("meeting.date"))</label><input id="date" name="date" type="date" required>
                <label for="host">\(req.t("meeting.host"))</label><input id="host" name="host" required maxlength="100">
                <label for="attendees">\(req.t("meeting.attendees"))</label><input id="attendees" name="attendees" maxlength="1000">
                <p><button type="submit">\(req.t("action.create"))</button></p></form>
                """ as HTML)
                """, active: "/meetings")
    }

    struct MeetingForm: Content {
        var communityNodeId: Int?
        var date: String?
        var host: String?
        var attendees: String?
    }

    @Sendable static func createMeeting(_ req: Request) async throws -> Response {
        let f = try req.content.decode(MeetingForm.self)
        guard let c = f.communityNodeId else { throw AppError.invalid("error.meeting.community") }
        let m = try await MeetingsAPI.create(
            req, communityID: c, date: f.date ?? "", host: f.host ?? "", attendees: f.attendees ?? "")
        return req.redirect(to: "/meetings/\(m.id!)")
    }

    @Sendable static func meeting(_ req: Request) async throws -> HTML {
        let m = try await MeetingsAPI.find(try req.intParameter("id"), req)
        let agenda = try await MeetingsAPI.agenda(m, req)
        return Layout.page(
            req, title: req.t("entity.joint_meeting"),
            body: """
                <h1>\(req.t("entity.joint_meeting")) \(m.date)</h1>
                <p>\(req.t("meeting.host")): \(m.host) · \(req.t("meeting.attendees")): \(m.attendees)</p>
                <section class="card"><h2>\(req.t("meeting.agenda")) \
                (\(agenda.count))</h2>\(table(req, agenda.map { row(req, $0) }, id: "agenda"))
                <p class="muted">\(req.t("meeting.agendaHint"))</p></section>
                """, active: "/meetings")
    }

    @Sendable static func calendarCurrent(_ req: Request) async throws -> HTML {
        try await calendarPage(req, year: LocalDate(instant: Date().timeIntervalSince1970).year)
    }

    @Sendable static func calendar(_ req: Request) async throws -> HTML {
        guard let y = req.parameters.get("year").flatMap(Int.init), (1900...2200).contains(y) else {
            throw AppError.badRequest("error.badID", args: [req.parameters.get("year") ?? ""])
        }
        return try await calendarPage(req, year: y)
    }

    struct CalendarForm: Content {
        var source: String?
        var days: String?
    }

    /// One line a day: "2027-01-01 元旦 off" or "2027-02-07 春节调休 work".
    @Sendable static func saveCalendar(_ req: Request) async throws -> Response {
        guard let year = req.parameters.get("year").flatMap(Int.init), (1900...2200).contains(year) else {
            throw AppError.badRequest("error.badID", args: [req.parameters.get("year") ?? ""])
        }
        let f = try req.content.decode(CalendarForm.self)
        var off: [CalendarAPI.DayInput] = []
        var work: [CalendarAPI.DayInput] = []
        do {
            for line in (f.days ?? "").split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                guard parts.count >= 3, ["off", "work", "放假", "上班"].contains(parts.last!) else {
                    throw AppError.invalid("error.calendar.line", args: [String(line)])
                }
                let day = CalendarAPI.DayInput(
                    date: parts[0], name: parts[1..<(parts.count - 1)].joined(separator: " "))
                if ["off", "放假"].contains(parts.last!) { off.append(day) } else { work.append(day) }
            }
            _ = try await CalendarAPI.replace(
                req, year: year, input: .init(source: f.source ?? "", daysOff: off, workingWeekends: work))
            Layout.flash(req, "flash.saved")
            return req.redirect(to: "/calendar/\(year)")
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await calendarPage(req, year: year, error: e, draft: f).encodeResponse(
                status: e.status, for: req)
        }
    }

    static func calendarPage(_ req: Request, year: Int, error: AppError? = nil, draft: CalendarForm? = nil) async throws
        -> HTML
    {
        let v = try req.requireViewer()
        let existing = try? await CalendarAPI.yearOut(year, on: req.db)
        let text =
            draft?.days ?? existing.map { y in
                (y.daysOff.map { "\($0.date) \($0.name) off" } + y.workingWeekends.map { "\($0.date) \($0.name) work" })
                    .joined(separator: "\n")
            } ?? ""
        let editor: HTML =
            v.maySetDistrictSettings
            ? """
            <form method="post" action="/calendar/\(year)" class="card" \
            id="calendar-editor">\(CSRF.hiddenField(req))<h2>\(req.t("calendar.edit"))</h2>
            \(error.map { "<p class=\"flash error\" role=\"alert\">\(req.lang.format($0.messageKey, $0.args))</p>" as HTML } ?? HTML.empty)
            <label for="source">\(req.t("calendar.sourceLabel"))</label><input id="source" name="source" \
            value="\(draft?.source ?? existing?.source ?? "")" required>
            <label for="days">\(req.t("calendar.lines"))</label><textarea id="days" name="days" \
            rows="12">\(text)</textarea>
            <p><button type="submit">\(req.t("action.save"))</button></p></form>
            """ : ""
        guard let y = existing else {
            return Layout.page(
                req, title: req.t("nav.calendar"),
                body: """
                    <h1>\(req.t("nav.calendar")) \(year)</h1><p class="flash \
                    error">\(req.t("error.calendar.missingYear", String(year)))</p>\(editor)
                    <p><a href="/calendar/\(year - 1)">\(year - 1)</a></p>
                    """, active: "/calendar")
        }
        func list(_ days: [CalendarAPI.Day]) -> HTML {
            "<ul>\(days.map { "<li>\($0.date) · \($0.name)</li>" as HTML })</ul>"
        }
        return Layout.page(
            req, title: req.t("nav.calendar"),
            body: """
                <h1>\(req.t("nav.calendar")) \(y.year)</h1><p class="muted">\(req.t("calendar.source", y.source))</p>
                <div class="grid2"><section \
                class="card"><h2>\(req.t("calendar.daysOff"))</h2>\(list(y.daysOff))</section>
                <section \
                class="card"><h2>\(req.t("calendar.workingWeekends"))</h2>\(list(y.workingWeekends))</section></div>
                <p><a href="/calendar/\(y.year - 1)">\(y.year - 1)</a> · <a \
                href="/calendar/\(y.year + 1)">\(y.year + 1)</a></p>\(editor)
                """, active: "/calendar")
    }
}
