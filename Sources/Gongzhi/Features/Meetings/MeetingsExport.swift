import Fluent
import Vapor

/// The meetings a viewer sees as a CSV: one row per meeting, with its attendance and its decisions.
enum MeetingsExport {
    static func csv(_ caller: Caller, _ f: MeetingsAPI.Filter) async throws -> Response {
        let v = try await caller.require(.exportData)
        let access = try await MeetingAccess.of(v, on: caller.db)
        let ms = try await MeetingsAPI.visible(access, f, limit: 5_000, on: caller.db)
        let summaries = try await MeetingsAPI.summaries(ms, now: caller.now, on: caller.db)
        let ids = ms.compactMap(\.id)
        var decisions: [Int: [MeetingDecision]] = [:]
        for chunk in ids.chunked(500) {
            for d in try await MeetingDecision.query(on: caller.db).filter(\.$meetingID ~~ chunk).sort(\.$id).all() {
                decisions[d.meetingID, default: []].append(d)
            }
        }
        let nodes = Dictionary(
            uniqueKeysWithValues: try await OrgNode.query(on: caller.db)
                .filter(\.$id ~~ Array(Set(ms.map(\.nodeID)))).all().map { ($0.id!, $0.name) })
        let lang = caller.lang
        let header = [
            lang.t(.meetingID), lang.t(.meetingKind), lang.t(.meetingTitle), lang.t(.meetingNode),
            lang.t(.meetingDate), lang.t(.meetingTime), lang.t(.meetingPlace), lang.t(.meetingHost),
            lang.t(.meetingState), lang.t(.meetingInvited), lang.t(.meetingPresent), lang.t(.meetingDecisions),
            lang.t(.meetingOpenDecisions), lang.t(.meetingDecisionList),
        ]
        let rows: [[String]] = zip(ms, summaries).map { m, s in
            let list = (decisions[m.id!] ?? []).map { d in
                "\(d.text)（\(d.ownerName)，\(d.due)，\(lang.t(key: d.state.labelKey))）"
            }
            return [
                String(s.id), lang.t(key: m.kind.labelKey), m.title, nodes[m.nodeID] ?? "", s.date, s.time, s.place,
                s.host, lang.t(MeetingFacts.shown(s.state, s.phase)), String(s.invited), String(s.present),
                String(s.decisions), String(s.openDecisions), list.joined(separator: "；"),
            ]
        }
        return CSVResponse.make(fileName: "meetings.csv", header: header, rows: rows)
    }
}
