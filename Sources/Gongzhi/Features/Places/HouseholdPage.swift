import Vapor

/// The household page's view: the chain from the building group's leader to who lives here.
enum HouseholdView {
    static func title(_ f: HouseholdFacts) -> String { "\(f.household.buildingName ?? "") \(f.household.room)" }

    static func body(_ f: HouseholdFacts, _ lang: Lang) -> HTML {
        let hh = f.household
        func item(_ o: HouseholdsAPI.HouseholdOut) -> HTML {
            """
            <li><a href="\(PlacesRoute.household(.value(o.id)))">\(o.buildingName ?? "") \(o.room)</a>\
            \(o.memberName.map { " · \($0)" } ?? "")</li>
            """
        }
        let group: HTML =
            f.buildingGroup.map { "<a href=\"\(OrganisationRoute.node(.value($0.id)))\">\($0.name)</a>" } ?? "–"
        let residents: [HTML] = f.residents.map {
            let facets = $0.facets.map { lang.t(key: $0.labelKey) }.joined(separator: "、")
            return "<li><a href=\"\(PeopleRoute.person(.value($0.id)))\">\($0.name)</a> · \(facets)</li>"
        }
        return """
            <p class="crumbs"><a href="\(PlacesRoute.grid(.value(hh.gridID)))">\(lang.t(.gridBack))</a></p>
            <h1>\(hh.buildingName ?? "") \
            \(hh.room)\(hh.isMemberHousehold ? " · " + lang.t(.measureMemberHouseholds) : "")</h1>
            <div class="grid2">
            <section class="card"><h2>\(lang.t(.householdChain))</h2><table class="detail" id="household-chain">
            <tr><th>\(lang.t(.kindBuildingGroup))</th><td>\(group)</td></tr>
            <tr><th>\(lang.t(.dutyBuildingGroupLeader))</th><td>\(f.groupLeader?.name ?? "–")</td></tr>
            <tr><th>\(lang.t(.householdLookedAfterBy))</th><td><ul>\(f.memberHouseholds.map(item))</ul></td></tr>
            <tr><th>\(lang.t(.householdLooksAfter))</th><td><ul \
            id="linked-households">\(f.linkedHouseholds.map(item))</ul></td></tr></table></section>
            <section class="card"><h2>\(lang.t(.householdResidents)) \
            (\(lang.t(.householdPopulation, String(hh.population))))</h2>
            <ul>\(residents)</ul></section>
            </div>
            """
    }
}

/// 身边党员's view.
enum NearbyView {
    static func body(_ n: NearbyFacts, _ lang: Lang) -> HTML {
        let rows: [HTML] = n.entries.map { e in
            let who = e.name.map { "· \($0)" } ?? "· " + lang.t(.nearbyNotShown)
            return """
                <li><strong>\(e.building)</strong> \(e.room ?? "") \(who) <span \
                class="muted">\(e.gridName)</span></li>
                """
        }
        let around: HTML =
            n.grid.map { "<p class=\"muted\">\(lang.t(.nearbyAround, $0.name))</p>" }
            ?? "<p>\(lang.t(.nearbyNoGrid))</p>"
        let staff: [HTML] = n.staff.map { "<li>\(lang.t(key: $0.duty.labelKey)) · \($0.name)</li>" }
        return """
            <h1>\(lang.t(.homeNearby))</h1>
            \(around)
            <section class="card"><h2>\(lang.t(.gridStaff))</h2><ul>\(staff)</ul></section>
            <section class="card"><h2>\(lang.t(.measureMemberHouseholds)) (\(n.entries.count))</h2><ul \
            id="nearby-members">\(rows)</ul>
            <p class="muted">\(lang.t(.nearbyPrivacy))</p></section>
            """
    }
}

/// The grid import's form and its refusal.
enum PlacesImportView {
    static func form(csrf: HTML, _ lang: Lang) -> HTML {
        """
        <h1>\(lang.t(.placesImport))</h1><section class="card"><p>\(lang.t(.placesImportHint))</p>
        <form method="post" action="\(PlacesRoute.importPreview)" \
        enctype="multipart/form-data">\(csrf)
        <label for="file">GeoJSON</label><input id="file" type="file" name="file" \
        accept=".geojson,.json,application/geo+json" required>
        <p><button type="submit">\(lang.t(.importPreview))</button></p></form>
        <p><a href="\(PlacesRoute.apiExport.query([("level", "grid")]))">\
        \(lang.t(.placesExportGrids))</a></p></section>
        """
    }

    static func refused(_ e: AppError, _ lang: Lang) -> HTML {
        """
        <h1>\(lang.t(.placesImport))</h1><p class="flash error" role="alert">\(lang.format(e.messageKey, e.args))</p>\
        <p><a href="\(PlacesRoute.importPage)">\(lang.t(.actionBack))</a></p>
        """
    }
}
