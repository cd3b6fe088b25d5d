import Fluent

extension QueryBuilder {
    /// Keeps rows whose path lies in one of the scope's subtrees: one prefix filter per subtree.
    /// A self-only scope matches no path (those users reach their own rows by id).
    @discardableResult
    func inScope(_ scope: DataScope, _ path: KeyPath<Model, FieldProperty<Model, String>>) -> Self {
        if scope.paths.isEmpty { return filter(path == "\u{1}none") }
        return group(.or) { g in
            for p in scope.paths { g.filter(path =~ p.value) }
        }
    }

    /// Rows whose optional path (e.g. an in-service member's home community) lies in the scope.
    @discardableResult
    func inScope(_ scope: DataScope, optional path: KeyPath<Model, OptionalFieldProperty<Model, String>>) -> Self {
        if scope.paths.isEmpty { return filter(path == "\u{1}none") }
        return group(.or) { g in
            for p in scope.paths { g.filter(path =~ p.value) }
        }
    }

    /// The same, where a row also belongs to a second subtree (an in-service member's home community).
    @discardableResult
    func inScope(
        _ scope: DataScope, _ path: KeyPath<Model, FieldProperty<Model, String>>,
        or second: KeyPath<Model, OptionalFieldProperty<Model, String>>
    ) -> Self {
        if scope.paths.isEmpty { return filter(path == "\u{1}none") }
        return group(.or) { g in
            for p in scope.paths {
                g.filter(path =~ p.value)
                g.filter(second =~ p.value)
            }
        }
    }
}
