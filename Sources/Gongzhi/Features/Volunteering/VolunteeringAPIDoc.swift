import GongzhiCore

extension TeamKind: APIEnum {}
extension ActivityState: APIEnum {}
extension SignupStatus: APIEnum {}
extension HourSource: APIEnum {}
extension VolunteeringRules.Period: APIEnum {}

/// Volunteering's part of the API document.
enum VolunteeringAPIDoc {
    static let tag = "volunteering"
    static let from: APIParameter = .query("from", .text, "from this day (Asia/Shanghai) or time")
    static let to: APIParameter = .query("to", .text, "until the end of this day (Asia/Shanghai) or time")
    static let csv: APIContent = .raw(.text, "text/csv")

    static let operations: [APIOperation] = [
        APIOperation(
            .get, "volunteering/volunteers",
            "Volunteers (志愿者): staff's in scope (phones masked), a resident's or member's own registration",
            tag: tag,
            parameters: [
                .query("communityId", .integer, "only this community (or street) in scope"),
                .query("q", .text, "name or skills contain"), .query("category", ServiceCategory.self, "offers"),
                .query("ended", .boolean, "include ended registrations"),
            ],
            answer: .page(VolunteeringLists.VolunteerOut.self)),
        APIOperation(
            .post, "volunteering/volunteers",
            "Register as a volunteer: a resident or member for themselves (no personId), staff for a person in "
                + "scope; at least one category; one active registration per person (409 for a second)",
            tag: tag, body: .one(VolunteeringService.VolunteerInput.self), status: 201,
            answer: .one(VolunteeringLists.VolunteerOut.self)),
        APIOperation(
            .get, "volunteering/volunteers/export.csv",
            "Volunteers as CSV; phones masked unless unmasked=true (permission to unmask, logged)", tag: tag,
            parameters: [
                .query("communityId", .integer, "only this community"),
                .query("unmasked", .boolean, "phones in clear (logged)"),
            ], answer: csv),
        APIOperation(
            .post, "volunteering/volunteers/{id}/end", "End a registration (dated; the hours stay)", tag: tag,
            answer: .one(VolunteeringLists.VolunteerOut.self)),
        APIOperation(
            .get, "volunteering/teams",
            "Service teams (服务团队): staff's in scope; residents' those of their community, street and district",
            tag: tag,
            parameters: [
                .query("q", .text, "name or skills contain"), .query("kind", TeamKind.self, "kind of team"),
                .query("category", ServiceCategory.self, "offers"), .query("nodeId", .integer, "under this node"),
            ],
            answer: .list(VolunteeringLists.TeamOut.self)),
        APIOperation(
            .post, "volunteering/teams",
            "Create a team owned by a community or street in scope (optionally a unit's; a unit team needs one); "
                + "capacity is how many activities it runs at once",
            tag: tag, body: .one(VolunteeringService.TeamInput.self), status: 201,
            answer: .one(VolunteeringLists.TeamOut.self)),
        APIOperation(
            .get, "volunteering/teams/export.csv", "Service teams as CSV", tag: tag,
            parameters: [.query("q", .text, "name or skills contain"), .query("kind", TeamKind.self, "kind")],
            answer: csv),
        APIOperation(
            .get, "volunteering/teams/{id}", "A team with its members and activities", tag: tag,
            answer: .one(VolunteeringLists.TeamDetailOut.self)),
        APIOperation(
            .post, "volunteering/teams/{id}/members",
            "A registered volunteer in scope joins the team (a leader replaces the leader); 409 when in it already",
            tag: tag, body: .one(VolunteeringService.MemberInput.self), status: 201,
            answer: .one(VolunteeringLists.TeamDetailOut.self)),
        APIOperation(
            .get, "volunteering/activities",
            "Activities (活动): staff's in scope with their check-in codes; residents' those of their community, "
                + "street and district with their own sign-up",
            tag: tag,
            parameters: [
                from, to, .query("q", .text, "title contains"), .query("nodeId", .integer, "under this node"),
                .query("unitId", .integer, "hosted by this unit"),
            ],
            answer: .page(VolunteeringLists.ActivityOut.self)),
        APIOperation(
            .post, "volunteering/activities",
            "Create an activity organised by a community or street in scope: 15 minutes to 12 hours, 1–10,000 "
                + "places, 0–1,000 points, an optional point with a radius of 20–5,000 m for check-in",
            tag: tag, body: .one(VolunteeringService.ActivityInput.self), status: 201,
            answer: .one(VolunteeringLists.ActivityOut.self)),
        APIOperation(
            .get, "volunteering/activities/export.csv", "Activities as CSV", tag: tag,
            parameters: [from, to, .query("unitId", .integer, "hosted by this unit")], answer: csv),
        APIOperation(
            .get, "volunteering/activities/{id}", "One activity", tag: tag,
            answer: .one(VolunteeringLists.ActivityOut.self)),
        APIOperation(
            .post, "volunteering/activities/{id}/cancel", "Cancel an activity (kept, with its sign-ups and hours)",
            tag: tag, answer: .one(VolunteeringLists.ActivityOut.self)),
        APIOperation(
            .post, "volunteering/activities/{id}/signup",
            "Sign up (a registered volunteer for themselves, staff for a person in scope): a place while there is "
                + "one, else the wait list; 409 for a second sign-up",
            tag: tag, body: .one(VolunteeringService.SignupInput.self), status: 201,
            answer: .one(VolunteeringLists.SignupOut.self)),
        APIOperation(
            .post, "volunteering/activities/{id}/cancel-signup",
            "Cancel a sign-up before check-in; a freed place goes to the first waiting", tag: tag,
            body: .one(VolunteeringService.SignupInput.self), answer: .one(VolunteeringLists.SignupOut.self)),
        APIOperation(
            .get, "volunteering/activities/{id}/signups", "Sign-ups with check-in and check-out (staff)", tag: tag,
            answer: .list(VolunteeringLists.SignupOut.self)),
        APIOperation(
            .get, "volunteering/activities/{id}/hour-codes", "The activity's hour codes (staff)", tag: tag,
            answer: .list(VolunteeringLists.HourCodeOut.self)),
        APIOperation(
            .post, "volunteering/activities/{id}/hour-codes",
            "Issue one-time hour codes for the activity (1–100 codes of 1–720 minutes from its start)", tag: tag,
            body: .one(VolunteeringService.HourCodesInput.self), status: 201,
            answer: .list(VolunteeringLists.HourCodeOut.self)),
        APIOperation(
            .post, "volunteering/hour-codes",
            "Issue one-time hour codes for a team in scope (teamId, startsAt, minutes, count)", tag: tag,
            body: .one(VolunteeringService.HourCodesInput.self), status: 201,
            answer: .list(VolunteeringLists.HourCodeOut.self)),
        APIOperation(
            .post, "volunteering/hour-codes/redeem",
            "Redeem an hour code on the phone: once, by one person, not overlapping their hours (409)", tag: tag,
            body: .one(VolunteeringService.RedeemInput.self), status: 201,
            answer: .one(VolunteeringLists.HourOut.self), extraResponses: ["429": .ref(response: "TooManyGuesses")]),
        APIOperation(
            .post, "volunteering/check-in",
            "Check in with the activity's six-digit code: from 30 minutes before the start until the end, within "
                + "the radius when the activity has a point (lat, lng), once (409 for a second)",
            tag: tag, body: .one(VolunteeringService.CheckInput.self), answer: .one(VolunteeringLists.SignupOut.self),
            extraResponses: ["429": .ref(response: "TooManyGuesses")]),
        APIOperation(
            .post, "volunteering/check-out",
            "Check out with the code until two hours after the end: records the hours within the activity's time "
                + "(409 when they overlap hours the person has)",
            tag: tag, body: .one(VolunteeringService.CheckInput.self), status: 201,
            answer: .one(VolunteeringLists.HourOut.self), extraResponses: ["429": .ref(response: "TooManyGuesses")]),
        APIOperation(
            .get, "volunteering/hours",
            "Service hours: a volunteer's own; staff's given in scope (one person's, one activity's)", tag: tag,
            parameters: [
                .query("personId", .integer, "one volunteer in scope"),
                .query("activityId", .integer, "one activity"), from, to,
            ],
            answer: .page(VolunteeringLists.HourOut.self)),
        APIOperation(
            .post, "volunteering/hours",
            "Record hours by hand for a volunteer in scope, naming the approver (staff managing the place, neither "
                + "the recorder nor the volunteer): they wait for the approver (approvals) and count once approved; "
                + "refused without one and when overlapping the person's hours",
            tag: tag, body: .one(VolunteeringService.ManualInput.self), status: 202,
            answer: .one(ApprovalOut.self)),
        APIOperation(
            .get, "volunteering/hours/export.csv", "Service hours as CSV", tag: tag,
            parameters: [.query("personId", .integer, "one volunteer"), from, to], answer: csv),
        APIOperation(
            .get, "volunteering/rankings",
            "Rankings of volunteers, teams and units by hours given in a community and period; each shown only "
                + "with at least 5 participants; people's names masked for residents",
            tag: tag,
            parameters: [
                .query("nodeId", .integer, "community or street in scope (residents: their own)"),
                .query("period", VolunteeringRules.Period.self, "month (default), quarter or year"),
                .query("day", .text, "a day in the period (default today)"),
            ],
            answer: .one(VolunteeringSections.RankingsOut.self)),
    ]
}
