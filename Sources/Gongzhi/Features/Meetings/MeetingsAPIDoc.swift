/// Meetings' part of the API document.
enum MeetingsAPIDoc {
    static let filters: [APIParameter] = [
        .query("kind", MeetingKind.self, "kind of meeting"), .query("state", MeetingState.self, "state"),
        .query("bodyId", .integer, "meetings of one joint body"), .query("from", .text, "first day"),
        .query("to", .text, "last day"),
    ]

    static let operations: [APIOperation] = [
        APIOperation(
            .get, "meetings",
            "Meetings the caller sees (in scope, or naming them or their units), newest first, with attendance and "
                + "decisions counted",
            tag: "meetings", parameters: filters, answer: .page(MeetingsAPI.SummaryOut.self)),
        APIOperation(
            .post, "meetings",
            "Schedule a meeting of any kind at a community or street, maybe of a joint body (its roster on the day "
                + "is invited; a rotating host is suggested when none is given). Without a kind: the request "
                + "loop's community joint meeting",
            tag: "meetings", body: .one(MeetingsService.CreateInput.self), status: 201,
            answer: .one(MeetingsAPI.MeetingOut.self)),
        APIOperation(
            .get, "meetings/{id}",
            "A meeting: agenda (with the community's requests awaiting a decision while it is open), invitees, "
                + "attendance, quorum, minutes and decisions",
            tag: "meetings", answer: .one(MeetingsAPI.MeetingOut.self)),
        APIOperation(
            .patch, "meetings/{id}", "Change a scheduled meeting's time, place, title or host (SEQUENCE rises)",
            tag: "meetings", body: .one(MeetingsService.ScheduleInput.self),
            answer: .one(MeetingsAPI.MeetingOut.self)),
        APIOperation(
            .post, "meetings/{id}/agenda",
            "Propose an agenda item (those who run the meeting, and invitees): a title, a request awaiting the "
                + "community's decision, or an open need or problem of the lists under the meeting's node",
            tag: "meetings", body: .one(MeetingsService.AgendaInput.self), status: 201,
            answer: .one(MeetingsAPI.MeetingOut.self)),
        APIOperation(
            .post, "meetings/{id}/invitees", "Invite someone beyond the body's roster", tag: "meetings",
            body: .one(MeetingsService.InviteeInput.self), status: 201, answer: .one(MeetingsAPI.MeetingOut.self)),
        APIOperation(
            .post, "meetings/{id}/attendance",
            "Check an invitee in at the desk (on the meeting's day or after it, once)", tag: "meetings",
            body: .one(MeetingsService.InviteeInput.self), answer: .one(MeetingsAPI.CheckInOut.self)),
        APIOperation(
            .post, "meetings/{id}/decisions",
            "Record a decision with exactly one owner (a unit, or a person with an account) and a due date: it "
                + "becomes the owner's task",
            tag: "meetings", body: .one(MeetingsService.DecisionInput.self), status: 201,
            answer: .one(MeetingsAPI.DecisionOut.self)),
        APIOperation(
            .post, "meetings/{id}/close", "Close a meeting: refused while a decision has no owner or no due date",
            tag: "meetings", answer: .one(MeetingsAPI.MeetingOut.self)),
        APIOperation(
            .post, "meetings/{id}/cancel", "Cancel a scheduled meeting (feeds show it CANCELLED)", tag: "meetings",
            body: .one(MeetingsService.CancelInput.self), answer: .one(MeetingsAPI.MeetingOut.self)),
        APIOperation(
            .post, "meetings/check-in",
            "Check in on the phone with the meeting's six-digit code: invitees only, once, on the meeting's day",
            tag: "meetings", body: .one(MeetingsService.CheckInInput.self), answer: .one(MeetingsAPI.CheckInOut.self),
            extraResponses: ["429": .ref(response: "TooManyGuesses")]),
        APIOperation(
            .get, "meetings/host-suggestion",
            "The member unit whose turn it is to host a body's meeting on a day (after the last meeting's host, in "
                + "the order units joined)",
            tag: "meetings",
            parameters: [.required("bodyId", .integer), .query("date", .text, "the meeting's day (default today)")],
            answer: .one(MeetingsAPI.HostOut.self)),
        APIOperation(
            .get, "meetings/export.csv", "The meetings the caller sees as CSV, with attendance and decisions",
            tag: "meetings", parameters: filters, answer: .raw(.text, "text/csv")),
        APIOperation(
            .get, "meeting-tasks", "Decisions the caller or their units own, open and done", tag: "meetings",
            answer: .list(MeetingsAPI.DecisionOut.self)),
        APIOperation(
            .post, "meeting-tasks/{id}/done", "Report a decision done, with what was done (its owner)",
            tag: "meetings", body: .one(MeetingsService.DoneInput.self), answer: .one(MeetingsAPI.DecisionOut.self)),
        APIOperation(
            .post, "meetings/feed-token",
            "A new calendar feed address for the caller (and one per body they see); the old one stops working",
            tag: "meetings", answer: .one(MeetingsAPI.FeedOut.self)),
    ]
}

extension MeetingKind: APIEnum {}
extension MeetingState: APIEnum {}
extension DecisionState: APIEnum {}
extension CheckIn.Channel: APIEnum {}

extension MeetingsService.CreateInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "date": ["format": "date"], "time": ["description": "HH:mm, Asia/Shanghai (default 09:00)"],
    ]
}

extension MeetingsService.ScheduleInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["date": ["format": "date"]]
}

extension MeetingsService.DecisionInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["due": ["format": "date"]]
}

extension MeetingsAPI.MeetingOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["date": ["format": "date"]]
}

extension MeetingsAPI.DecisionOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["due": ["format": "date"]]
}
