import Vapor

/// A change made from a page form: on success a flash and a redirect; on an error the user can fix (a rule,
/// a 422 or a 409), the same page again with the message and the error's status. Anything else propagates.
enum FormChange {
    static func run(_ req: Request, _ action: () async throws -> String, page: (AppError) async throws -> HTML)
        async throws -> Response
    {
        let fixable: AppError
        do {
            let target = try await action()
            Layout.flash(req, .flashSaved)
            return req.redirect(to: target)
        } catch let e as KeyedRuleError {
            fixable = .invalid(key: e.messageKey, args: e.args)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            fixable = e
        }
        return try await page(fixable).encodeResponse(status: fixable.status, for: req)
    }
}
