import Fluent
import Foundation

/// Visits' part of the demo district, after Accounts: every demo grid worker has a plan for the first households
/// of their grid (up to ten), three of them already visited (one found nobody at home), and a few visits earlier
/// in the year, so the phone's list, the plan and the rates show real records.
enum VisitsDemo {
    static func load(_ d: DemoDistrict) async throws {
        let db = d.db
        let workers = try await User.query(on: db).filter(\.$role == .gridWorker).filter(\.$active == true).all()
        var plans = 0
        var visits = 0
        for worker in workers {
            guard let gridID = try await PlacesQueries.grid(ofBranch: worker.orgNodeID, on: db),
                let grid = try await PlacesQueries.gridSummary(gridID, on: db)
            else { continue }
            let households = try await PlacesQueries.householdLabels(inGrid: gridID, on: db).map(\.id).sorted()
            guard households.count >= 6 else { continue }
            let planned = min(10, households.count / 2)
            let now = d.now
            // Visits of the last days, before the plan was made: they count for the rate, not for the plan.
            for (n, h) in households[planned..<min(households.count, planned + 6)].enumerated() {
                try await visit(h, grid, by: worker, at: now.addingTimeInterval(-Double(n + 2) * 86_400), .met, db)
                visits += 1
            }
            let plan = VisitPlan()
            plan.gridID = gridID
            plan.visitorUserID = worker.id!
            plan.due = d.today.adding(days: 14).description
            plan.householdIDs = households.prefix(planned).map(String.init).joined(separator: ",")
            plan.path = grid.path
            try await plan.create(on: db)
            plans += 1
            let found: [VisitOutcome] = [.met, .met, .nobodyHome]
            for (h, outcome) in zip(households.prefix(3), found) {
                try await visit(h, grid, by: worker, at: d.now.addingTimeInterval(1), outcome, db)
                visits += 1
            }
        }
        d.counts["visit plans"] = plans
        d.counts["visits"] = visits
    }

    private static func visit(
        _ household: Int, _ grid: GridSummary, by worker: User, at: Date, _ outcome: VisitOutcome, _ db: any Database
    ) async throws {
        guard let h = try await PlacesQueries.household(household, on: db) else { return }
        let v = Visit()
        v.householdID = h.id
        v.gridID = grid.id
        v.visitorUserID = worker.id!
        v.at = at
        v.note = outcome == .met ? "家中情况正常。" : ""
        v.outcome = outcome
        v.path = h.path
        try await v.create(on: db)
    }
}
