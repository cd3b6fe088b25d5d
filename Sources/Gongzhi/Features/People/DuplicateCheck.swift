import Fluent
import Vapor

/// Whether ID numbers are already registered, answered without handing out hidden digits.
///
/// A masked ID shows its region and last four digits; the eight hidden ones are a birth date. Someone who may not
/// unmask could otherwise upload every date that fits and read which one is "already registered". So, for such a
/// viewer, every check is logged by its masked form, and one masked form is checked at most `perMaskPerDay` times
/// a day: enough for a real correction, far too few to walk the dates. A record outside the viewer's scope is
/// named as neither who nor where.
enum DuplicateCheck {
    enum Verdict: Equatable, Sendable {
        case free
        /// Registered in the viewer's scope: they can open it.
        case inScope
        /// Registered elsewhere in the district: the organisation department transfers it.
        case elsewhere
        /// Checked too often today in this masked form; no answer.
        case limited
    }

    static let perMaskPerDay = 5

    static func idNumbers(_ ids: [String], ignoring personID: Int? = nil, _ caller: Caller)
        async throws -> [String: Verdict]
    {
        let v = try caller.requireViewer()
        let unique = Array(Set(ids))
        var verdicts: [String: Verdict] = [:]
        var allowed = unique
        var log: [AccessLogEntry] = []
        if !v.can(.unmaskPersonalData) {
            let masks = Dictionary(grouping: unique, by: Masking.idNumber)
            let since = caller.now.addingTimeInterval(-86_400)
            var checked: [String: Int] = [:]
            for chunk in Array(masks.keys).chunked(500) {
                let earlier = try await AccessLogEntry.query(on: caller.db).filter(\.$userID == v.user.id)
                    .filter(\.$kind == .duplicateCheck).filter(\.$at >= since).filter(\.$detail ~~ chunk).all()
                for e in earlier { checked[e.detail, default: 0] += 1 }
            }
            allowed = []
            for (mask, group) in masks {
                for (n, id) in group.sorted().enumerated() {
                    if checked[mask, default: 0] + n >= perMaskPerDay {
                        verdicts[id] = .limited
                    } else {
                        allowed.append(id)
                        log.append(AccessLog.entry(caller, .duplicateCheck, detail: mask))
                    }
                }
            }
        }
        var found: [String: Person] = [:]
        for chunk in allowed.chunked(500) {
            let q = Person.query(on: caller.db).filter(\.$idNumber ~~ chunk)
            if let personID { q.filter(\.$id != personID) }
            for p in try await q.all() { if let i = p.idNumber { found[i] = p } }
        }
        for id in allowed {
            guard let p = found[id] else {
                verdicts[id] = .free
                continue
            }
            let inScope = p.readPaths.contains { v.scope.includes(TreePath($0)) }
            verdicts[id] = inScope ? .inScope : .elsewhere
            // A hit outside the scope is a look across the district: logged for those who may unmask too.
            if !inScope, v.can(.unmaskPersonalData) {
                log.append(AccessLog.entry(caller, .duplicateCheck, detail: Masking.idNumber(id)))
            }
        }
        if !log.isEmpty { try await log.create(on: caller.db) }
        return verdicts
    }

    /// The problem to show for a verdict, if any.
    static func messageKey(_ verdict: Verdict) -> String? {
        switch verdict {
        case .free: nil
        case .inScope: "error.idNumber.taken"
        case .elsewhere: "error.idNumber.registeredElsewhere"
        case .limited: "error.idNumber.checkLimit"
        }
    }
}
