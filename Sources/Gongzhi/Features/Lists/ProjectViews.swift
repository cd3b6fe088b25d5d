import GongzhiCore
import Vapor

/// Action projects' pages, pure functions of their models and the language.
enum ProjectViews {
    struct ListModel: Sendable {
        let projects: [ProjectSummary]
        let state: ProjectState?
        let mayExport: Bool
        /// For the new-project form (keepers only): where, owners and what it is built from.
        let nodes: [(id: Int, name: String)]
        let units: [(id: Int, name: String)]
        let item: ListItemOut?
        let resources: [(id: Int, name: String)]
    }

    static func list(_ m: ListModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let rows: HTML = m.projects.map { p in
            let rating = p.rating.map { String($0) + " ★" } ?? ""
            return """
                <tr><td><a href="\(ListsRoute.project(.value(p.id)))">\(p.title)</a></td>\
                <td>\(lang.t(.serviceCategory(p.category)))</td><td>\(p.ownerName)</td>\
                <td>\(lang.t(p.state.label))</td><td class="num">\(p.milestonesDone) / \(p.milestones)</td>\
                <td class="num">\(p.budget)</td><td class="num">\(p.beneficiaries)</td><td>\(rating)</td></tr>
                """ as HTML
        }.joined()
        let export: HTML =
            m.mayExport ? "<a href=\"\(ListsRoute.projectsExport)\">\(lang.t(.actionExportCSV))</a>" : ""
        return """
            <h1>\(lang.t(.listsProjects))</h1>\(ListsViews.tabs(lang, resident: false))
            <p class="muted">\(lang.t(.listsProjectsIntro))</p>
            <form method="get" action="\(ListsRoute.projects)" class="filters">\
            <label for="state">\(lang.t(.listsState))</label>\
            <select id="state" name="state">\(ListsViews.enumOptions(m.state, lang) { $0.label })</select>\
            <button>\(lang.t(.actionFilter))</button> \(export)</form>
            <table id="projects"><thead><tr><th>\(lang.t(.listsTitle))</th><th>\(lang.t(.listsCategory))</th>\
            <th>\(lang.t(.listsOwner))</th><th>\(lang.t(.listsState))</th><th>\(lang.t(.listsMilestones))</th>\
            <th>\(lang.t(.listsBudget))</th><th>\(lang.t(.listsBeneficiaries))</th><th>\(lang.t(.listsRating))</th>\
            </tr></thead><tbody>\(rows)</tbody></table>
            \(m.nodes.isEmpty ? "" : form(m, csrf: csrf, error: error, lang))
            """
    }

    static func form(_ m: ListModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let groups: HTML = BeneficiaryGroup.allCases.map { g in
            """
            <label><input type="checkbox" name="groups[]" value="\(g.rawValue)"> \(lang.t(g.label))</label>
            """ as HTML
        }.joined()
        let item: HTML =
            m.item.map { i in
                """
                <input type="hidden" name="itemIds[]" value="\(String(i.id))">\
                <p>\(lang.t(.listsBuiltFrom)): \(i.title)</p>
                """
            } ?? ""
        let resources: HTML =
            m.resources.isEmpty
            ? ""
            : m.resources.map { r in
                """
                <label><input type="checkbox" name="resourceIds[]" value="\(String(r.id))" checked> \(r.name)</label>
                """ as HTML
            }.joined()
        let selectedNode = m.item.map { String($0.communityNodeID) }
        return """
            <form method="post" action="\(ListsRoute.projects)" class="card" id="project-form">\(csrf)
            <h2>\(lang.t(.listsNewProject))</h2>\(Widgets.errorSummary(error, lang: lang))\(item)\(resources)
            <label for="p-title">\(lang.t(.listsTitle))</label>\
            <input id="p-title" name="title" required maxlength="100" value="\(m.item?.title ?? "")">
            <label for="p-summary">\(lang.t(.listsDetails))</label>\
            <textarea id="p-summary" name="summary" maxlength="2000"></textarea>
            <label for="p-category">\(lang.t(.listsCategory))</label>\
            <select id="p-category" name="category">\(ListsViews.categoryOptions(m.item?.category, lang, any: false))\
            </select>
            <label for="p-node">\(lang.t(.listsCommunity))</label><select id="p-node" name="nodeId">\
            \(Widgets.options(m.nodes.map { (String($0.id), $0.name) }, selected: selectedNode))\
            </select>
            <label for="p-owner">\(lang.t(.listsOwner))</label><select id="p-owner" name="ownerUnitId">\
            \(Widgets.options([(value: "", label: "—")] + m.units.map { (String($0.id), $0.name) }))</select>
            <label for="p-budget">\(lang.t(.listsBudget))</label>\
            <input id="p-budget" name="budget" type="number" min="0" value="0">
            <label for="p-beneficiaries">\(lang.t(.listsBeneficiaries))</label>\
            <input id="p-beneficiaries" name="beneficiaries" type="number" min="0" value="0">
            <fieldset><legend>\(lang.t(.listsGroups))</legend>\(groups)</fieldset>
            <button id="project-submit">\(lang.t(.listsOpenProject))</button></form>
            """
    }

    static func detail(_ d: ProjectDetail, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let p = d.project
        let milestones: HTML = d.milestones.map { m in
            let done: HTML =
                m.doneOn == nil && d.mayReport && (p.state == .proposed || p.state == .underway)
                ? """
                <form method="post" action="\(ListsRoute.milestoneDone(.value(p.id), .value(m.id)))" class="inline">\
                \(csrf)<button>\(lang.t(.listsMarkDone))</button></form>
                """ : ""
            return "<tr><td>\(m.title)</td><td>\(m.due)</td><td>\(m.doneOn ?? "")\(done)</td></tr>" as HTML
        }.joined()
        let notes: HTML = d.notes.map { n in
            let photos: HTML = n.photos.map { url in
                "<img src=\"\(HTML(raw: HTML.escape(url)))\" alt=\"\" width=\"160\">" as HTML
            }.joined()
            return "<li><p>\(n.text)</p><p class=\"muted\">\(n.by) · \(n.at)</p>\(photos)</li>" as HTML
        }.joined()
        let items: HTML = d.items.map { i in
            let title: HTML =
                i.visible ? "<a href=\"\(ListsRoute.item(.value(i.id)))\">\(i.title)</a>" : "\(i.title)"
            return "<li>\(title) · \(lang.t(i.status.label))</li>" as HTML
        }.joined()
        let resources: HTML = d.resources.map { r in
            r.visible
                ? "<li><a href=\"\(ListsRoute.resource(.value(r.id)))\">\(r.title)</a></li>" as HTML
                : "<li>\(r.title)</li>" as HTML
        }.joined()
        let closure: HTML =
            p.state == .closed || p.state == .cancelled
            ? """
            <section class="card" id="closure"><h2>\(lang.t(.listsClosure))</h2><p>\(d.evidence ?? "")</p>\
            <p>\(lang.t(.listsServed)): \(String(d.served ?? 0)) · \(lang.t(.listsRating)): \
            \(p.rating.map { String($0) + " ★" } ?? "—") \(d.ratingNote ?? "")</p></section>
            """ : ""
        let partners =
            d.partners.isEmpty ? "" : " · " + lang.t(.listsPartners) + ": " + d.partners.joined(separator: "、")
        let mean = d.residentMean.map { String($0) } ?? ""
        let residents: HTML =
            d.residentRatings == 0
            ? ""
            : "<p id=\"resident-ratings\">\(lang.t(.listsResidentRatings, String(d.residentRatings), mean))</p>"
        let mine: HTML = d.myRating.map { "<p id=\"my-rating\">\(lang.t(.listsMyRating, String($0)))</p>" } ?? ""
        let rate: HTML =
            d.mayRate
            ? """
            <form method="post" action="\(ListsRoute.projectRate(.value(p.id)))" class="card" id="rate-form">\(csrf)
            <p>\(lang.t(.listsRateHint))</p>
            <label for="r-rating">\(lang.t(.listsRating))</label><select id="r-rating" name="rating">\
            \(Widgets.options((1...5).reversed().map { (String($0), String(repeating: "★", count: $0)) }))</select>
            <label for="r-note">\(lang.t(.listsRatingNote))</label><input id="r-note" name="note" maxlength="200">
            <button type="submit">\(lang.t(.listsRate))</button></form>
            """ : ""
        return """
            <h1>\(p.title)</h1>
            <p><span id="project-state">\(lang.t(p.state.label))</span> · \(lang.t(.serviceCategory(p.category))) · \
            \(p.nodeName) · \(lang.t(.listsOwner)): \(p.ownerName)\
            \(partners)</p>
            <p>\(lang.t(.listsBudget)): \(String(p.budget)) · \
            \(lang.t(.listsBeneficiaries)): \(String(p.beneficiaries))\
             · \(p.groups.map { lang.t($0.label) }.joined(separator: "、"))</p>
            <p>\(d.summary)</p>\(Widgets.errorSummary(error, lang: lang))
            <section class="card"><h2>\(lang.t(.listsBuiltFrom))</h2><ul>\(items)\(resources)</ul></section>
            <section class="card"><h2>\(lang.t(.listsMilestones))</h2>
            <table id="milestones"><thead><tr><th>\(lang.t(.listsTitle))</th><th>\(lang.t(.listsDue))</th>\
            <th>\(lang.t(.listsDoneOn))</th></tr></thead><tbody>\(milestones)</tbody></table>\
            \(d.mayManage ? milestoneForm(p.id, csrf: csrf, lang) : "")</section>
            <section class="card"><h2>\(lang.t(.listsProgress))</h2>\
            \(d.mayReport ? noteForm(p.id, csrf: csrf, lang) : "")<ul id="notes">\(notes)</ul></section>
            \(closure)\(residents)\(mine)\(rate)
            \(d.mayManage ? stateForms(p, csrf: csrf, lang) : "")
            """
    }

    static func milestoneForm(_ id: Int, csrf: HTML, _ lang: Lang) -> HTML {
        """
        <form method="post" action="\(ListsRoute.milestones(.value(id)))" id="milestone-form">\(csrf)
        <label for="m-title">\(lang.t(.listsTitle))</label><input id="m-title" name="title" required maxlength="100">
        <label for="m-due">\(lang.t(.listsDue))</label><input id="m-due" name="due" type="date" required>
        <button>\(lang.t(.listsAddMilestone))</button></form>
        """
    }

    static func noteForm(_ id: Int, csrf: HTML, _ lang: Lang) -> HTML {
        """
        <form method="post" action="\(ListsRoute.notes(.value(id)))" enctype="multipart/form-data" id="note-form">\
        \(csrf)<label for="note-text">\(lang.t(.listsNote))</label>\
        <textarea id="note-text" name="text" required maxlength="2000"></textarea>
        <label for="note-photos">\(lang.t(.listsPhotos))</label>\
        <input id="note-photos" name="photos[]" type="file" accept="image/jpeg,image/png" multiple>
        <button id="note-submit">\(lang.t(.listsAddNote))</button></form>
        """
    }

    static func stateForms(_ p: ProjectSummary, csrf: HTML, _ lang: Lang) -> HTML {
        let ratings = [(value: "", label: "—")] + (1...5).reversed().map { (value: String($0), label: "\($0) ★") }
        let start: HTML =
            p.state == .proposed
            ? """
            <form method="post" action="\(ListsRoute.projectState(.value(p.id)))" class="inline" id="start-form">\
            \(csrf)<input type="hidden" name="state" value="underway"><button>\(lang.t(.listsStart))</button></form>
            """ : ""
        let close: HTML =
            p.state == .underway
            ? """
            <form method="post" action="\(ListsRoute.projectState(.value(p.id)))" class="card" id="close-project">\
            \(csrf)<input type="hidden" name="state" value="closed"><h2>\(lang.t(.listsCloseProject))</h2>
            <label for="evidence">\(lang.t(.listsEvidence))</label>\
            <textarea id="evidence" name="evidence" required maxlength="2000"></textarea>
            <label for="served">\(lang.t(.listsServed))</label>\
            <input id="served" name="served" type="number" min="0" value="\(String(p.beneficiaries))">
            <label for="rating">\(lang.t(.listsRating))</label><select id="rating" name="rating">\
            \(Widgets.options(ratings))\
            </select>
            <label for="rating-note">\(lang.t(.listsRatingNote))</label>\
            <input id="rating-note" name="ratingNote" maxlength="500">
            <button>\(lang.t(.listsCloseProject))</button></form>
            """ : ""
        let cancel: HTML = """
            <form method="post" action="\(ListsRoute.projectState(.value(p.id)))" class="inline" id="cancel-form">\
            \(csrf)<input type="hidden" name="state" value="cancelled">\
            <label for="cancel-why">\(lang.t(.listsCancelWhy))</label>\
            <input id="cancel-why" name="evidence" required maxlength="2000"><button>\(lang.t(.listsCancel))</button>\
            </form>
            """
        return "\(start)\(close)\(cancel)"
    }
}
