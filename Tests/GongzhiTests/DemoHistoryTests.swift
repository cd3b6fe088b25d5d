import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

/// The demo's year of requests (the full demo's; here the small district with one a grid and month): every open
/// state, every channel, and every request's events a chain the workflow allows, ending where the request stands.
@Suite("The demo's past")
struct DemoHistoryTests {
    @Test func aYearOfRequestsFollowsTheWorkflow() async throws {
        let file = NSTemporaryDirectory() + "gongzhi-history-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + s) } }
        var scale = DemoScale.small
        scale.requestsPerGridMonth = 1
        var config = AppConfig(database: .sqliteFile(file), loadDemo: true, demoScale: scale, bcryptCost: 4)
        config.durableWrites = false
        let setUp: (Application) async throws -> Void = { app in
            app.logger.logLevel = .warning
            try await configure(app, config)
        }
        try await withApp(configure: setUp) { app in
            let requests = try await ServiceRequest.query(on: app.db).all()
            #expect(requests.count > 60)
            let states = Set(requests.map(\.state))
            let open: Set<RequestState> = [.raised, .gridReview, .meetingDecision, .escalated, .dispatched, .handling]
            #expect(open.isSubset(of: states), "open states: \(states)")
            #expect(states.contains(.closed) && states.contains(.resolved))
            #expect(Set(requests.map(\.channel)).count >= 4)
            let months = Set(requests.map { LocalDate(instant: $0.raisedAt.timeIntervalSince1970).month })
            #expect(months.count == 12)
            let events = Dictionary(
                grouping: try await RequestEvent.query(on: app.db).sort(\.$id).all(), by: \.requestID)
            let assignments = Dictionary(
                grouping: try await RequestAssignment.query(on: app.db).all(), by: \.requestID)
            for r in requests {
                let es = events[r.id!] ?? []
                #expect(es.first?.action == .raise && es.first?.toState == .raised, "\(r.number)")
                var facts = RequestFacts(state: .raised)
                for e in es.dropFirst() {
                    #expect(e.fromState == facts.state, "\(r.number) \(e.action)")
                    let rating: Rating? =
                        e.action == .rate ? (e.toState == .handling ? .unsatisfied : .satisfied) : nil
                    facts = try RequestWorkflow.apply(e.action, to: facts, rating: rating)
                    #expect(facts.state == e.toState, "\(r.number) \(e.action)")
                    #expect(e.at >= r.raisedAt && e.at <= app.clock.now)
                }
                #expect(facts.state == r.state, "\(r.number) ends \(facts.state), stands \(r.state)")
                if !r.state.isOpen || r.state == .resolved {
                    let live = (assignments[r.id!] ?? []).filter { [.pending, .accepted].contains($0.status) }
                    #expect(live.isEmpty, "\(r.number) is done with handlers still on it")
                }
            }
            // The desk's figures count them: the street's home shows its open requests.
            let desk = try await Client.page(app, as: "street")
            #expect(try await desk.get(RequestsRoute.list).body.string.contains("data-total=\""))
        }
    }
}
