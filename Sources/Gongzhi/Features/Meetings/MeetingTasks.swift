import Fluent
import Vapor

/// Decisions as their owners' tasks: what the to-dos page lists for a viewer (decisions they own, or their units
/// own, still open), and the task page.
enum MeetingTasks {
    static func owned(by access: MeetingAccess, openOnly: Bool = false, on db: any Database) async throws
        -> [MeetingDecision]
    {
        var found: [MeetingDecision] = []
        if let personID = access.personID {
            let q = MeetingDecision.query(on: db).filter(\.$ownerPersonID == personID)
            if openOnly { q.filter(\.$state == .open) }
            found += try await q.all()
        }
        if !access.unitIDs.isEmpty {
            let q = MeetingDecision.query(on: db).filter(\.$ownerUnitID ~~ Array(access.unitIDs))
            if openOnly { q.filter(\.$state == .open) }
            found += try await q.all()
        }
        var seen = Set<Int>()
        return found.filter { seen.insert($0.id!).inserted }.sorted { ($0.due, $0.id!) < ($1.due, $1.id!) }
    }

    /// The to-dos hook: the viewer's open decisions, each linking to its task page.
    @Sendable static func todos(_ caller: Caller) async throws -> [TodoItem] {
        let v = try caller.requireViewer()
        let lang = caller.lang
        let db = caller.db
        let access = try await MeetingAccess.of(v, on: db)
        let open = try await owned(by: access, openOnly: true, on: db)
        guard !open.isEmpty else { return [] }
        let meetings = try await Meeting.query(on: db).filter(\.$id ~~ Array(Set(open.map(\.meetingID)))).all()
        let byID = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id!, $0) })
        return open.map { d in
            let m = byID[d.meetingID]
            return TodoItem(
                link: MeetingsRoute.task(.value(d.id!)).link, title: String(d.text.prefix(80)),
                waitingFor: lang.t(.meetingTaskReport),
                origin: m.map { "\(MeetingFacts.label($0, lang)) \($0.day)" } ?? "", due: LocalDate(d.due))
        }
    }
}
