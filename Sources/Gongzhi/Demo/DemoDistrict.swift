import Fluent
import Foundation

/// The demo district as it grows: each capability's demo step (`Capability.demo`) runs in the order of
/// `Capability.all`, inside the load's one transaction, reads what the steps before it made and adds its own.
/// The random generator travels with it, so the district comes out the same on every start.
final class DemoDistrict: @unchecked Sendable {
    let db: any Database
    let passwordHash: String
    let scale: DemoScale
    /// When the demo is loaded: every date in it is relative to this, from the application's clock.
    let now: Date
    var today: LocalDate { LocalDate(instant: now.timeIntervalSince1970) }
    var rng = SeededRandom(state: 20_261_124)
    /// Made by Organisation's step, which runs first; every later step reads it.
    var district: OrgNode!
    var streets: [OrgNode] = []
    var communities: [OrgNode] = []
    var grids: [OrgNode] = []
    var groups: [OrgNode] = []
    var unitOrgs: [OrgNode] = []
    let roads = DemoData.roadNames
    /// The people behind the demo resident and party member accounts (People's step).
    var residentPersonID: Int?
    var memberPersonID: Int?
    /// What each step made, for the load's one audit entry.
    var counts: [String: Int] = [:]
    private var phoneSeq = 0

    init(db: any Database, passwordHash: String, scale: DemoScale, now: Date) {
        self.db = db
        self.now = now
        self.passwordHash = passwordHash
        self.scale = scale
    }

    /// Mobile numbers from the 199-0xxx block, which the demo keeps to itself.
    func nextPhone() -> String {
        phoneSeq += 1
        let digits = String(phoneSeq)
        return "1990" + String(repeating: "0", count: 7 - digits.count) + digits
    }
}
