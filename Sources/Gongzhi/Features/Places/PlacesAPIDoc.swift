/// Places' part of the API document: grids, buildings, households, contact points, the locator, boundaries.
enum PlacesAPIDoc {
    static let operations: [APIOperation] = [
        APIOperation(
            .get, "places/locate",
            "The grid, community and street containing a point (WGS84); for a point just outside every grid, the "
                + "nearest grid within 500 m with inside=false",
            tag: "places",
            parameters: [
                .required("lat", .number(min: -90, max: 90)), .required("lng", .number(min: -180, max: 180)),
            ],
            answer: .one(PlacesAPI.Located.self)),
        APIOperation(
            .get, "places/export.geojson",
            "Boundaries in scope as a GeoJSON FeatureCollection (WGS84) with figures as properties", tag: "places",
            parameters: [
                .query("level", .strings(["district", "street", "community", "grid"]), "which level (default grid)")
            ],
            answer: .raw(.anyObject, "application/geo+json")),
        APIOperation(
            .post, "places/import/preview",
            "Check a GeoJSON FeatureCollection of grid boundaries (properties code, community, name; GCJ-02 converted "
                + "when declared): bad rings, overlaps and gaps within a community are listed per feature",
            tag: "places", parameters: [.query("fileName", .text, "the file's name, for the record")],
            body: .raw(.anyObject, "application/geo+json"), answer: .one(ImportPreview.self)),
        APIOperation(
            .post, "places/import/{batch}/commit", "Store a previewed batch of grid boundaries, all or none",
            tag: "places", answer: .one(ImportCommitResult.self)),
        APIOperation(
            .get, "grids",
            "Grids in scope with households, population, members, member households, grid workers and size flags "
                + "(300–500 households, about 1,000 people)",
            tag: "places",
            parameters: [
                .query("communityId", .integer, "only this community's grids"),
                .query("flagged", .boolean, "only grids outside the size rule"),
            ],
            answer: .list(PlacesAPI.GridOut.self)),
        APIOperation(
            .get, "grids/{id}",
            "A grid with boundary, figures, workers and chiefs, departments, contact leaders and buildings",
            tag: "places", answer: .one(PlacesAPI.GridDetail.self)),
        APIOperation(
            .patch, "grids/{id}", "Rename a grid or attach it to a grid branch of its community", tag: "places",
            body: .one(PlacesCommands.GridUpdate.self), answer: .one(PlacesAPI.GridOut.self)),
        APIOperation(
            .get, "grids/{id}/households", "The grid's households with member-household links", tag: "places",
            answer: .list(HouseholdsAPI.HouseholdOut.self)),
        APIOperation(
            .post, "grids/{id}/duties",
            "Assign a grid worker or one of the three chiefs (a building group leader leads one building group and "
                + "must be a party member)",
            tag: "places", body: .one(PlacesCommands.DutyInput.self), status: 201,
            answer: .one(PlacesAPI.GridDetail.self)),
        APIOperation(
            .delete, "grids/{id}/duties/{duty}", "End a duty (recorded in the audit log)", tag: "places",
            answer: .one(PlacesAPI.GridDetail.self)),
        APIOperation(
            .post, "grids/{id}/departments",
            "Assign a department (police, city management, safety, legal, other) to the grid", tag: "places",
            body: .one(PlacesCommands.DepartmentInput.self), status: 201, answer: .one(PlacesAPI.GridDetail.self)),
        APIOperation(
            .post, "buildings", "Add a building inside a grid", tag: "places",
            body: .one(PlacesCommands.BuildingInput.self), status: 201, answer: .one(PlacesAPI.BuildingOut.self)),
        APIOperation(
            .post, "households", "Add a household to a building", tag: "places",
            body: .one(PlacesCommands.HouseholdInput.self), status: 201,
            answer: .one(HouseholdsAPI.HouseholdOut.self)),
        APIOperation(
            .get, "households/{id}",
            "A household: residents (masked), building group and its leader, the member households looking after it "
                + "and the households it looks after",
            tag: "places", answer: .one(HouseholdsAPI.HouseholdDetail.self)),
        APIOperation(
            .post, "households/{id}/residents", "Record that a person lives in this household", tag: "places",
            body: .one(PlacesCommands.ResidentInput.self), answer: .one(HouseholdsAPI.HouseholdDetail.self)),
        APIOperation(
            .post, "households/{id}/member-household",
            "Make this a party-member household (党员中心户) of a member living in it", tag: "places",
            body: .one(PlacesCommands.MemberInput.self), answer: .one(HouseholdsAPI.HouseholdDetail.self)),
        APIOperation(
            .post, "households/{id}/links", "Link a neighbour household to this member household",
            tag: "places", body: .one(PlacesCommands.LinkInput.self),
            answer: .one(HouseholdsAPI.HouseholdDetail.self)),
        APIOperation(
            .get, "contact-assignments", "Leaders' contact points (包联/包保) in scope", tag: "places",
            answer: .list(PlacesAPI.ContactRef.self)),
        APIOperation(
            .post, "contact-assignments", "Assign a leader to a community or a compound (grid)", tag: "places",
            body: .one(ContactsAPI.CreateInput.self), status: 201, answer: .one(PlacesAPI.ContactRef.self)),
        APIOperation(
            .get, "nearby",
            "身边党员: member households of the caller's grid and the grids around it (names only where the member "
                + "agreed) and who serves the grid",
            tag: "places", answer: .one(NearbyAPI.Nearby.self)),
    ]
}

extension PlacesCommands.HouseholdInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "room": ["maxLength": 40], "population": ["minimum": 1, "maximum": 30],
    ]
}

extension PlacesCommands.GridUpdate: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["name": ["maxLength": 100]]
}

extension ContactsAPI.CreateInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["title": ["maxLength": 50], "since": ["format": "date"]]
}

extension PlacesAPI.PersonRef: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "dutyID": ["description": "the assignment, for DELETE /grids/{id}/duties/{duty}"]
    ]
}

extension PlacesAPI.GridDetail: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["boundary": ["description": "GeoJSON geometry"]]
}

extension HouseholdsAPI.HouseholdOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["memberName": ["description": "masked"]]
}
