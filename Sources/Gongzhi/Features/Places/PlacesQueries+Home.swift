import Fluent
import Vapor

/// What Home reads from Places: the viewer's own grid, for 我的社区.
extension PlacesQueries {
    struct HomeGrid: Sendable {
        struct Server: Sendable {
            let dutyKey: String
            let name: String
        }
        let id: Int
        let name: String
        let shape: MultiPolygon
        let staff: [Server]
        let households: Int
        let population: Int
    }

    static func homeGridCard(of v: Viewer, on db: any Database) async throws -> HomeGrid? {
        guard let grid = try await homeGrid(of: v, on: db) else { return nil }
        let f = try await facts(grid, on: db)
        return HomeGrid(
            id: f.id, name: f.name, shape: f.shape,
            staff: f.staff.map { .init(dutyKey: $0.duty.labelKey, name: $0.name) },
            households: f.figures.households, population: f.figures.population)
    }
}
