import Fluent
import Vapor

/// The first page after sign-in: the resident's entries on the phone, figures of one's scope at the desk.
enum HomePages {
    static func register(_ p: RoutesBuilder) {
        p.get(PlatformRoute.home, use: home)
        p.get(HomeRoute.community, use: community)
        p.get(HomeRoute.profile, use: profile)
    }

    @Sendable static func home(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        let model = try await HomeModel.query(v, now: req.clock.now, on: req.db)
        // The phone's other entries, beyond its five tabs, grouped under its tiles.
        let more = model.phone ? Layout.phoneMore(req.caller, v) : ""
        return Layout.page(
            req, title: req.t(.homeTitle), body: "\(HomeView.body(model, req.lang))\(more)",
            active: PlatformRoute.home.path)
    }

    /// 我的社区: the community, street and grid the viewer lives in, and who serves it.
    @Sendable static func community(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        let model = try await CommunityModel.query(v, on: req.db)
        let svg = try await model.grid.asyncMap { g in try await req.offload { CommunityView.svg(g) } }
        let sections = PageSection.view(try await PageSection.node(v.node.id!, req.caller), req.lang)
        return Layout.page(
            req, title: req.t(.homeMyCommunity), body: "\(CommunityView.body(model, svg: svg, req.lang))\(sections)",
            active: HomeRoute.community.path)
    }

    /// A resident's or member's own record, masked like everywhere else.
    @Sendable static func profile(_ req: Request) async throws -> HTML {
        let model = try await ProfileModel.query(try req.requireViewer(), on: req.db)
        return Layout.page(
            req, title: req.t(.homeProfile), body: ProfileView.body(model, req.lang), active: PlatformRoute.home.path)
    }
}
